"""A clinic open now that closes before an owner setting off now could get there, walked at 390x844 on the
demo site with the clock fixed (a journey review: at 16:50 on a weekday Highcombe Moor, Highcombe's one
practice, open until 17:00, was the only number on Get help, the region page and a guide's call bar, and
no clinic open elsewhere was offered until 17:00). It is still listed, says it closes too soon, and the
clinics open elsewhere are offered: first on the region page, and rung by the call bar
(generator/kinds/organisations/availability.py Help.closing_soon; theme/kb/help.js closingSoon)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_public_holidays import elsewhere_first

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TEN_TO_FIVE = datetime(2026, 12, 2, 16, 50, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday
HALF_FOUR = datetime(2026, 12, 2, 16, 30, tzinfo=ZoneInfo("Europe/London"))


def _phone(browser: Browser, at: datetime) -> Page:
    page = browser.new_context(viewport=PHONE, timezone_id="Europe/London", locale="en-GB").new_page()
    page.clock.set_fixed_time(at)
    return page


def test_ten_minutes_before_closing_the_clinics_open_elsewhere_are_offered(browser: Browser, demo_url: str) -> None:
    page = _phone(browser, TEN_TO_FIVE)
    page.goto(demo_url + "get-help/?species=rat&region=highcombe")
    status = ("No clinic in Highcombe is open long enough to get there now. Open now elsewhere first, then the one "
              "here, closing soon:")
    expect(page.locator("#gh-status")).to_have_text(status)
    expect(page.locator("#gh-answer > li").first).to_have_attribute("data-org", "highcombe-moor-veterinary-surgery")
    # on Get help and then the region page: those open elsewhere first, the practice after them
    elsewhere_first(page, demo_url, "highcombe", status, "kettlemoor-veterinary-practice",
                    "highcombe-moor-veterinary-surgery")
    page.context.close()


def test_half_an_hour_before_closing_the_clinic_here_is_enough(browser: Browser, demo_url: str) -> None:
    page = _phone(browser, HALF_FOUR)
    page.goto(demo_url + "get-help/?species=rat&region=highcombe")
    expect(page.locator("#gh-status")).to_have_text("1 clinic can take a rat now in Highcombe.")
    expect(page.locator("#gh-elsewhere")).to_be_hidden()
    page.goto(demo_url + "regions/highcombe/")
    expect(page.locator("#kb-help-now-status")).to_have_text("1 clinic can help now.")
    expect(page.locator("#kb-help-now-list > li")).to_have_count(1)
    page.context.close()
