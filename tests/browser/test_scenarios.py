"""The scenario table (tests/scenarios/who-can-help.yml) in Chromium at 390x844 with the clock fixed:
Get help with JavaScript (species and region tapped, or the location shared) and without it, a guide's
call bar, and the finder. Also: Get help and the region page give the same answer as the build for
every region at every hour of a week."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from generator.kinds.organisations.availability import Need, who_can_help
from tests.scenarios import ZONE, call_bar_clinic, ids, local_time, scenarios

pytestmark = pytest.mark.browser

SCENARIOS = scenarios()
OWNER = [s for s in SCENARIOS if not s.get("service") and not s.get("referred")]
WITH_REGION = [s for s in OWNER if "region" in s]
CALL_BAR = [s for s in WITH_REGION if "weight_g" not in s]
FINDER = [s for s in SCENARIOS if "finder" in s]
NIGHT = [s for s in WITH_REGION if "weight_g" not in s and local_time(s).hour < 6]
PHONE = {"width": 390, "height": 844}


def fixed(page: Page, scenario: dict[str, Any]) -> None:
    page.clock.set_fixed_time(local_time(scenario))


def answer_ids(page: Page, selector: str) -> list[str]:
    return page.locator(f"{selector} > li").evaluate_all("els => els.map(e => e.getAttribute('data-org'))")


def choose_weight(page: Page, grams: int) -> None:
    page.click(".gh-weight summary")
    page.fill("#gh-weight", str(grams))
    page.dispatch_event("#gh-weight", "change")


@pytest.mark.parametrize("scenario", OWNER, ids=ids(OWNER))
def test_get_help(browser: Browser, demo_url: str, scenario: dict[str, Any]) -> None:
    place = scenario.get("place")
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London", locale="en-GB",
                                  **({"geolocation": {"latitude": place[0], "longitude": place[1]},
                                      "permissions": ["geolocation"]} if place else {}))
    page = context.new_page()
    fixed(page, scenario)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    if place:
        page.goto(demo_url + f"get-help/?species={scenario['species']}")
        page.click("#gh-locate")
    else:  # the owner taps the animal, then the region
        page.goto(demo_url + "get-help/")
        page.click(f".gh-tile:has(input[value='{scenario['species']}'])")
        page.click(f".gh-tile:has(input[value='{scenario['region']}'])")
    if "weight_g" in scenario:
        page.click("#gh-change")
        choose_weight(page, scenario["weight_g"])
    expect(page.locator("#gh-choice")).to_be_visible()
    assert answer_ids(page, "#gh-answer") == scenario["now"]
    assert answer_ids(page, "#gh-elsewhere-list") == scenario.get("nearest_open", [])
    if "later" in scenario:
        assert answer_ids(page, "#gh-later-list")[:len(scenario["later"])] == scenario["later"]
    for org_id, words in scenario.get("words", {}).items():
        expect(page.locator(f"li[data-org='{org_id}'] .gh-clinic__status").first).to_have_text(words)
    first = page.locator("#gh-answer > li, #gh-elsewhere-list > li").first.locator("a.gh-call")
    assert first.get_attribute("href").startswith("tel:+44")
    if "weight_g" not in scenario:  # two taps from the page: the first number to ring is on the first screen
        box = first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    if place:  # the location stays on the device
        assert not any(str(place[0]) in url or str(place[1]) in url for url in requests), requests
    context.close()


@pytest.mark.parametrize("scenario", NIGHT, ids=ids(NIGHT))
def test_from_the_home_page_in_three_taps(browser: Browser, demo_url: str, scenario: dict[str, Any]) -> None:
    """At night, from the home page: Get help now, the animal, the region, and the number to ring
    is on the first screen."""
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    page = context.new_page()
    fixed(page, scenario)
    page.goto(demo_url)
    page.click("a.kb-bar__help")  # 1
    page.click(f".gh-tile:has(input[value='{scenario['species']}'])")  # 2
    page.click(f".gh-tile:has(input[value='{scenario['region']}'])")  # 3
    first = page.locator("#gh-answer > li, #gh-elsewhere-list > li").first
    expect(first).to_have_attribute("data-org", (scenario["now"] or scenario["nearest_open"])[0])
    call = first.locator("a.gh-call")
    assert call.get_attribute("href").startswith("tel:+44")
    box = call.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    context.close()


@pytest.mark.parametrize("scenario", NIGHT, ids=ids(NIGHT))
def test_get_help_without_javascript_lists_who_answers_at_night(browser: Browser, demo_url: str,
                                                               scenario: dict[str, Any]) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_url + "get-help/")
    section = page.locator(f".gh-region[data-region='{scenario['region']}']")
    expect(section).to_be_visible()
    names = section.locator(".gh-clinic__name").evaluate_all(
        "els => els.map(e => e.getAttribute('href').split('/').filter(Boolean).pop())")
    expected = scenario["now"] or scenario.get("nearest_open", [])
    assert set(expected) <= set(names), (expected, names)
    for org_id in expected:
        row = section.locator(f".gh-clinic:has(a[href$='/{org_id}/'])").first
        assert row.locator("a.gh-call").get_attribute("href").startswith("tel:+44")
    # the region's list is one tap from the first screen, and its first number on the screen after it
    jump = page.locator(f".gh-jump a[href='#gh-r-{scenario['region']}']")
    expect(jump).to_be_in_viewport()
    jump.click()
    expect(section.locator("a.gh-call").first).to_be_in_viewport()
    context.close()


FIRST_VISIT = [s for s in CALL_BAR if local_time(s).hour < 6]


def bar_shows_the_first_answer(bar: Locator, scenario: dict[str, Any]) -> str | None:
    """The call bar shows the scenario's first clinic (open now, else the nearest open) with its number
    on the first screen, or says nobody can help; returns that clinic."""
    expected = call_bar_clinic(scenario)
    if expected is None:
        expect(bar).to_have_attribute("data-state", "none")
        return None
    expect(bar).to_have_attribute("data-org", expected)
    call = bar.locator("a.kb-callbar__call")
    assert call.get_attribute("href").startswith("tel:+44")
    box = call.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    return expected


@pytest.mark.parametrize("scenario", FIRST_VISIT, ids=ids(FIRST_VISIT))
def test_a_first_visit_to_a_guide_at_night_asks_where_and_then_gives_the_number(
        browser: Browser, demo_url: str, scenario: dict[str, Any]) -> None:
    """An owner who comes straight to a guide at night (from a search: nothing chosen on this device):
    the call bar asks where on the first screen; the pet, then the region from the list, and the number
    to ring is on the first screen, the same clinic as with the choice remembered (and as Get help's
    first answer, test_get_help); the next guide remembers the region."""
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    page = context.new_page()
    fixed(page, scenario)
    page.goto(demo_url + f"triage/{scenario['problem']}/")
    bar = page.locator("#kb-callbar")
    where = bar.locator("select.kb-callbar__regions")
    expect(where).to_be_visible()
    box = where.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    expect(bar.locator("label.kb-callbar__where")).to_contain_text("where are you?")
    page.click(f".kb-pick__pet[data-species='{scenario['species']}']")  # 1
    where.select_option(scenario["region"])  # 2, 3: the phone's list of regions, and the owner's
    expected = bar_shows_the_first_answer(bar, scenario)
    page.goto(demo_url + "triage/gut-stasis/")  # the next guide: the same answer, nothing asked
    if expected is None:
        expect(bar).to_have_attribute("data-state", "none")
    else:
        expect(bar).to_have_attribute("data-org", expected)
    expect(bar.locator("select.kb-callbar__regions")).to_have_count(0)
    context.close()


@pytest.mark.parametrize("scenario", CALL_BAR, ids=ids(CALL_BAR))
def test_call_bar_on_the_guide(browser: Browser, demo_url: str, scenario: dict[str, Any]) -> None:
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    context.add_init_script(f"localStorage.setItem('kb-region', '{scenario['region']}');"
                            f"localStorage.setItem('kb-species', '{scenario['species']}');")
    page = context.new_page()
    fixed(page, scenario)
    page.goto(demo_url + f"triage/{scenario['problem']}/")
    bar = page.locator("#kb-callbar")
    if bar_shows_the_first_answer(bar, scenario) is not None:
        call = bar.locator("a.kb-callbar__call")
        page.mouse.wheel(0, 3000)  # still there, under the header, after scrolling
        page.wait_for_timeout(200)
        box = call.bounding_box()
        assert box is not None and 0 <= box["y"] <= 200, box
    context.close()


def test_call_bar_without_javascript_leads_to_get_help(browser: Browser, demo_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_url + "triage/gut-stasis/")
    link = page.locator("#kb-callbar a.kb-callbar__help")
    expect(link).to_be_visible()
    assert link.get_attribute("href").rstrip("/").endswith("get-help")
    context.close()


@pytest.mark.parametrize("scenario", FINDER, ids=ids(FINDER))
def test_finder(browser: Browser, demo_url: str, scenario: dict[str, Any]) -> None:
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    page = context.new_page()
    fixed(page, scenario)
    page.goto(demo_url + f"directory/find/?species={scenario['species']}&region={scenario['region']}"
              f"&service={scenario['service']}&open=1")
    status = page.locator("#kb-finder-status")
    # one wait for both: the status is empty before the script runs and then says "Loading…", so
    # waiting for "not Loading…" and then "not empty" could pass on each in turn while it loads
    expect(status).not_to_have_text(re.compile(r"^\s*(Loading…)?\s*$"))
    assert answer_ids(page, "#kb-finder-results") == scenario["finder"], status.text_content()
    if "finder_elsewhere" in scenario:
        expect(page.locator("#kb-finder-elsewhere")).to_be_visible()
        assert answer_ids(page, "#kb-finder-elsewhere-list") == scenario["finder_elsewhere"]
        for km in page.locator("#kb-finder-elsewhere-list .kb-org__kind").all_inner_texts():
            assert km.endswith(" km"), km
    context.close()


def test_finder_without_javascript_offers_links_not_dead_controls(browser: Browser, demo_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_url + "directory/find/")
    expect(page.locator("#kb-finder-form")).to_be_hidden()
    expect(page.locator("#kb-finder-browse a[href$='regions/westmoor/']")).to_be_visible()
    expect(page.locator("#kb-finder-browse a[href$='species/chinchilla/']")).to_be_visible()
    expect(page.locator("#kb-finder-browse a[href$='services/ct/']")).to_be_visible()
    context.close()


WEEK = [datetime(2026, 11, 30, 0, 30, tzinfo=ZONE) + timedelta(hours=h) for h in range(7 * 24)]


def test_get_help_and_region_pages_agree_with_the_build_at_every_hour(browser: Browser, demo_url: str,
                                                                      demo_catalog) -> None:
    """For every region and every hour of a week: the Python answer, Get help's and the region page's."""
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    help_page, region_page = context.new_page(), context.new_page()
    moments = [int(t.timestamp() * 1000) for t in WEEK]
    collect = "(m) => m.map(t => fn(new Date(t)).now.map(r => r.rec.id))"
    for region in demo_catalog.regions:
        expected = [[h.org.id for h in who_can_help(demo_catalog, at=t, region=region, need=Need()).now] for t in WEEK]
        help_page.goto(demo_url + f"get-help/?region={region}&species=other")
        region_page.goto(demo_url + f"regions/{region}/")
        on_help = help_page.evaluate(collect.replace("fn(", "window.kbGetHelp.answer("), moments)
        on_region = region_page.evaluate(collect.replace("fn(", "window.kbRegionHelp.update("), moments)
        for moment, python, got_help, got_region in zip(WEEK, expected, on_help, on_region, strict=True):
            assert got_help == python, (region, moment.isoformat())
            assert got_region == python, (region, moment.isoformat())
        assert any(expected), region
    context.close()


AT_TWO = datetime(2026, 12, 2, 2, 0, tzinfo=ZONE)  # a Wednesday


def test_every_region_and_animal_at_2am(browser: Browser, demo_url: str, demo_catalog) -> None:
    """Any region, any animal, at 02:00: after tapping both, the first number to ring is on the first
    screen, and the list is the build's answer."""
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    page = context.new_page()
    page.clock.set_fixed_time(AT_TWO)
    for region in demo_catalog.regions:
        for species in demo_catalog.species:
            answer = who_can_help(demo_catalog, at=AT_TWO, region=region, need=Need(species=species))
            expected = [h.org.id for h in answer.now] or [h.org.id for h in answer.nearest_open]
            assert expected, (region, species)  # nobody is ever left with no one to ring
            page.goto(demo_url + "get-help/")
            page.evaluate("localStorage.clear()")
            page.reload()
            page.click(f".gh-tile:has(input[value='{species}'])")
            page.click(f".gh-tile:has(input[value='{region}'])")
            shown = answer_ids(page, "#gh-answer") or answer_ids(page, "#gh-elsewhere-list")
            assert shown == expected, (region, species)
            call = page.locator("#gh-answer > li, #gh-elsewhere-list > li").first.locator("a.gh-call")
            box = call.bounding_box()
            assert box is not None and box["y"] + box["height"] <= PHONE["height"], (region, species, box)
    context.close()


