"""Is it open now, and when does it next open or close? The browser script mirrors this logic;
the tests check both against the same fixed clocks."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from generator.common.fields import minutes
from generator.common.hours import DAY_NAMES, DAYS, HoursException, Period

DAY_MINUTES = 24 * 60
T = TypeVar("T")


@dataclass(frozen=True)
class OpenState:
    open: bool
    # the local time the state next changes, or None when it never does within a week
    changes_at: datetime | None


ByDate = dict[date, list[HoursException]]  # a date's exceptions: closed, or one or more periods


def by_date(exceptions: list[HoursException]) -> ByDate:
    """Exceptions grouped by date, in the order given. A date may have several periods (open all day
    on a bank holiday and on through the night), never both closed and open (kb check)."""
    grouped: ByDate = {}
    for exception in exceptions:
        grouped.setdefault(exception.date, []).append(exception)
    return grouped


def _own_intervals(day: date, periods: list[Period], exceptions: ByDate) -> list[tuple[int, int, bool]]:
    """Periods that start on ``day`` as (start, end, overnight) minutes, exceptions applied."""
    special = exceptions.get(day)
    if special is not None:
        return [(minutes(e.opens), minutes(e.closes), e.overnight) for e in special if not e.closed]
    weekday = DAYS[day.weekday()]
    return [(minutes(p.opens), minutes(p.closes), p.overnight) for p in periods if weekday in p.days]


def intervals_on(day: date, periods: list[Period], exceptions: ByDate) -> list[tuple[int, int]]:
    """Open intervals within the calendar day, including the spill-over of last night's periods."""
    result: list[tuple[int, int]] = []
    for _start, end, overnight in _own_intervals(day - timedelta(days=1), periods, exceptions):
        if overnight and end > 0:
            result.append((0, end))
    for start, end, overnight in _own_intervals(day, periods, exceptions):
        result.append((start, DAY_MINUTES if overnight else end))
    return sorted(result)


def open_state(periods: list[Period], exceptions: list[HoursException], timezone: str,
               now: datetime) -> OpenState:
    """Open or closed at ``now`` (any aware datetime), and when that next changes, in local time.

    Works on wall-clock minutes from local midnight today across the next week, merged so that
    a period ending at 24:00 followed by one starting at 00:00 is one stretch of opening.
    """
    zone = ZoneInfo(timezone)
    local = now.astimezone(zone)
    today = local.date()
    current = local.hour * 60 + local.minute
    horizon = HORIZON_DAYS * DAY_MINUTES
    for start, end in timeline(today, periods, by_date(exceptions)):
        if start <= current < end:
            return OpenState(True, None if end >= horizon else wall_time(today, end, zone))
        if start > current:
            return OpenState(False, wall_time(today, start, zone))
    return OpenState(False, None)


HORIZON_DAYS = 8
HORIZON = HORIZON_DAYS * DAY_MINUTES
Timeline = list[tuple[int, int]]  # merged (start, end) minutes from local midnight today, ascending


def timeline(today: date, periods: list[Period], exceptions: ByDate) -> Timeline:
    """Open stretches over the next HORIZON_DAYS days, exceptions applied, touching stretches merged."""
    merged: list[tuple[int, int]] = []
    for offset in range(HORIZON_DAYS):
        base = offset * DAY_MINUTES
        for start, end in intervals_on(today + timedelta(days=offset), periods, exceptions):
            if merged and base + start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], base + end))
            else:
                merged.append((base + start, base + end))
    return merged


def intersect(a: Timeline, b: Timeline) -> Timeline:
    result: Timeline = []
    i = j = 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            result.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return result


def containing(line: Timeline, minute: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in line if s <= minute < e), None)


def next_start(line: Timeline, minute: int) -> int | None:
    return next((s for s, _ in line if s > minute), None)


