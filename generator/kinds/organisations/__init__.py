"""Organisations (directory/organisations/): clinics, hospitals, rescues and shelters, with contacts,
hours, capabilities and after-hours cover; and "who can help now" (availability.py, help_data.py),
which every page that answers it calls.

May import generator.core, generator.common and generator.kinds.vocabularies."""

from __future__ import annotations

from typing import Any

import phonenumbers

from generator.common.freshness import DIRECTORY, Finding, finding, reverification_due
from generator.core.catalog import Catalog
from generator.core.collection import URL, Collection, entries
from generator.core.content_type import ContentType
from generator.core.references import ref
from generator.kinds.organisations.availability_checks import check_availability
from generator.kinds.organisations.checks import check_organisations, test_call_reminders
from generator.kinds.organisations.help_data import help_files
from generator.kinds.organisations.holiday_checks import check_public_holidays, holiday_list, holidays_without_hours
from generator.kinds.organisations.likely_copies import check_likely_copies
from generator.kinds.organisations.model import Contacts, Organisation, Phone, Verification
from generator.kinds.organisations.views import URL as PAGE
from generator.kinds.organisations.views import vcard_path


def _context(data: Any, catalog: Catalog) -> dict[str, Any]:
    return {"country": _country_of(data, catalog), "allow_fictional": catalog.settings.demo_data}


def _country_of(data: Any, catalog: Catalog) -> str | None:
    """The country phone numbers are read in: the address's, else the region's (else the first
    region's: a mistake in the address or region must not make every phone number wrong too)."""
    location = data.get("location") if isinstance(data, dict) else None
    if not isinstance(location, dict):
        return None
    address = location.get("address")
    country = address.get("country") if isinstance(address, dict) else None
    if isinstance(country, str) and country in phonenumbers.SUPPORTED_REGIONS:  # a bad code is reported, not used
        return country
    region = catalog.regions.get(location.get("region")) if isinstance(location.get("region"), str) else None
    if region is None and catalog.regions:  # an unknown region is reported; read the numbers as the network's
        region = next(iter(catalog.regions.values()))
    return region.country if region else None


def _export(catalog: Catalog, site_url: str, public: Any) -> Collection:
    def vcard(org: Organisation) -> str | None:
        path = vcard_path(org)
        return site_url + path if path else None

    return Collection("organisations", "Organisations",
                      "Clinics, hospitals, rescues and shelters in the directory, with contacts, hours and "
                      "capabilities.",
                      Organisation, entries([e.model for e in catalog.organisations.values()],
                                            lambda o: PAGE.format(id=o.id), site_url, public, vcard=vcard),
                      {"url": URL, "vcard": {"type": ["string", "null"],
                                             "description": "the organisation as a vCard (none once it has closed)"}})


def _audit(catalog: Catalog) -> list:
    found = []
    for entry in catalog.organisations.values():
        org = entry.model
        if org.status != "closed":
            item = finding(catalog.settings, DIRECTORY, org.name, PAGE.format(id=org.id),
                           reverification_due(catalog.settings, org.verified.on), entry.source.display,
                           "re-verification")
            if item:
                found.append(item)
        if holidays := holidays_without_hours(catalog, org):
            # kb check's warning: until the file says, pages call it "usually open" on these days
            found.append(Finding("medium", DIRECTORY, org.name, PAGE.format(id=org.id),
                                 f"hours not given for {holiday_list(holidays)}", holidays[0][0],
                                 entry.source.display))
    return found


ORGANISATIONS = ContentType(
    "organisations", Organisation, folder="directory/organisations", required=True, new="organisation",
    schema="organisation.schema.json", url=PAGE, needs=("regions",), context=_context,
    references=(
        ref("kind", "kinds", "kind"),
        ref("location.region", "regions", "region"),
        ref("species.*", "species", "species", shorthand="species"),
        ref("services.*", "services", "service", shorthand="service"),
        ref("services.*.species.*", "species", "species"),
        ref("languages.*", "languages", "language"),
        ref("after_hours.partner", "organisations", "organisation", list_options=False),
    ),
    checks=(check_organisations, check_likely_copies, check_availability, check_public_holidays, test_call_reminders),
    files=help_files,
    export=_export,
    # who verified an entry (only the date is published), when an emergency line was last rung to test it,
    # and the direct lines only vetted members may ring: all three in the members' edition only
    private={Verification: frozenset({"by"}), Phone: frozenset({"verified_on"}), Contacts: frozenset({"direct_lines"})},
    audit=_audit, aliases=True, examples="organisations")

TYPES = (ORGANISATIONS,)
