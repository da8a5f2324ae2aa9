"""The data theme/assets/help.js (rendered from theme/kb/help.js) reads: one record per organisation
and, per region, who might help and the clinics elsewhere to fall back on. Get help and region pages
embed it, or for a region with many clinics point at help/<region>.json (`in_page`); the finder and the
call bar on guidance pages always fetch that file."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from generator.common.hours import DAYS, Period
from generator.common.notices import for_organisation, for_region, not_ended
from generator.core.catalog import Catalog
from generator.core.specs import DataFile, PageSpec, TemplateFile
from generator.kinds.organisations.availability import (
    NEAREST_OPEN,
    ROAD_KMH,
    SETTING_OFF_MINUTES,
    candidates,
    clients_only,
    fallback,
    holidays_of,
    on_call_phone,
    open_phone,
    region_centre,
    status_words,
)
from generator.kinds.organisations.model import Organisation, Phone
from generator.kinds.organisations.views import in_region, region_of
from generator.kinds.vocabularies.model import Species

HELP_DIR = "help"


def _periods(periods: list[Period]) -> list[list[Any]]:
    return [[[DAYS.index(d) for d in p.days], p.opens, p.closes] for p in periods]


def _phone(phone: Phone) -> dict[str, str]:
    return {"tel": phone.number, "display": phone.phone.display, "label": phone.shown_label}


def _without_defaults(record: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """The record without those of ``keys`` that are null or false: every reader (theme/kb/help.js,
    theme/assets/*.js) tests them for truth, so a missing key reads the same (most services' offers
    were five nulls and falses)."""
    return {key: value for key, value in record.items() if key not in keys or value not in (None, False)}


OPTIONAL_RECORD = ("referralOnly", "onCall", "clientsOnly", "referrals", "ll", "cal")
OPTIONAL_OFFER = ("hours", "species", "min", "max", "referralOnly")


def help_record(catalog: Catalog, org: Organisation) -> dict[str, Any]:
    def compute() -> dict[str, Any]:
        kind = catalog.kinds.get(org.kind)
        coords = org.location.coordinates
        on_call = None
        if org.after_hours.arrangement == "on-call":
            on_call = _periods(org.after_hours.on_call_hours) if org.after_hours.on_call_hours else "always"
        referrals = org.phones_of("referrals")
        # the number while open, and the on-call one (help.js picks by the status, as status_at does)
        phone, call_phone = _phone(open_phone(org)), _phone(on_call_phone(org))
        record = {
            "id": org.id, "name": org.name, "sort": org.name.lower(), "url": f"organisations/{org.id}/",
            "region": org.location.region, "tz": region_of(catalog, org).timezone, "status": org.status,
            # its region's public holidays, by their name in help.js (calendars)
            "cal": calendar_name(catalog, org.location.region),
            "vet": kind.veterinary if kind else True, "referralOnly": org.referral_only,
            "kind": kind.label if kind else org.kind,
            "hours": _periods(org.hours),
            "exceptions": [[e.date.isoformat(), None if e.closed else e.opens, None if e.closed else e.closes]
                           for e in org.exceptions],
            "onCall": on_call, "clientsOnly": clients_only(org),
            "species": {c.species: c.min_weight_g or 0 for c in org.species},
            "services": {s.service: _without_defaults({
                "hours": None if s.hours is None else _periods(s.hours), "species": s.species,
                "min": s.min_weight_g, "max": s.max_weight_g, "referralOnly": s.referral_only}, OPTIONAL_OFFER)
                for s in org.services},
            # the on-call line only where it is another number (help.js rings "phone" otherwise)
            "phone": phone, **({"callPhone": call_phone} if call_phone != phone else {}),
            "referrals": _phone(referrals[0]) if referrals else None,
            "ll": [coords.lat, coords.lon] if coords else None,
            # closure alerts not ended when the site was built: the browser applies each while it is current
            "closures": [n.browser_record() for n in not_ended(for_organisation(catalog, org.id),
                                                                  catalog.settings.now) if n.closes],
        }
        return _without_defaults(record, OPTIONAL_RECORD)
    return dict(catalog.memo(("help_record", org.id), compute))


def calendar_name(catalog: Catalog, region_id: str) -> str | None:
    """What help.js calls the region's public holidays ('GB-ENG'); None when it has none."""
    region = catalog.regions.get(region_id)
    if region is None or not holidays_of(catalog, region_id):
        return None
    return f"{region.country}-{region.subdivision}" if region.subdivision else region.country


def calendars(catalog: Catalog) -> dict[str, list[str]]:
    """Every region's public holidays by calendar name, for help.js: a few per country, not per region."""
    found: dict[str, list[str]] = {}
    for region_id in catalog.regions:
        if (name := calendar_name(catalog, region_id)) and name not in found:
            found[name] = sorted(day.isoformat() for day in holidays_of(catalog, region_id))
    return dict(sorted(found.items()))


def region_data(catalog: Catalog, region_id: str) -> dict[str, Any]:
    region = catalog.regions[region_id]
    middle = region_centre(catalog, region_id)
    return {"label": region.label, "tz": region.timezone, "centre": list(middle) if middle else None,
            "alerts": [alert_record(n) for n in not_ended(for_region(catalog, region_id), catalog.settings.now)],
            "candidates": [[o.id, partner] for o, partner in candidates(catalog, region_id)],
            "fallback": [o.id for o in fallback(catalog, region_id)], "url": f"{region_id}.json"}


def alert_record(notice: Any) -> dict[str, Any]:
    """An alert as the finder shows it over its results, between its start and end."""
    return {"id": notice.id, "title": notice.title, "instead": notice.instead, "url": notice.url,
            "severity": notice.severity, "starts": notice.starts_ms, "ends": notice.ends_ms}


def help_data(catalog: Catalog, region_ids: list[str], *, everyone_in_region: bool = False) -> dict[str, Any]:
    """Regions and the records they need. ``everyone_in_region`` adds organisations that never help
    owners directly (rescues, referral-only services): the finder lists them too."""
    orgs: dict[str, dict[str, Any]] = {}
    regions = {}
    for region_id in region_ids:
        regions[region_id] = region_data(catalog, region_id)
        wanted = [o for o, _ in candidates(catalog, region_id)] + fallback(catalog, region_id)
        if everyone_in_region:
            wanted += [o for o in in_region(catalog, region_id) if o.status != "closed"]
        for org in wanted:
            orgs.setdefault(org.id, help_record(catalog, org))
    return {"regions": regions, "orgs": orgs}


def region_file(region_id: str) -> str:
    """The region's data file: what help_data(catalog, [region_id]) holds, and also the organisations
    that never help owners directly, for the finder (whoCanHelp reads only the region's candidates and
    fallback, so it answers the same from either)."""
    return f"{HELP_DIR}/{region_id}.json"


def in_page(catalog: Catalog, region_id: str) -> bool:
    """Whether the region's pages (Get help, the region page) carry its data, or, for a region with
    more clinics than extra.region_clinics_on_one_page, point at its data file for the script to fetch."""
    return len(candidates(catalog, region_id)) <= catalog.settings.region_clinics_on_one_page


def help_index(catalog: Catalog) -> dict[str, Any]:
    """Every region's name, middle and data file: enough to pick a region, or the nearest one."""
    return {"regions": {rid: {key: value for key, value in region_data(catalog, rid).items()
                              if key in ("label", "centre", "url")} for rid in catalog.regions},
            }


CALL_BAR_SECTIONS = ("triage/", "first-aid/")


def with_call_bar(spec: PageSpec, species: Iterable[Species]) -> PageSpec:
    """Every triage and first-aid page carries the call bar: who can help now, with the number to ring
    (and the scripts it runs on), for the ``species`` the page is for."""
    if not spec.src_uri.startswith(CALL_BAR_SECTIONS):
        return spec
    return replace(spec, call_bar=True, call_bar_species=tuple((s.id, s.label) for s in species),
                   scripts=tuple(dict.fromkeys(("help", "callbar", *spec.scripts))))


def help_files(catalog: Catalog, site_url: str) -> list[DataFile | TemplateFile]:
    """Who can help now, for the browser: one file per region (the finder and the call bar fetch
    only the region they need), an index of regions, and the script with the shared status words."""
    files: list[DataFile | TemplateFile] = [
        DataFile(region_file(rid), json.dumps(help_data(catalog, [rid], everyone_in_region=True),
                                              separators=(",", ":"), ensure_ascii=False))
        for rid in catalog.regions]
    files.append(DataFile(f"{HELP_DIR}/index.json", json.dumps(help_index(catalog), separators=(",", ":"),
                                                                ensure_ascii=False)))
    settings = catalog.settings
    # a demo read as of a date shows its alerts as they were then, in the browser too (they never expire)
    alert_clock = int(settings.now.timestamp() * 1000) if settings.clock_pinned else None
    files.append(TemplateFile("assets/help.js", "help.js", {"words": status_words(), "nearest_open": NEAREST_OPEN,
                                                            "road_kmh": ROAD_KMH, "setting_off": SETTING_OFF_MINUTES,
                                                            "alert_clock": alert_clock,
                                                            "calendars": calendars(catalog)}))
    return files
