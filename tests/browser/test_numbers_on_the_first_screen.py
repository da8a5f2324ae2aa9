"""An owner at night opens a clinic's or a region's page on a phone (390x844, Europe/London, fixed
clock): the first screen holds what to ring. For an open or temporarily closed organisation that is
its first number, unless a current alert says whom to ring instead, when that alert's "instead" line
is on the first screen; a closure notice comes before the numbers; a closed organisation says where
to look instead. A region's page shows who can help now (which leaves out clinics an alert closes)
before its alerts. Every organisation and region of the demo network, at moments with and without
current alerts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from playwright.sync_api import Page, expect

from generator.kinds.organisations.availability import clients_only, night_cover, night_elsewhere
from tests.browser.test_guide_first_screen import on_first_screen
from tests.helpers import REPO

pytestmark = pytest.mark.browser

ORGANISATIONS = sorted(path.stem for path in (REPO / "directory/organisations").glob("*.yml"))
REGIONS = ["eastmarsh", "highcombe", "northvale", "southhaven", "westmoor"]  # directory/regions.yml
# The journeys: (moment, why). The demo's alerts run from 20 to 27 November 2026.
MOMENTS = [
    (datetime(2026, 11, 24, 3, 0, tzinfo=UTC), "03:00 on a Tuesday, demo alerts current"),
    (datetime(2026, 11, 29, 2, 0, tzinfo=UTC), "02:00 on a Sunday, after every demo alert has ended"),
]


def what_to_ring_is_missing(page: Page, status: str) -> list[str]:
    if status == "closed":
        instead = page.locator(".kb-contacts p", has_text="has closed").first
        return [] if on_first_screen(instead) else ["where to look instead"]
    banners = page.locator(".kb-alert-banner:visible")
    if banners.count():
        first = banners.first.locator(".kb-alert-banner__instead")
        return [] if on_first_screen(first) else ["the current alert's whom to ring instead"]
    missing = [] if on_first_screen(page.locator(".kb-calls a").first) else ["the first number"]
    if status != "active":
        notice = page.locator(".kb-alert").first
        if not on_first_screen(notice):
            missing.append("the closure notice")
        elif notice.bounding_box()["y"] > page.locator(".kb-calls a").first.bounding_box()["y"]:
            missing.append("the closure notice before the numbers")
    return missing


@pytest.mark.parametrize(("moment", "why"), MOMENTS, ids=[why for _, why in MOMENTS])
def test_every_organisation_page_shows_what_to_ring_on_the_first_screen(page: Page, demo_url: str, demo_catalog,
                                                                         moment: datetime, why: str) -> None:
    page.clock.set_fixed_time(moment)
    problems = {}
    for org_id in ORGANISATIONS:
        page.goto(demo_url + f"organisations/{org_id}/")
        page.evaluate("window.scrollTo(0, 0)")
        missing = what_to_ring_is_missing(page, demo_catalog.organisations[org_id].model.status)
        if missing:
            problems[org_id] = missing
    assert problems == {}, why


@pytest.mark.parametrize(("moment", "why"), MOMENTS, ids=[why for _, why in MOMENTS])
def test_every_region_page_shows_who_can_help_now_with_a_number_on_the_first_screen(
        page: Page, demo_url: str, demo_catalog, moment: datetime, why: str) -> None:
    assert sorted(demo_catalog.regions) == REGIONS
    page.clock.set_fixed_time(moment)
    problems = []
    for region_id in REGIONS:
        page.goto(demo_url + f"regions/{region_id}/")
        first_helper = page.locator("#kb-help-now-list li").first
        expect(first_helper).to_be_visible()
        page.evaluate("window.scrollTo(0, 0)")
        if not on_first_screen(first_helper.locator("a[href^='tel:']").first):
            problems.append(region_id)
    assert problems == [], why


def test_without_javascript_every_region_page_shows_a_night_number_on_the_first_screen(
        browser, demo_url: str, demo_catalog) -> None:
    """Without JavaScript the page has no clock: its first number is one who answers any owner at night,
    the region's own or, where none does, the nearest open at night elsewhere (a journey review found
    Highcombe's page said only 'No clinic answers owners in Highcombe at night', with the daytime
    practice's line the one number on the first screen); the same clinics as Get help lists. It is on
    the first screen unless the region's alerts come first (without a clock the page shows every alert
    current when it was built, and an alert may say a clinic is closed)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    problems = {}
    for region_id in REGIONS:
        cover = [c.phone.number for c in night_cover(demo_catalog, region_id) if not clients_only(c.org)]
        elsewhere = [o.first_call.number for o in night_elsewhere(demo_catalog, region_id)]
        assert cover or elsewhere, region_id
        page.goto(demo_url + f"regions/{region_id}/")
        first = page.locator("#cover ~ ul a[href^='tel:']").first
        alerts_first = page.locator(".kb-alert-banner:visible").count() > 0
        if first.get_attribute("href") not in {f"tel:{n}" for n in cover + elsewhere}:
            problems[region_id] = first.get_attribute("href")
        elif not on_first_screen(first) and not alerts_first:
            problems[region_id] = "not on the first screen"
    context.close()
    assert problems == {}


def test_an_open_clinics_summary_and_notice_follow_its_numbers(demo_site) -> None:
    """The journey's reason, read in the HTML: Saltwick's car-park notice and its summary sit after its
    numbers, where they were once above them and pushed the first number to the foot of the screen."""
    html = (demo_site / "organisations/saltwick-veterinary-hospital/index.html").read_text(encoding="utf-8")
    first_call = html.index('class="kb-calls"')
    assert html.index("<strong>Notice:</strong>") > first_call
    assert html.index('class="kb-lede"') > first_call
