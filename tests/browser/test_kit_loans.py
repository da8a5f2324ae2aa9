"""Kit out on loan, on a phone with a fixed clock (issue 21): the kit type page says when the item is
free again and "nearest available" skips it while it is away, chosen again in the browser for the
reader's day (theme/assets/kit-availability.js), except on the demo, which is always read at
extra.demo_data_as_of so that it never rots."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from generator.kinds.equipment.views import nearest_available
from tests.conftest import serve

pytestmark = pytest.mark.browser
LONDON = ZoneInfo("Europe/London")  # the browser context's time zone (tests/conftest.py)
UNIVERSITY = "Southhaven University Veterinary Hospital"


@pytest.fixture(scope="module")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    yield from serve(fixture_site)


def _nearest(page: Page, region: str):
    return page.locator(f".kb-kit-region[data-region='{region}'] ol li:visible > a:first-child")


@pytest.mark.parametrize("demo_day", [datetime(2026, 11, 21, 9, 30), datetime(2027, 6, 3, 22, 15)])
def test_demo_kit_out_on_loan_is_skipped_by_nearest_available(page: Page, demo_url: str, catalog,
                                                               demo_day: datetime) -> None:
    """Westmoor has no oxygen cage; the nearest, Northvale Exotic Pet Clinic's, is lent out 19 to 25
    November 2026 on the demo's date, so the list starts with the next one. A year later by the clock
    the demo reads the same: its date is demo_data_as_of, not the phone's."""
    on_loan = catalog.equipment["northvale-oxygen-cage-2"].model
    holder = catalog.organisations[on_loan.holder].model.name
    expected = [row["holder"].name for row in nearest_available(catalog, "oxygen-cage", "westmoor")[:5]]
    assert holder not in expected and catalog.settings.demo_as_of is not None
    page.clock.install(time=demo_day.replace(tzinfo=LONDON))
    page.goto(demo_url + "kit/oxygen-cage/")
    page.select_option("#kb-kit-region", "westmoor")
    expect(_nearest(page, "westmoor")).to_have_text(expected)
    row = page.locator("#all + ul li.kb-kit").filter(has_text=holder)
    expect(row.locator(".kb-kit__status")).to_have_text("On loan, free again from 26 November 2026 · can be borrowed")
    expect(row.locator(".kb-kit__loans")).to_contain_text("Out 19 November 2026 to 25 November 2026")
    expect(row.locator(".kb-kit__loans")).to_contain_text("Booked 2 December 2026 to 6 December 2026")
    assert page.viewport_size == {"width": 390, "height": 844}
    box = row.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390  # fits the phone's width


OUT_UNTIL_25TH = "On loan, free again from 25 November 2026 · can be borrowed"  # as the build wrote it


@pytest.mark.parametrize(("day", "listed", "status"), [
    # the build's day: out until the 22nd, booked 23rd and 24th
    (datetime(2026, 11, 21, 9, 0), False, OUT_UNTIL_25TH),
    (datetime(2026, 11, 24, 23, 50), False, OUT_UNTIL_25TH),  # the last booked day, late at night
    # free again (the cancelled loan from the 25th blocks nothing)
    (datetime(2026, 11, 25, 0, 10), True, "Available · can be borrowed"),
    (datetime(2026, 12, 2, 12, 0), False, "On loan, free again from 5 December 2026 · can be borrowed"),
    (datetime(2026, 12, 5, 8, 0), True, "Available · can be borrowed"),
])
def test_a_page_older_than_the_loan_is_corrected_in_the_browser(page: Page, fixture_url: str, day: datetime,
                                                                listed: bool, status: str) -> None:
    """The fixture network is not a demo read at a fixed date: its kit pages, built on 21 November, are
    read on the phone's own day, so the cage comes back into the list once its loans end, and its row
    and its holder's page say so."""
    page.clock.install(time=day.replace(tzinfo=LONDON))
    page.goto(fixture_url + "organisations/southhaven-university-veterinary-hospital/")
    expect(page.locator("#kit + ul li.kb-kit .kb-kit__status")).to_have_text(status)
    page.goto(fixture_url + "kit/oxygen-cage/")
    row = page.locator("#all + ul li.kb-kit").filter(has_text=UNIVERSITY)
    expect(row.locator(".kb-kit__status")).to_have_text(status)
    expect(row).to_have_class("kb-kit" if listed else "kb-kit kb-kit--unavailable")
    page.select_option("#kb-kit-region", "southhaven")
    names = _nearest(page, "southhaven")
    if listed:  # in Southhaven itself, two km from the region's centre: second after the emergency hospital
        expect(names).to_have_text(["Southhaven Animal Emergency Hospital", UNIVERSITY,
                                    "Saltwick Veterinary Hospital"])
    else:
        expect(names).to_have_text(["Southhaven Animal Emergency Hospital", "Saltwick Veterinary Hospital"])
