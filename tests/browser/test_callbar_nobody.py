"""A guide's call bar when nobody in the owner's region can take their animal now and no clinic open
elsewhere is listed for it. The demo always has a 24-hour hospital, so the region's file is emptied on
its way to the page (its candidates and fallback lists). The bar must say so in words, lead to Get
help, and, when the answer comes from the list stored on this device (the service worker's
x-kb-stored stamp), say when that list was stored: an owner must not read an old "nobody" as
tonight's."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Route, expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
STORED = "2026-11-26T21:00:00.000Z"  # as theme/kb/sw.js stamps a stored copy


def _nobody_can_help(stored: bool):  # noqa: ANN202 - a Playwright route handler
    def handle(route: Route) -> None:
        response = route.fetch()
        data = response.json()
        assert data["regions"], "the region file changed shape: this test no longer empties it"
        for region in data["regions"].values():
            region["candidates"], region["fallback"] = [], []
        headers = {**response.headers, **({"x-kb-stored": STORED} if stored else {})}
        headers.pop("content-length", None)
        route.fulfill(response=response, json=data, headers=headers)
    return handle


@pytest.mark.parametrize("stored", [False, True], ids=["live list", "stored list"])
def test_the_bar_says_nobody_can_help_and_how_old_the_list_is(browser: Browser, demo_url: str, stored: bool) -> None:
    # routes do not see what a service worker answers: none here, the stamp stands for it
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London", locale="en-GB",
                                  service_workers="block")
    context.add_init_script("localStorage.setItem('kb-region', 'eastmarsh');"
                            "localStorage.setItem('kb-species', 'hamster');")
    page = context.new_page()
    page.clock.set_fixed_time("2026-11-27T02:00:00+00:00")
    page.route("**/help/*.json", lambda route: (_nobody_can_help(stored)(route) if not route.request.url
                                                 .endswith("/index.json") else route.continue_()))
    page.goto(demo_url + "triage/gut-stasis/")
    bar = page.locator("#kb-callbar")
    expect(bar).to_have_attribute("data-state", "none")
    text = bar.locator(".kb-callbar__text")
    expect(text).to_contain_text("No clinic in Eastmarsh can take a hamster right now.")  # the pet on the guide
    link = text.get_by_role("link", name="Get help now")
    assert link.get_attribute("href").rstrip("/").endswith("get-help")
    expect(bar.locator("a.kb-callbar__call")).to_have_count(0)  # no number that would not answer
    if stored:
        expect(bar.locator(".kb-callbar__stored")).to_have_text("Stored list, 26 Nov 2026")
        expect(bar.locator(".kb-callbar__stored")).to_be_in_viewport()
    else:
        expect(bar.locator(".kb-callbar__stored")).to_have_count(0)
    context.close()
