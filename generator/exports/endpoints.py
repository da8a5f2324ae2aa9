"""Every open-data endpoint in one table: the "Use our data" page and the OpenAPI document are both
made from it, and the tests check that every exported file matches one of its paths."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from generator.core.catalog import Catalog
from generator.exports.api import API, entry_path, list_path
from generator.exports.csv_export import CSV_PATH
from generator.exports.hsds import FOLDER as HSDS
from generator.exports.public import Collection
from generator.exports.vcard import region_vcard_path
from generator.kinds.network.budget_pages import CSV_FILE as BUDGET_CSV
from generator.kinds.network.calendar import FEED as MEETINGS_FEED

ARCHIVE = "api/open-data.zip"
OPENAPI = f"{API}/openapi.json"
GUIDANCE_FEED = "changes/guidance.xml"
SESSIONS_FEED = "training/sessions.xml"
ALERTS_FEED = "alerts/feed.xml"
JSON, CSV, VCARD, ATOM, ICS, ZIP = ("application/json", "text/csv", "text/vcard", "application/atom+xml",
                                    "text/calendar", "application/zip")


@dataclass(frozen=True)
class Endpoint:
    group: str
    path: str  # relative to the site root; {name} marks a part that varies
    media_type: str
    title: str
    description: str
    schema: str | None = None  # the OpenAPI component describing a JSON body

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile("^" + re.sub(r"\\\{[a-z_-]+\\\}", "[^/]+", re.escape(self.path)) + "$")

    def example(self, paths: Sequence[str]) -> str | None:
        """A real file this endpoint serves, to link to as an example: the first of ``paths`` (sorted)
        it matches. Only paths starting with the part before the first {name} can match, and those
        are together in sorted order: at 5,000 organisations there are 30,000 paths to look through."""
        if "{" not in self.path:
            return self.path
        prefix = self.path[:self.path.index("{")]
        for path in islice(paths, bisect_left(paths, prefix), None):
            if not path.startswith(prefix):
                break
            if self.pattern.match(path):
                return path
        return None


def pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def endpoints(catalog: Catalog, collections: list[Collection]) -> list[Endpoint]:
    found = [
        Endpoint("JSON API", f"{API}/index.json", JSON, "API index",
                 "What the API holds: every content type with its count and the paths of its files, the licence, "
                 "and the downloads.", "Index"),
        Endpoint("JSON API", OPENAPI, JSON, "OpenAPI document",
                 "This API described in OpenAPI 3.1, with a JSON Schema for every kind of entry.")]
    for c in collections:
        found.append(Endpoint("JSON API", list_path(c), JSON, f"{c.title}: all", f"{c.description} Every entry, "
                              "with the count and the licence.", f"{pascal(c.name)}List"))
        found.append(Endpoint("JSON API", entry_path(c), JSON, f"{c.title}: one entry",
                              "One entry by its id, as in the list.", f"{pascal(c.name)}Entry"))
    found += [
        Endpoint("Open Referral HSDS 3.0", f"{HSDS}/index.json", JSON, "HSDS root",
                 "The HSDS version of this export and where its API description is."),
        Endpoint("Open Referral HSDS 3.0", f"{HSDS}/organizations.json", JSON, "Organizations",
                 "Every organization's one-to-one fields, as one page of HSDS API list results."),
        Endpoint("Open Referral HSDS 3.0", f"{HSDS}/organizations/{{id}}.json", JSON, "One organization",
                 "An organization fully nested: phones, its location with address and schedules, and its services."),
        Endpoint("Open Referral HSDS 3.0", f"{HSDS}/services.json", JSON, "Services",
                 "Every service (one per service an organisation offers), one-to-one fields."),
        Endpoint("Open Referral HSDS 3.0", f"{HSDS}/services/{{id}}.json", JSON, "One service",
                 "A service fully nested: phones, languages, service area, location with schedules, and the "
                 "services and species taxonomy terms it is tagged with."),
        Endpoint("Open Referral HSDS 3.0", f"{HSDS}/taxonomies.json", JSON, "Taxonomies",
                 "The network's vocabularies used as HSDS taxonomies: services, species, kinds of organisation."),
        Endpoint("Open Referral HSDS 3.0", f"{HSDS}/taxonomy_terms.json", JSON, "Taxonomy terms",
                 "Every term of those taxonomies."),
        Endpoint("Spreadsheets", CSV_PATH, CSV, "The directory",
                 "One row per organisation: address, phones by type, hours, species, services, status and links. "
                 "UTF-8; lists inside a cell are separated by '; '. Closed organisations are listed without numbers."),
        Endpoint("Contacts for phones", "api/vcards/{id}.vcf", VCARD, "One organisation as a contact",
                 "A vCard 3.0 with every phone line (the first one to ring marked preferred), address, website and "
                 "hours. Closed organisations have none."),
        Endpoint("Contacts for phones", region_vcard_path("{id}"), VCARD, "A region's emergency clinics",
                 "The clinics that answer at night for a region (its 24-hour and on-call clinics, then partner "
                 "clinics elsewhere), as several vCards in one file."),
        Endpoint("Feeds", "changes/feed.xml", ATOM, "Recent changes", "Atom feed of recent changes to the "
                 "directory and the guidance (from the repository's history)."),
        Endpoint("Feeds", GUIDANCE_FEED, ATOM, "Guidance changes", "Atom feed of recent changes to clinical "
                 "guidance only: triage, first aid and the referral protocol."),
    ]
    if catalog.get("alerts"):
        found.append(Endpoint("Feeds", ALERTS_FEED, ATOM, "Alerts",
                              "Atom feed of public alerts (closures and disruptions, with what to do instead), "
                              "current, coming and recently ended."))
    if catalog.modules:
        found += [
            Endpoint("Feeds", SESSIONS_FEED, ATOM, "Training sessions",
                     "Atom feed of upcoming training sessions, one entry per session."),
            Endpoint("Calendars", "training/sessions.ics", ICS, "All upcoming sessions", "iCalendar to subscribe to."),
            Endpoint("Calendars", "training/sessions/{module}--{session}.ics", ICS, "One session",
                     "iCalendar file for one session (\"Add to calendar\")."),
        ]
    if catalog.metrics and catalog.tiers:
        found += [
            Endpoint("Spreadsheets", "metrics/metrics.csv", CSV, "Network metrics",
                     "Published aggregate figures, one per row; hidden figures are empty and say 'fewer than 5' "
                     "(a count from 1 to 4) or 'not shown' (hidden so that such a count cannot be worked out)."),
            Endpoint("Spreadsheets", "metrics/metrics.json", JSON, "Network metrics (JSON)",
                     "The same figures as the CSV."),
        ]
    if catalog.get("handbook") and any(e.model.meetings for e in catalog.handbook.values()):
        found.append(Endpoint("Calendars", MEETINGS_FEED, ICS, "Network meetings",
                              "iCalendar to subscribe to: upcoming coordination committee meetings and case panels."))
    if catalog.get("budgets"):
        found.append(Endpoint("Spreadsheets", BUDGET_CSV, CSV, "Network budgets",
                              "Income by source and spending by purpose, one row per year and category, totals "
                              "included; the same figures as api/v1/budgets.json."))
    found.append(Endpoint("Everything in one file", ARCHIVE, ZIP, "Full download",
                          "Every file under api/ (the JSON API, HSDS, CSV and vCards) in one zip, with a README "
                          "stating the licence."))
    return found
