"""Opening-hours logic, including overnight periods, exceptions and 24/7."""

from datetime import UTC, datetime

import pytest

from generator.common.hours import HoursException, Period
from generator.common.schedule import hours_summary, intervals_on_weekday, is_always_open, open_state, weekly_table

ZONE = "Europe/London"


def at(text: str) -> datetime:
    """A UTC instant; in November London time equals UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


NIGHTS = [Period(days="mon-fri", opens="19:00", closes="08:00"),
          Period(days=["sat", "sun"], opens="00:00", closes="24:00")]
DAYTIME = [Period(days="mon-fri", opens="08:00", closes="12:30"),
           Period(days="mon-fri", opens="14:00", closes="18:00")]


@pytest.mark.parametrize(("when", "is_open", "changes"), [
    ("2026-11-23T12:00", False, "2026-11-23T19:00"),  # Monday midday: closed until the evening
    ("2026-11-23T20:00", True, "2026-11-24T08:00"),   # Monday night runs into Tuesday
    ("2026-11-24T07:59", True, "2026-11-24T08:00"),   # still Monday's overnight period
    ("2026-11-24T08:00", False, "2026-11-24T19:00"),  # closes exactly at 08:00
    ("2026-11-27T20:00", True, "2026-11-30T00:00"),   # Friday night merges into the weekend
])
def test_overnight_periods(when: str, is_open: bool, changes: str) -> None:
    state = open_state(NIGHTS, [], ZONE, at(when))
    assert state.open is is_open
    assert state.changes_at.replace(tzinfo=None) == datetime.fromisoformat(changes)


def test_lunch_break_and_weekend() -> None:
    assert open_state(DAYTIME, [], ZONE, at("2026-11-23T12:00")).open
    lunch = open_state(DAYTIME, [], ZONE, at("2026-11-23T13:00"))
    assert not lunch.open and lunch.changes_at.hour == 14
    weekend = open_state(DAYTIME, [], ZONE, at("2026-11-21T10:00"))
    assert not weekend.open and weekend.changes_at.replace(tzinfo=None) == datetime(2026, 11, 23, 8, 0)


def test_exceptions_close_a_day_and_change_hours() -> None:
    always = [Period(days="daily", opens="00:00", closes="24:00")]
    christmas = [HoursException(date="2026-12-25", closed=True, note="Closed")]
    state = open_state(always, christmas, ZONE, at("2026-12-24T23:00"))
    assert state.open and state.changes_at.replace(tzinfo=None) == datetime(2026, 12, 25, 0, 0)
    assert not open_state(always, christmas, ZONE, at("2026-12-25T12:00")).open
    short = [HoursException(date="2026-11-23", opens="10:00", closes="11:00")]
    assert not open_state(DAYTIME, short, ZONE, at("2026-11-23T09:00")).open
    assert open_state(DAYTIME, short, ZONE, at("2026-11-23T10:30")).open


def test_always_open_never_changes() -> None:
    always = [Period(days="daily", opens="00:00", closes="24:00")]
    state = open_state(always, [], ZONE, at("2026-11-21T03:00"))
    assert state.open and state.changes_at is None
    assert is_always_open(always)
    assert not is_always_open(NIGHTS)  # Monday 08:00-19:00 is closed


def test_time_zone_is_the_regions_not_the_clocks() -> None:
    # 23:30 UTC in July is 00:30 the next day in London (BST)
    periods = [Period(days=["sat"], opens="00:00", closes="01:00")]
    assert open_state(periods, [], ZONE, datetime(2026, 7, 10, 23, 30, tzinfo=UTC)).open


def test_weekday_intervals_and_table() -> None:
    assert intervals_on_weekday(1, NIGHTS) == [(0, 480), (1140, 1440)]
    rows = weekly_table(DAYTIME)
    assert rows[0].name == "Monday" and rows[0].periods == [("08:00", "12:30"), ("14:00", "18:00")]
    assert rows[6].periods == []


# Hand-worked: a clinic open every night 19:00 to 08:00; each row is an exception and an instant (London,
# in winter, so UTC) with whether it is open and when that changes.
OVERNIGHT = [Period(days="daily", opens="19:00", closes="08:00")]
BANK_HOLIDAY = [HoursException(date="2026-12-28", opens="00:00", closes="19:00"),
                HoursException(date="2026-12-28", opens="19:00", closes="08:00")]


@pytest.mark.parametrize(("exceptions", "when", "is_open", "changes"), [
    # 24 December closed: the night of the 24th never opens, so 03:00 on the 25th is closed
    ([HoursException(date="2026-12-24", closed=True)], "2026-12-25T03:00", False, "2026-12-25T19:00"),
    ([HoursException(date="2026-12-24", closed=True)], "2026-12-24T20:00", False, "2026-12-25T19:00"),
    # the 23rd's night still spills into the morning of the 24th
    ([HoursException(date="2026-12-24", closed=True)], "2026-12-24T07:00", True, "2026-12-24T08:00"),
    # 25 December closed: the night of the 24th still runs to 08:00 on the 25th, then nothing until the 26th
    ([HoursException(date="2026-12-25", closed=True)], "2026-12-25T03:00", True, "2026-12-25T08:00"),
    ([HoursException(date="2026-12-25", closed=True)], "2026-12-25T20:00", False, "2026-12-26T19:00"),
    # special hours on the 24th that end at midnight: nothing spills into the 25th
    ([HoursException(date="2026-12-24", opens="10:00", closes="24:00")], "2026-12-25T03:00", False,
     "2026-12-25T19:00"),
    # special hours on the 24th that run past midnight spill into the 25th
    ([HoursException(date="2026-12-24", opens="22:00", closes="04:00")], "2026-12-25T03:00", True, "2026-12-25T04:00"),
    ([HoursException(date="2026-12-24", opens="22:00", closes="04:00")], "2026-12-24T20:00", False,
     "2026-12-24T22:00"),
    # two periods on one date: open all day on the 28th, then on through the night into the 29th
    (BANK_HOLIDAY, "2026-12-28T12:00", True, "2026-12-29T08:00"),
    (BANK_HOLIDAY, "2026-12-29T02:00", True, "2026-12-29T08:00"),
    # one period alone (open all day) stops at midnight: the night's usual hours belong to the 28th
    (BANK_HOLIDAY[:1], "2026-12-29T02:00", False, "2026-12-29T19:00"),
])
def test_exceptions_and_overnight_periods(exceptions, when: str, is_open: bool, changes: str) -> None:
    state = open_state(OVERNIGHT, exceptions, ZONE, at(when))
    assert (state.open, state.changes_at.replace(tzinfo=None)) == (is_open, datetime.fromisoformat(changes))


@pytest.mark.parametrize(("when", "is_open", "changes"), [
    # Sunday 29 March 2026: London's clocks go from 01:00 to 02:00 (UTC+1 from then on)
    (datetime(2026, 3, 29, 0, 30, tzinfo=UTC), True, datetime(2026, 3, 29, 8, 0)),  # 00:30 local, the night before
    (datetime(2026, 3, 29, 6, 30, tzinfo=UTC), True, datetime(2026, 3, 29, 8, 0)),  # 07:30 local
    (datetime(2026, 3, 29, 7, 0, tzinfo=UTC), False, datetime(2026, 3, 29, 19, 0)),  # 08:00 local: closed
    # Sunday 25 October 2026: from 02:00 back to 01:00 (UTC from then on)
    (datetime(2026, 10, 25, 7, 59, tzinfo=UTC), True, datetime(2026, 10, 25, 8, 0)),  # 07:59 local
    (datetime(2026, 10, 25, 8, 0, tzinfo=UTC), False, datetime(2026, 10, 25, 19, 0)),
])
def test_clock_change_days_follow_the_wall_clock(when: datetime, is_open: bool, changes: datetime) -> None:
    state = open_state(OVERNIGHT, [], ZONE, when)
    assert (state.open, state.changes_at.replace(tzinfo=None)) == (is_open, changes)
    assert state.changes_at.tzinfo is not None


def test_weekday_intervals_of_overnight_and_all_day_periods() -> None:
    periods = [Period(days=["mon"], opens="22:00", closes="02:00"), Period(days=["wed"], opens="00:00", closes="24:00"),
               Period(days=["thu"], opens="00:00", closes="03:00"), Period(days=["fri"], opens="20:00", closes="00:00")]
    assert [intervals_on_weekday(i, periods) for i in range(7)] == [
        [(1320, 1440)], [(0, 120)], [(0, 1440)], [(0, 180)], [(1200, 1440)], [], []]
    assert not is_always_open(periods)
    assert is_always_open([Period(days="daily", opens="12:00", closes="11:59"),
                           Period(days="daily", opens="11:59", closes="12:00")])


WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


@pytest.mark.parametrize(("periods", "summary"), [
    ([Period(days="daily", opens="00:00", closes="24:00")], "Open 24 hours, every day"),
    ([Period(days="mon-fri", opens="08:00", closes="18:00"), Period(days=["sat"], opens="09:00", closes="12:00")],
     "Mon–Fri 08:00–18:00; Sat 09:00–12:00; Sun closed"),
    ([Period(days=WEEK, opens="19:00", closes="08:00")], "Every day 19:00–08:00 (next day)"),
    ([], "Closed every day"),
    ([Period(days=WEEK, opens="08:00", closes="20:00")], "Every day 08:00–20:00"),
    ([Period(days=["mon"], opens="08:00", closes="12:00"), Period(days=["mon"], opens="14:00", closes="18:00"),
      Period(days=["wed"], opens="22:00", closes="24:00")],
     "Mon 08:00–12:00, 14:00–18:00; Tue closed; Wed 22:00–24:00; Thu–Sun closed"),
    ([Period(days=["sun"], opens="00:00", closes="24:00")], "Mon–Sat closed; Sun 00:00–24:00"),
])
def test_hours_in_one_line(periods: list[Period], summary: str) -> None:
    """The plain-text summary of vCards and CSV, worked by hand: runs of days with the same hours, a
    period past midnight marked '(next day)', closing at 24:00 not."""
    assert hours_summary(periods) == summary


@pytest.mark.parametrize(("when", "is_open", "changes"), [
    ("2026-11-23T07:59", False, "2026-11-23T08:00"),  # Monday, a minute before opening
    ("2026-11-23T08:00", True, "2026-11-23T18:00"),  # the opening minute is open
    ("2026-11-23T17:59", True, "2026-11-23T18:00"),
    ("2026-11-23T18:00", False, "2026-11-24T08:00"),  # the closing minute is closed
    ("2026-11-27T18:00", False, "2026-11-30T08:00"),  # Friday evening: Monday next
])
def test_the_opening_minute_is_open_and_the_closing_minute_closed(when: str, is_open: bool, changes: str) -> None:
    state = open_state([Period(days="mon-fri", opens="08:00", closes="18:00")], [], "UTC",
                       datetime.fromisoformat(when).replace(tzinfo=UTC))
    assert (state.open, state.changes_at) == (is_open, datetime.fromisoformat(changes).replace(tzinfo=UTC))


def test_never_open_is_closed_with_no_change() -> None:
    state = open_state([], [], "UTC", datetime(2026, 11, 23, tzinfo=UTC))
    assert state.open is False and state.changes_at is None
