"""Kit availability in Python and in the browser must agree (issue 21): available_on, free_from and
nearest_available (generator/kinds/equipment/views.py) against window.kbKit (theme/assets/
kit-availability.js, run under Node by kit_harness.js beside this file), on a table of named cases, on
random loan schedules, and on every kit type, region and day around the demo's loans."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.core.loading import Entry
from generator.kinds.equipment.model import Equipment
from generator.kinds.equipment.views import (
    NEAREST_SHOWN,
    available_on,
    free_from,
    kit_state,
    nearest_available,
    nearest_candidates,
    nearest_rows,
    upcoming_loans,
)
from tests.helpers import REPO, catalog_with, node_harness

HARNESS = Path(__file__).with_name("kit_harness.js")
SCRIPT = REPO / "theme" / "assets" / "kit-availability.js"
EXAMPLES = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def browser_kit() -> Iterator[Callable[[dict], dict]]:
    """Ask kit-availability.js: one Node process for the module, one JSON line per question."""
    with node_harness(HARNESS, SCRIPT) as ask:
        yield ask


def kit(loans: list[tuple[str, str, str]], status: str = "available", due: str | None = "2027-06-01") -> Equipment:
    return Equipment.model_validate({
        "id": "test-kit", "item": "oxygen-cage", "holder": "test-holder", "quantity": 1, "loanable": True,
        "status": status, "next_service_due": due, "booking": {"role": "Equipment desk", "email": "kit@clinic.example"},
        "loans": [{"from": f, "to": t, "borrower": "test-borrower", "status": s} for f, t, s in loans]})


OUT = ("2026-11-18", "2026-11-22", "out")
# name: (item, day, available, free again from)
TABLE = {
    "no loans": (kit([]), "2026-11-21", True, None),
    "the first day of a loan": (kit([OUT]), "2026-11-18", False, "2026-11-23"),
    "inside a loan": (kit([OUT]), "2026-11-20", False, "2026-11-23"),
    "the last day of a loan (both days included)": (kit([OUT]), "2026-11-22", False, "2026-11-23"),
    "the day after a loan": (kit([OUT]), "2026-11-23", True, None),
    "the day before a loan": (kit([OUT]), "2026-11-17", True, None),
    "a booked loan blocks too": (kit([("2026-11-18", "2026-11-22", "booked")]), "2026-11-19", False, "2026-11-23"),
    "a returned loan blocks nothing": (kit([("2026-11-18", "2026-11-22", "returned")]), "2026-11-19", True, None),
    "a cancelled loan blocks nothing": (kit([("2026-11-18", "2026-11-22", "cancelled")]), "2026-11-19", True, None),
    "loans one after another: free after the last": (
        kit([OUT, ("2026-11-23", "2026-11-24", "booked"), ("2026-11-26", "2026-11-27", "booked")]),
        "2026-11-19", False, "2026-11-25"),
    "a cancelled loan does not extend a chain": (
        kit([OUT, ("2026-11-23", "2026-11-30", "cancelled")]), "2026-11-22", False, "2026-11-23"),
    "back in the new year": (kit([("2026-12-28", "2026-12-31", "out")]), "2026-12-30", False, "2027-01-01"),
    "back on a leap day": (kit([("2028-02-25", "2028-02-28", "out")], due=None), "2028-02-26", False, "2028-02-29"),
    "service overdue": (kit([], due="2026-11-20"), "2026-11-21", False, None),
    "service due today is still available": (kit([], due="2026-11-21"), "2026-11-21", True, None),
    "status on loan without a schedule": (kit([], status="on-loan"), "2026-11-21", False, None),
    "in maintenance, though no loan": (kit([], status="in-maintenance"), "2026-11-21", False, None),
    "away on a loan and in maintenance: the loan says when it is back": (
        kit([OUT], status="in-maintenance"), "2026-11-20", False, "2026-11-23"),
}


@pytest.mark.parametrize("name", TABLE)
def test_table_python_and_browser(name: str, browser_kit) -> None:
    item, day, available, back = TABLE[name]
    python = (available_on(item, date.fromisoformat(day)), free_from(item, date.fromisoformat(day)))
    assert python == (available, date.fromisoformat(back) if back else None)
    browser = browser_kit({"kind": "item", "item": kit_state(item), "day": day})
    assert (browser["available"], browser["free"]) == (available, back)


DAY = st.dates(date(2026, 11, 1), date(2027, 1, 31))
LOAN = st.tuples(DAY, st.integers(0, 12), st.sampled_from(["booked", "out", "returned", "cancelled"])).map(
    lambda t: (t[0].isoformat(), (t[0] + timedelta(days=t[1])).isoformat(), t[2]))


@EXAMPLES
@given(loans=st.lists(LOAN, max_size=5), status=st.sampled_from(["available", "on-loan", "in-maintenance"]),
       due=st.none() | DAY.map(date.isoformat), day=DAY)
def test_random_schedules_agree(loans, status, due, day, browser_kit) -> None:
    # overlapping loans are an error in the data, but the rule must still agree on them
    item = kit(loans, status, due)
    back = free_from(item, day)
    browser = browser_kit({"kind": "item", "item": kit_state(item), "day": day.isoformat()})
    assert (browser["available"], browser["free"]) == (available_on(item, day), back.isoformat() if back else None)


def test_nearest_available_agrees_on_every_type_region_and_day(demo_catalog, browser_kit) -> None:
    """A kit page hands the browser its candidates (nearest_rows: nearest first, with kit_state); the
    browser's choice among them on each day from the build's on must be nearest_available's over all
    the kit."""
    days = [demo_catalog.settings.today + timedelta(days=n) for n in range(30)]
    differs_by_day = 0
    for kind in {e.model.item for e in demo_catalog.equipment.values()}:
        for region in demo_catalog.regions:
            candidates = nearest_rows(demo_catalog, kind, region)
            states = [row["state"] for row in candidates]
            settled = [row for row in candidates if available_on(row["equipment"], days[0])
                       and not upcoming_loans(row["equipment"], days[0])]
            assert len(settled) <= NEAREST_SHOWN  # the page carries no more than could ever be chosen
            answers = set()
            for day in days:
                python = [row["equipment"].id
                          for row in nearest_available(demo_catalog, kind, region, day)[:NEAREST_SHOWN]]
                chosen = browser_kit({"kind": "nearest", "items": states, "day": day.isoformat(),
                                      "limit": NEAREST_SHOWN})
                assert [candidates[i]["equipment"].id for i in chosen["chosen"]] == python, (kind, region, day)
                answers.add(tuple(python))
            differs_by_day += len(answers) > 1
    assert differs_by_day > 0, "the demo's loans should change some list within these days"


@pytest.mark.parametrize(("pinned", "now", "today"), [
    ("2026-11-21", "2027-06-03T12:00:00", "2026-11-21"),  # a demo page: the demo's date, whatever the clock
    (None, "2027-06-03T12:00:00", "2027-06-03"),  # a real network's page: the reader's day
    (None, "2026-12-31T23:30:00", "2026-12-31"),  # late at night it is still that day
])
def test_the_browsers_day(pinned, now, today, browser_kit) -> None:
    assert browser_kit({"kind": "today", "pinned": pinned, "now": now})["today"] == today


def test_a_large_network_s_page_carries_only_what_could_be_chosen(demo_catalog, browser_kit) -> None:
    """Forty more oxygen cages, every third one lent out now and then: the page stops after the
    fifth cage that has no loan ahead, and the browser's choice from it is still nearest_available's on
    every day of the next two months."""
    holders = sorted(demo_catalog.organisations)
    base = demo_catalog.equipment["northvale-oxygen-cage-2"]
    extra = {}
    for n in range(40):
        start = demo_catalog.settings.today + timedelta(days=n % 9)
        loans = [{"from": start.isoformat(), "to": (start + timedelta(days=4)).isoformat(),
                  "borrower": holders[(n + 1) % len(holders)], "status": "booked"}] if n % 3 == 0 else []
        data = {**base.model.model_dump(by_alias=True, exclude={"loans"}), "id": f"extra-cage-{n}",
                "holder": holders[n % len(holders)], "next_service_due": "2027-12-31", "loans": loans}
        extra[data["id"]] = Entry(Equipment.model_validate(data, context={"allow_fictional": True}), base.source)
    catalog = catalog_with(demo_catalog, equipment={**demo_catalog.equipment, **extra})
    days = [catalog.settings.today + timedelta(days=n) for n in range(60)]
    for region in catalog.regions:
        rows, every = nearest_rows(catalog, "oxygen-cage", region), nearest_candidates(catalog, "oxygen-cage", region)
        assert NEAREST_SHOWN < len(rows) < len(every)
        for day in days:
            chosen = browser_kit({"kind": "nearest", "items": [r["state"] for r in rows], "day": day.isoformat(),
                                  "limit": NEAREST_SHOWN})["chosen"]
            assert [rows[i]["equipment"].id for i in chosen] == [
                r["equipment"].id for r in nearest_available(catalog, "oxygen-cage", region, day)[:NEAREST_SHOWN]]
