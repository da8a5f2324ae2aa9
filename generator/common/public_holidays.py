"""Public holidays of a country (and one of its parts: England, Scotland, Wales, Northern Ireland),
from the `holidays` library: the days a practice's weekly hours may not hold."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=64)
def subdivisions(country: str) -> tuple[str, ...] | None:
    """The parts of ``country`` with their own holidays ('ENG', 'SCT', …), or None when the library has
    no calendar for the country."""
    import holidays  # 50 ms to import: only builds that check hours pay it

    try:  # this country's module only: listing every supported country imports all two hundred (80 ms)
        calendar = holidays.country_holidays(country)
    except NotImplementedError:
        return None
    return tuple(type(calendar).subdivisions)


@lru_cache(maxsize=256)
def public_holidays(country: str, subdivision: str | None, start: date, days: int) -> tuple[tuple[date, str], ...]:
    """Public holidays from ``start`` for ``days`` days, soonest first, with their names ("Boxing Day
    (observed)"); none for a country the library does not know."""
    import holidays

    if subdivisions(country) is None:
        return ()
    end = start + timedelta(days=days)
    calendar = holidays.country_holidays(country, subdiv=subdivision, years=range(start.year, end.year + 1))
    return tuple(sorted((day, name) for day, name in calendar.items() if start <= day < end))
