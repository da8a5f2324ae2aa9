"""A public holiday whose hours the practices' files do not give, walked at 390x844 on the demo site with
the clock fixed: Good Friday 2027, which the demo gives no hours for (generator/common/schedule.py
usual_hours_in_doubt; theme/kb/help.js). Each such practice says it is only usually open and to ring first,
in amber, after the clinics sure to be open; the count says how many; a practice with its own vet on call
offers that line too; and where the only clinic is such a practice, the sure ones elsewhere are offered
(a journey review: Highcombe offered its one practice, probably closed, and no other number)."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
GOOD_FRIDAY = datetime(2027, 3, 26, 10, 0, tzinfo=ZoneInfo("Europe/London"))
IN_DOUBT = "Public holiday: usually open until {until}, ring first"


def _phone(browser: Browser) -> Page:
    page = browser.new_context(viewport=PHONE, timezone_id="Europe/London", locale="en-GB").new_page()
    page.clock.set_fixed_time(GOOD_FRIDAY)
    return page


def _get_help(browser: Browser, demo_url: str, region: str, status: str | re.Pattern) -> Page:
    """Get help for a guinea pig in ``region``, tapped, on Good Friday; its status line is ``status``."""
    page = _phone(browser)
    page.goto(demo_url + "get-help/")
    page.click(".gh-tile:has(input[value='guinea-pig'])")
    page.click(f".gh-tile:has(input[value='{region}'])")
    expect(page.locator("#gh-choice")).to_be_visible()
    expect(page.locator("#gh-status")).to_have_text(status)
    return page


def test_get_help_says_which_are_only_usually_open_and_offers_the_on_call_line(browser: Browser,
                                                                             demo_url: str) -> None:
    page = _get_help(browser, demo_url, "westmoor",
                     "7 clinics can take a guinea pig now in Westmoor (5 of them only usually open: a public holiday).")
    first = page.locator("#gh-answer > li").first
    expect(first).to_have_attribute("data-org", "northvale-veterinary-emergency-centre")
    expect(first.locator(".gh-clinic__status")).to_have_class("gh-clinic__status kb-open--yes")
    kettlemoor = page.locator("#gh-answer > li[data-org='kettlemoor-veterinary-practice']")
    expect(kettlemoor.locator(".gh-clinic__status")).to_have_text(IN_DOUBT.format(until="18:30"))
    expect(kettlemoor.locator(".gh-clinic__status")).to_have_class("gh-clinic__status kb-open--doubt")
    # its vet is on call when it is closed: if the practice does not answer, that line
    instead = kettlemoor.locator("a.gh-clinic__instead")
    expect(instead).to_have_text("If no answer: after-hours line 01632 960361")
    assert instead.get_attribute("href") == "tel:+441632960361"
    # a practice with no line of its own for its on-call vet has no second number
    brindlecombe = page.locator("#gh-answer > li[data-org='brindlecombe-veterinary-surgery']")
    expect(brindlecombe.locator("a.gh-clinic__instead")).to_have_count(0)
    # the region page and the finder offer the same line
    for url, rows in (("regions/westmoor/", "#kb-help-now-list > li"),
                      ("directory/find/?species=guinea-pig&region=westmoor&open=1", "#kb-finder-results > li")):
        page.goto(demo_url + url)
        line = page.locator(f"{rows}[data-org='kettlemoor-veterinary-practice'] a.kb-org__instead")
        expect(line).to_have_text("If no answer: after-hours line 01632 960361")
        assert line.get_attribute("href") == "tel:+441632960361"
    page.context.close()


def elsewhere_first(page: Page, demo_url: str, region: str, status: str, sure: str, here: str) -> None:
    """On Get help as it is (its status line already ``status``) and then on the region's page: the clinic
    ``sure`` elsewhere leads, its number on the first screen, above the region's own ``here``."""
    expect(page.locator("#gh-elsewhere")).to_be_visible()
    first = page.locator("#gh-elsewhere-list > li").first
    expect(first).to_have_attribute("data-org", sure)
    expect(first.locator("a.gh-call")).to_be_in_viewport()
    assert first.bounding_box()["y"] < page.locator("#gh-answer > li").first.bounding_box()["y"]
    page.goto(demo_url + f"regions/{region}/")
    expect(page.locator("#kb-help-now-status")).to_have_text(status)
    rows = page.locator("#kb-help-now-list > li")
    expect(rows.first).to_have_attribute("data-org", sure)
    expect(rows.last).to_have_attribute("data-org", here)
    expect(rows.first.locator("a.kb-call")).to_be_in_viewport()


def test_a_region_whose_one_clinic_is_only_usually_open_gets_the_sure_ones_elsewhere(browser: Browser,
                                                                                   demo_url: str) -> None:
    # Get help: the sure ones first, as on the region page and in the call bar (a journey review found
    # Get help and the region page leading with different clinics)
    status = ("No clinic in Highcombe is sure to be open now: a public holiday. Open now elsewhere first, then the "
              "one here only usually open:")
    page = _get_help(browser, demo_url, "highcombe", status)
    # and on the region page the sure ones first, the practice after them (its number was below the first screen)
    elsewhere_first(page, demo_url, "highcombe", status, "northvale-veterinary-emergency-centre",
                    "highcombe-moor-veterinary-surgery")
    expect(page.locator("#kb-help-now-list > li")).to_have_count(4)
    # the finder's owner question gives the same, in the same order
    page.goto(demo_url + "directory/find/?species=guinea-pig&region=highcombe&open=1")
    expect(page.locator("#kb-finder-status")).to_have_text(
        "No clinic in Highcombe is sure to be open now: a public holiday. Open now elsewhere first, then the one "
        "here only usually open:")
    sure = page.locator("#kb-finder-elsewhere-list > li").first
    expect(sure).to_have_attribute("data-org", "northvale-veterinary-emergency-centre")
    assert sure.bounding_box()["y"] < page.locator("#kb-finder-results > li").first.bounding_box()["y"]
    page.context.close()


def test_the_on_call_line_beside_it_says_when_it_answers_registered_clients_only(browser: Browser,
                                                                                demo_url: str) -> None:
    page = _get_help(browser, demo_url, "northvale", re.compile(r"only usually open"))
    heronwick = page.locator("#gh-answer > li[data-org='heronwick-veterinary-surgery']")
    expect(heronwick.locator("a.gh-clinic__instead")).to_have_text(
        "If no answer, for its registered clients only: after-hours line 01632 960171")
    page.context.close()


def test_an_organisation_page_says_it_is_only_usually_open(browser: Browser, demo_url: str) -> None:
    page = _phone(browser)
    page.goto(demo_url + "organisations/brindlecombe-veterinary-surgery/")
    status = page.locator("[data-kb-help-org]").first
    expect(status).to_have_text(IN_DOUBT.format(until="19:00"))
    expect(status).to_have_class("kb-open kb-open--doubt")
    page.context.close()
