"""The finder's "Can help now" in a region, without a service, is an owner's question, and Get help's:
found by a journey review, it listed two clinics that take vets' referrals only, with Call buttons, and
at 02:00 in Westmoor left out the 24-hour hospitals from elsewhere that cover the region. It must give
the build's own answer (generator/kinds/organisations/availability.py), in its order, for any pet and
for each species, at night and in the day."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from playwright.sync_api import Browser, expect

from generator.kinds.organisations.availability import Need, who_can_help
from tests.scenarios import ZONE

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("at", [datetime(2026, 11, 30, 14, 0, tzinfo=ZONE), datetime(2026, 12, 1, 2, 0, tzinfo=ZONE),
                                datetime(2027, 3, 26, 10, 0, tzinfo=ZONE)],
                         ids=["Monday 14:00", "Tuesday 02:00", "Good Friday 10:00"])
def test_can_help_now_is_get_helps_answer(browser: Browser, demo_url: str, demo_catalog, at: datetime) -> None:
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    page = context.new_page()
    page.clock.set_fixed_time(at)
    for region in demo_catalog.regions:
        for species in ["", *demo_catalog.species]:
            answer = who_can_help(demo_catalog, at=at, region=region, need=Need(species=species or None))
            expected = [h.org.id for h in answer.now]
            page.goto(demo_url + f"directory/find/?species={species}&region={region}&open=1")
            status = page.locator("#kb-finder-status")
            expect(status).not_to_have_text(re.compile(r"^\s*(Loading…)?\s*$"))
            shown = page.locator("#kb-finder-results > li").evaluate_all(
                "els => els.map(e => e.getAttribute('data-org'))")
            assert shown == expected, (region, species, status.text_content())
            # and its nearest open elsewhere, also beside clinics only usually open (Good Friday: a journey
            # review found Highcombe's one practice offered alone) or for their registered clients only
            elsewhere = page.locator("#kb-finder-elsewhere-list > li:visible").evaluate_all(
                "els => els.map(e => e.getAttribute('data-org'))")
            assert elsewhere == [h.org.id for h in answer.nearest_open], (region, species)
            for org in shown:  # nobody an owner cannot go to directly
                assert not demo_catalog.organisations[org].model.referral_only, (region, species, org)
    context.close()


def test_a_clinic_closed_by_an_alert_has_no_button_to_ring(browser: Browser, demo_url: str, demo_catalog) -> None:
    """The finder without "Can help now" lists every clinic of the region, a closed one too, but offers
    no number that may only play a message (a journey review found one)."""
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    page = context.new_page()
    page.clock.set_fixed_time(datetime(2026, 12, 2, 14, 0, tzinfo=ZONE))
    page.goto(demo_url + "directory/find/?region=southhaven")
    closed = page.locator("#kb-finder-results > li[data-state='alert-closed']")
    expect(closed.first).to_be_visible()  # the demo has a closure in Southhaven: otherwise this says nothing
    for row in closed.all():
        expect(row.locator("a[href^='tel:']")).to_have_count(0)
    open_rows = page.locator("#kb-finder-results > li:not([data-state='alert-closed'])")
    expect(open_rows.first.locator("a[href^='tel:']").first).to_be_visible()
    context.close()
