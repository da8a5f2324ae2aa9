"""Public holidays ahead that a practice's weekly hours would open on, with no exception for the date.

Every page that says "open now" reads the weekly hours unless an exception names the date, so without
one a practice closed for Boxing Day would be shown open, and an owner might drive there with a sick
animal: pages say "usually open … ring first" then (availability.py), and this check asks for the date
in time, whichever way it goes, since whether it opens is the practice's call."""

from __future__ import annotations

from datetime import date

from generator.common.dates import long_date
from generator.common.hours import DAY_NAMES, DAYS
from generator.common.public_holidays import public_holidays
from generator.common.schedule import usual_hours_in_doubt
from generator.core.catalog import Catalog
from generator.core.issues import Issue, Severity, Stage
from generator.kinds.organisations.model import Organisation

# six weeks: time for a practice to confirm its holiday hours before they are needed
HOLIDAY_NOTICE_DAYS = 42


def check_public_holidays(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    problems: list[Issue] = []
    for entry in catalog.organisations.values():
        org, src = entry.model, entry.source
        missing = holidays_without_hours(catalog, org)
        if missing:
            where = "exceptions" if isinstance(src.data, dict) and "exceptions" in src.data else "hours"
            region = catalog.regions[org.location.region]
            problems.append(src.problem(
                (where,), f"no hours given for {_count(len(missing))} in {region.label} within "
                f"{HOLIDAY_NOTICE_DAYS // 7} weeks, where its weekly hours would open it: {holiday_list(missing)}",
                hint=f"add each date under exceptions, e.g. '- date: {missing[0][0].isoformat()}' with 'closed: "
                     "true', or with the opens and closes it keeps that day; until then owners are told it is "
                     "usually open and to ring first",
                severity=Severity.WARNING, stage=Stage.FRESHNESS))
    return problems


def holidays_without_hours(catalog: Catalog, org: Organisation) -> list[tuple[date, str]]:
    """Public holidays of its region within HOLIDAY_NOTICE_DAYS that its weekly hours would open it on
    and no exception names, soonest first: for `kb check` and the audit alike."""
    region = catalog.regions.get(org.location.region)  # an unknown region is reported elsewhere
    if org.status != "active" or region is None:
        return []
    ahead = public_holidays(region.country, region.subdivision, catalog.settings.today, HOLIDAY_NOTICE_DAYS)
    if not ahead:
        return []
    days, exceptions = {day for day, _ in ahead}, {e.date for e in org.exceptions}
    return [(day, name) for day, name in ahead if usual_hours_in_doubt(day, org.hours, exceptions, days)]


def holiday_list(holidays: list[tuple[date, str]]) -> str:
    """'Monday 28 December 2026 (Boxing Day (observed)); Friday 1 January 2027 (New Year's Day)'."""
    return "; ".join(f"{DAY_NAMES[DAYS[day.weekday()]]} {long_date(day)} ({name})" for day, name in holidays)


def _count(n: int) -> str:
    return "a public holiday" if n == 1 else f"{n} public holidays"
