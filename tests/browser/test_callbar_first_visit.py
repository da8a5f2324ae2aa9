"""A guide's call bar for an owner who came straight to a guide (nothing chosen on this device), beyond
the scenario table (tests/browser/test_scenarios.py): the pet chosen after the region changes the
answer, and the list of regions works from the keyboard (arrows move, Enter chooses) and hands focus
to the number to ring. Answers are compared with the build's own who_can_help at the same moment."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, expect

from generator.kinds.triage.urgency import guide_species
from tests.scenarios import to_ring

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
AT = datetime(2026, 11, 23, 2, 0, tzinfo=ZoneInfo("Europe/London"))  # a Monday, 02:00


def _first(demo_catalog, region: str, species: str | None) -> str | None:
    """With no pet chosen, a clinic for every species the guide (gut stasis) is for."""
    pets = [species] if species else guide_species(demo_catalog, demo_catalog.problems["gut-stasis"].model)
    return to_ring(demo_catalog, region, pets, AT)


def _fresh_guide(browser: Browser, demo_url: str):  # noqa: ANN202 - a Playwright context and page
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London", service_workers="block")
    page = context.new_page()
    page.clock.set_fixed_time(AT.isoformat())
    page.goto(demo_url + "triage/gut-stasis/")
    expect(page.locator("#kb-callbar select.kb-callbar__regions")).to_be_visible()
    return context, page


def test_a_pet_chosen_after_the_region_changes_the_clinic_to_one_that_treats_it(
        browser: Browser, demo_url: str, demo_catalog) -> None:
    # with no pet chosen, a clinic that takes every pet of the guide; for a rat, the first for rats
    every_pet, rat = _first(demo_catalog, "southhaven", None), _first(demo_catalog, "southhaven", "rat")
    assert every_pet != rat, "the demo no longer tells these apart: choose another pet or region"
    context, page = _fresh_guide(browser, demo_url)
    bar = page.locator("#kb-callbar")
    bar.locator("select").select_option("southhaven")
    expect(bar).to_have_attribute("data-org", every_pet)
    page.click(".kb-pick__pet[data-species='rat']")
    expect(bar).to_have_attribute("data-org", rat)
    context.close()


def test_the_regions_list_works_from_the_keyboard(browser: Browser, demo_url: str, demo_catalog) -> None:
    regions = list(demo_catalog.regions)
    context, page = _fresh_guide(browser, demo_url)
    select = page.locator("#kb-callbar select.kb-callbar__regions")
    select.focus()
    page.keyboard.press("ArrowDown")  # on the first region: moving, not choosing
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    expect(select).to_be_visible()
    assert page.evaluate("localStorage.getItem('kb-region')") is None
    page.keyboard.press("Enter")
    bar = page.locator("#kb-callbar")
    expect(bar).to_have_attribute("data-org", _first(demo_catalog, regions[1], None))
    assert page.evaluate("localStorage.getItem('kb-region')") == regions[1]
    expect(bar.locator("a.kb-callbar__call")).to_be_focused()
    expect(bar.locator(".kb-callbar__inner")).to_have_attribute("aria-live", "polite")
    context.close()
