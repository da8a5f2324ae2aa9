"""Alerts as notices (generator/common/notices.py): in the time zone of the places they affect, with
the regions of the organisations they name; and the lists the pages show."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from generator.common.notices import Notice, notices
from generator.core.catalog import Catalog
from generator.core.issues import Issue
from generator.kinds.alerts.model import Alert
from generator.kinds.organisations.views import organisation

URL = "alerts/{id}/"


def affected_regions(catalog: Catalog, alert: Alert) -> list[str]:
    """The regions it names and those of the organisations it names, in the order they appear."""
    found = list(alert.regions)
    for org_id in alert.organisations:
        if org_id in catalog.organisations:
            found.append(organisation(catalog, org_id).location.region)
    return [r for r in dict.fromkeys(found) if r in catalog.regions]


def zones(catalog: Catalog, alert: Alert) -> list[str]:
    return list(dict.fromkeys(catalog.regions[r].timezone for r in affected_regions(catalog, alert)))


def zone_of(catalog: Catalog, alert: Alert) -> str:
    """The time zone its local times are read in: its own, else that of the places it affects."""
    if alert.timezone:
        return alert.timezone
    found = zones(catalog, alert)
    return found[0] if found else "UTC"


def notice(catalog: Catalog, alert: Alert) -> Notice:
    zone = ZoneInfo(zone_of(catalog, alert))
    return Notice(id=alert.id, title=alert.title, severity=alert.severity,
                  starts=alert.start.replace(tzinfo=zone), ends=alert.end.replace(tzinfo=zone),
                  instead=alert.instead, url=URL.format(id=alert.id), organisations=tuple(alert.organisations),
                  regions=tuple(affected_regions(catalog, alert)), services=tuple(alert.services),
                  instead_organisations=tuple(alert.instead_organisations), timezone=zone.key)


def public_alerts(catalog: Catalog) -> list[Alert]:
    """Alerts this edition carries, soonest first: members-only ones only in the members' edition (they are
    in no public output)."""
    members = catalog.settings.members
    return sorted((e.model for e in catalog.alerts.values() if members or e.model.audience == "public"),
                  key=lambda a: (a.start, a.id))


def split(catalog: Catalog, at: datetime) -> tuple[list[Notice], list[Notice], list[Notice]]:
    """Current, coming and ended alerts of this edition at ``at`` (the notices every page reads);
    ended ones latest first (the archive)."""
    current, coming, ended = [], [], []
    for n in notices(catalog):
        (ended if n.ended(at) else current if n.current(at) else coming).append(n)
    ended.sort(key=lambda n: n.ends, reverse=True)
    return current, coming, ended


def check_time_zones(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    """Local times are read in the affected places' time zone: when they have two, say which."""
    problems = []
    for entry in catalog.alerts.values():
        alert = entry.model
        if alert.timezone is None and len(found_zones := zones(catalog, alert)) > 1:
            problems.append(entry.source.problem(
                ("start",), f"the places this alert affects are in different time zones ({', '.join(found_zones)})",
                hint="add timezone: with the zone its times are written in, e.g. timezone: Europe/London"))
    return problems