def test_every_guide_shows_a_number_to_ring_on_its_first_screen(browser: Browser, demo_url: str,
                                                                demo_catalog) -> None:
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    context.add_init_script("localStorage.setItem('kb-region', 'westmoor');")
    page = context.new_page()
    page.clock.set_fixed_time(AT_TWO)
    for guide_id in demo_catalog.problems:
        page.goto(demo_url + f"triage/{guide_id}/")
        call = page.locator("#kb-callbar a.kb-callbar__call")
        expect(call).to_have_attribute("href", "tel:+441632960361")  # Kettlemoor's on-call line, for any animal
        box = call.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], guide_id
    context.close()


def test_the_answers_pass_axe(browser: Browser, demo_url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe  # noqa: PLC0415

    from tests.browser.test_pages import WCAG_AA  # noqa: PLC0415

    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    page = context.new_page()
    page.clock.set_fixed_time(AT_TWO)
    page.goto(demo_url + "get-help/")
    page.click(".gh-tile:has(input[value='guinea-pig'])")
    page.click(".gh-tile:has(input[value='highcombe'])")
    expect(page.locator("#gh-elsewhere-list li").first).to_be_visible()
    for url in (None, "triage/gut-stasis/", "regions/westmoor/", "directory/find/?region=westmoor&service=ct&open=1"):
        if url:
            page.goto(demo_url + url)
            page.wait_for_load_state("networkidle")
        violations = Axe().run(page, options=WCAG_AA).response["violations"]
        assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == [], url
    context.close()