def wall_time(today: date, minute: int, zone: ZoneInfo) -> datetime:
    day = today + timedelta(days=minute // DAY_MINUTES)
    return datetime.combine(day, datetime.min.time(), tzinfo=zone) + timedelta(minutes=minute % DAY_MINUTES)


def is_always_open(periods: list[Period]) -> bool:
    return all(day == ((0, DAY_MINUTES),) for day in weekly_intervals(periods))


def intervals_on_weekday(index: int, periods: list[Period]) -> list[tuple[int, int]]:
    """Merged open intervals for a weekday (0 = Monday) with no exceptions."""
    return list(weekly_intervals(periods)[index])


Week = tuple[tuple[tuple[int, int], ...], ...]  # merged open intervals, Monday first
_WEEKS: dict[tuple, Week] = {}
_SUMMARIES: dict[tuple, str] = {}


def _by_value(made: dict[tuple, T], periods: list[Period], make: Callable[[list[Period]], T]) -> T:
    """``make(periods)``, remembered in ``made`` by the periods' values: every page and export asks
    again for the same organisations, and many share their hours (a handful of weeks between them)."""
    key = tuple((tuple(p.days), p.opens, p.closes) for p in periods)
    found = made.get(key)
    if found is None:
        if len(made) > 100_000:  # `kb serve` runs for days: keep the memory bounded
            made.clear()
        found = made[key] = make(periods)
    return found


def usual_hours_in_doubt(day: date, periods: list[Period], exceptions: Collection[date],
                         holidays: Collection[date]) -> bool:
    """``day`` is a public holiday no exception names (``exceptions``: the dates that have one), and the
    weekly hours would open for part of it:
    whether it opens is the practice's call, unknown here (a clinic open all that day is taken to keep
    its hours). kb check asks for the date; pages say "usually" and "ring first" (help.js too)."""
    if day not in holidays or day in exceptions:
        return False
    weekday = DAYS[day.weekday()]
    return any(weekday in p.days for p in periods) and weekly_intervals(periods)[day.weekday()] != ((0, DAY_MINUTES),)


def open_in_doubt(today: date, minute: int, periods: list[Period], exceptions: Collection[date],
                  holidays: Collection[date]) -> bool:
    """Open at ``minute`` of ``today`` only by weekly periods that start on a day in doubt
    (usual_hours_in_doubt): a night that began on an ordinary evening is sure at 02:00 on a holiday,
    and one that began on the holiday is in doubt at 02:00 the next day. A period written from 00:00
    that carries on yesterday's hours to 24:00 is yesterday's night ("sun 00:00-24:00" then "mon
    00:00-08:00": at 02:00 on a bank holiday Monday the weekend cover is still on, not in doubt); a whole
    day from 00:00 to 24:00 is its own day's."""
    yesterday = today - timedelta(days=1)
    if today not in holidays and yesterday not in holidays:  # most of the year: nothing to work out
        return False
    carried_on = yesterday not in exceptions and any(end == DAY_MINUTES
                                                     for _, end in intervals_on(yesterday, periods, {}))
    covering = [yesterday if shift == 0 and start == 0 and end < DAY_MINUTES and not overnight and carried_on else day
                for day, shift in ((today, 0), (yesterday, DAY_MINUTES))
                for start, end, overnight in _own_intervals(day, periods, {})
                if start - shift <= minute < (end + DAY_MINUTES if overnight else end) - shift]
    return bool(covering) and all(usual_hours_in_doubt(day, periods, exceptions, holidays) for day in covering)


def weekly_intervals(periods: list[Period]) -> Week:
    """The merged open intervals of each weekday (remembered: _by_value)."""
    return _by_value(_WEEKS, periods, lambda same: tuple(tuple(_merged_weekday(i, same)) for i in range(7)))


def _merged_weekday(index: int, periods: list[Period]) -> list[tuple[int, int]]:
    monday = date(2024, 1, 1)  # any Monday: weekly hours do not depend on the date
    merged: list[tuple[int, int]] = []
    for start, end in intervals_on(monday + timedelta(days=index), periods, {}):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class DayHours:
    day: str
    name: str
    periods: list[tuple[str, str]]  # ("08:00", "12:30"), as written in the data


def weekly_table(periods: list[Period]) -> list[DayHours]:
    """One row per weekday with the periods that start that day, for the static hours table."""
    rows = []
    for day in DAYS:
        spans = sorted(((p.opens, p.closes) for p in periods if day in p.days), key=lambda span: span[0])
        rows.append(DayHours(day, DAY_NAMES[day], spans))
    return rows


def span_words(opens: str, closes: str) -> str:
    """One period, weekly or of a date's special hours, as the hours table, the special hours and the
    one-line summary all write it: '18:00–08:00 (next day)' when it runs past midnight."""
    return f"{opens}–{closes}" + (" (next day)" if closes <= opens and closes != "24:00" else "")


def hours_summary(periods: list[Period]) -> str:
    """The weekly hours in one line for plain-text exports (vCard notes, CSV):
    'Mon–Fri 08:00–18:00; Sat 09:00–12:00; Sun closed', or 'Open 24 hours, every day' (remembered:
    _by_value)."""
    return _by_value(_SUMMARIES, periods, _summary)


def _summary(periods: list[Period]) -> str:
    if is_always_open(periods):
        return "Open 24 hours, every day"
    rows = [(row.day, ", ".join(span_words(o, c) for o, c in row.periods) or "closed") for row in weekly_table(periods)]
    runs: list[tuple[str, str, str]] = []  # (first day, last day, hours)
    for day, text in rows:
        if runs and runs[-1][2] == text:
            runs[-1] = (runs[-1][0], day, text)
        else:
            runs.append((day, day, text))
    short = lambda d: d.capitalize()  # noqa: E731
    if len(runs) == 1:  # the same every day
        return "Closed every day" if runs[0][2] == "closed" else f"Every day {runs[0][2]}"
    return "; ".join((short(a) if a == b else f"{short(a)}–{short(b)}") + f" {text}" for a, b, text in runs)
