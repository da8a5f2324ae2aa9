"""What every iCalendar feed of the site shares, made with the icalendar library: the calendar's
header, event UIDs named by the published site's host, and a VTIMEZONE for every zone the events use."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from icalendar import Calendar, Event

# icalendar is imported when a calendar is made, not with the generator: `kb check` and `kb new`
# never make one, and importing it is a tenth of a second of every command's start.


def new_calendar(name: str, product: str) -> Calendar:
    from icalendar import Calendar  # noqa: PLC0415

    cal = Calendar()
    cal.add("prodid", f"-//Small Mammal Emergency Network//{product}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def new_event() -> Event:
    from icalendar import Event  # noqa: PLC0415

    return Event()


def event_uid(key: str, site_url: str) -> str:
    """The published site's host names the event (not the machine it was built on, nor a port)."""
    return f"{key}@{urlsplit(site_url).hostname or 'kb'}"


def add_time_zones(cal: Calendar, starts: Iterable[date]) -> None:
    """RFC 5545: a VTIMEZONE for every TZID the events use, over the years they span."""
    days = list(starts)
    if days:
        cal.add_missing_timezones(first_date=min(days).replace(month=1, day=1),
                                  last_date=max(days).replace(year=max(days).year + 1, month=1, day=1))
