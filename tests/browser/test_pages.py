"""Browser tests on a 390×844 phone viewport in Debian's Chromium, against the demo site served
on loopback: search, finder filters, "open now" under a fixed clock, and axe."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from generator.kinds.organisations import views
from generator.kinds.organisations.views import orgs

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def test_search_for_a_species_returns_the_matching_clinics(page: Page, demo_url: str, catalog) -> None:
    page.goto(demo_url + "search/?q=chinchilla")
    results = page.locator("#kb-search-results li a")
    expect(results.first).to_have_text("Chinchillas: problem guides and first aid")  # owners' guidance first
    treating = {o.name for o in views.treating(catalog, "chinchilla")}

    # the word, among organisations: clinics that treat chinchillas come back
    page.goto(demo_url + "search/?q=chinchilla&type=Organisation")
    expect(results.first).to_be_visible()
    titles = set(results.all_inner_texts())
    assert titles <= {o.name for o in orgs(catalog)}
    assert len(treating & titles) >= 5

    # the species filter narrows to exactly the organisations that treat chinchillas
    page.goto(demo_url + "search/?species=Chinchilla&type=Organisation")
    expect(page.locator("#kb-search-status")).to_have_text(f"{len(treating)} clinics, cases and other pages.")
    expect(results).to_have_count(10)  # ten at a time on a phone
    for _ in range(len(treating) // 10 + 1):  # bounded: a button that never hides fails the test
        if not page.locator("#kb-search-more").is_visible():
            break
        page.click("#kb-search-more")
    expect(page.locator("#kb-search-more")).to_be_hidden()
    expect(results).to_have_count(len(treating))
    assert set(results.all_inner_texts()) == treating


def test_header_search_box_leads_to_results(page: Page, demo_url: str) -> None:
    page.goto(demo_url + "regions/westmoor/")
    page.fill("#kb-bar-q", "degu")
    page.press("#kb-bar-q", "Enter")
    expect(page).to_have_url(demo_url + "search/?q=degu")
    expect(page.locator("#kb-search-results li a").first).to_have_text("Degus: problem guides and first aid")
    expect(page.locator("#kb-bar-q")).to_have_value("degu")


def _result_names(page: Page) -> list[str]:
    return page.locator("#kb-finder-results .kb-org__name").all_inner_texts()


def test_finder_filters_narrow_the_list(page: Page, demo_url: str, catalog) -> None:
    page.goto(demo_url + "directory/find/")
    open_orgs = [o for o in orgs(catalog) if o.status != "closed"]
    expect(page.locator("#kb-finder-status")).to_have_text(f"{len(open_orgs)} clinics found.")

    page.select_option("#f-species", "chinchilla")
    chinchilla = {o.name for o in open_orgs if any(c.species == "chinchilla" for c in o.species)}
    expect(page.locator("#kb-finder-status")).to_have_text(f"{len(chinchilla)} clinics found.")
    assert set(_result_names(page)) == chinchilla

    page.select_option("#f-region", "eastmarsh")
    both = {o.name for o in open_orgs if o.name in chinchilla and o.location.region == "eastmarsh"}
    expect(page.locator("#kb-finder-status")).to_contain_text(f"{len(both)} clinic")
    assert set(_result_names(page)) == both and 0 < len(both) < len(chinchilla)
    assert "species=chinchilla" in page.url and "region=eastmarsh" in page.url

    # every result can be called
    calls = page.locator("#kb-finder-results > li").evaluate_all(
        "els => els.map(li => [...li.querySelectorAll('a.kb-call')].map(a => a.href))")
    assert len(calls) == len(both) and all(hrefs and all(h.startswith("tel:+44") for h in hrefs) for hrefs in calls)


def test_finder_restores_filters_from_the_url(page: Page, demo_url: str) -> None:
    page.goto(demo_url + "directory/find/?species=degu")
    expect(page.locator("#kb-finder-status")).to_have_text(re.compile(r"^[1-9]\d* clinics? found\.$"))
    degu = len(_result_names(page))
    page.goto(demo_url + "directory/find/?species=degu&service=dentistry")
    expect(page.locator("#f-species")).to_have_value("degu")
    expect(page.locator("#f-service")).to_have_value("dentistry")
    # "0 clinics found" would not do: some clinics do degu dentistry, fewer than see degus at all
    expect(page.locator("#kb-finder-status")).to_have_text(re.compile(r"^[1-9]\d* clinics? found\.$"))
    assert 0 < len(_result_names(page)) < degu


MONDAY_NIGHT = datetime(2026, 11, 23, 21, 30, tzinfo=UTC)
SATURDAY_MORNING = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
CHRISTMAS_DAY = datetime(2026, 12, 25, 12, 0, tzinfo=UTC)


EASTMARSH = ("saltwick-veterinary-hospital", "eastmarsh-out-of-hours-vets", "mossgate-veterinary-centre",
             "eastmarsh-exotics-and-small-pets", "pebblesham-vets")


# Worked out from the Eastmarsh files: Saltwick is open around the clock (and on Christmas Day); the
# out-of-hours vets open weekday evenings, weekends and Christmas Day; Mossgate's vet is on call for its
# registered clients whenever it is closed; the exotics practice and Pebblesham keep daytime hours and
# close at Christmas.
@pytest.mark.parametrize(("now", "can_help"), [(MONDAY_NIGHT, EASTMARSH[:3]), (SATURDAY_MORNING, EASTMARSH),
                                               (CHRISTMAS_DAY, EASTMARSH[:3])], ids=["mon-night", "sat", "xmas"])
def test_finder_can_help_now(page: Page, demo_url: str, now: datetime, can_help: tuple[str, ...]) -> None:
    page.clock.set_fixed_time(now)
    page.goto(demo_url + "directory/find/?region=eastmarsh&open=1")
    expect(page.locator("#kb-finder-status")).to_have_text(f"{len(can_help)} clinics found.")
    found = page.locator("#kb-finder-results > li").evaluate_all("els => els.map(e => e.getAttribute('data-org'))")
    assert sorted(found) == sorted(can_help)
    if "mossgate-veterinary-centre" in can_help and now != SATURDAY_MORNING:  # on call, and labelled so
        row = page.locator("#kb-finder-results li[data-org='mossgate-veterinary-centre'] .kb-open")
        expect(row).to_have_text("Closed now: vet on call for its registered clients only, ring the after-hours line")


def test_open_now_text_on_an_organisation_page(page: Page, demo_url: str) -> None:
    page.clock.set_fixed_time(MONDAY_NIGHT)  # 21:30 in London
    page.goto(demo_url + "organisations/eastmarsh-out-of-hours-vets/")
    expect(page.locator(".kb-open-line .kb-open")).to_have_text("Open until 08:00 tomorrow")
    page.clock.set_fixed_time(datetime(2026, 11, 24, 12, 0, tzinfo=UTC))
    page.goto(demo_url + "organisations/eastmarsh-out-of-hours-vets/")
    expect(page.locator(".kb-open-line .kb-open")).to_have_text("Closed: opens 19:00")
    page.goto(demo_url + "organisations/southhaven-animal-emergency-hospital/")
    expect(page.locator(".kb-open-line .kb-open")).to_have_text("Open now, 24 hours")
    expect(page.locator(".kb-services [data-kb-service='ct']")).to_have_text("Open until 18:00")
    page.goto(demo_url + "organisations/kettlemoor-veterinary-practice/")
    expect(page.locator(".kb-open-line .kb-open")).to_have_text("Open until 18:30")
    page.clock.set_fixed_time(MONDAY_NIGHT)
    page.goto(demo_url + "organisations/kettlemoor-veterinary-practice/")
    expect(page.locator(".kb-open-line .kb-open")).to_have_text("Closed now: vet on call, ring the after-hours line")
    page.goto(demo_url + "organisations/tollerby-marsh-veterinary-practice/")
    expect(page.locator(".kb-open-line .kb-open")).to_have_text("Temporarily closed")


def test_pages_work_without_javascript(browser, demo_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(demo_url + "organisations/saltwick-veterinary-hospital/")
    call = page.locator(".kb-calls a.kb-call--urgent").first
    expect(call).to_be_visible()
    assert call.get_attribute("href").startswith("tel:+441632")
    expect(page.locator("table.kb-hours")).to_be_visible()
    page.goto(demo_url + "directory/find/")
    expect(page.locator("#kb-finder-form")).to_be_hidden()  # no controls that would do nothing
    expect(page.locator("#kb-finder-browse a[href$='regions/eastmarsh/']")).to_be_visible()
    page.goto(demo_url + "organisations/eastmarsh-out-of-hours-vets/")  # a status that needs no clock
    expect(page.locator(".kb-open-line")).to_contain_text("Open at night: ")
    context.close()


@pytest.mark.parametrize("path", ["", "directory/find/", "organisations/saltwick-veterinary-hospital/",
                                  "regions/eastmarsh/", "search/?q=hamster"])
def test_axe_reports_no_violations(page: Page, demo_url: str, path: str) -> None:
    page.goto(demo_url + path)
    page.wait_for_load_state("networkidle")
    results = Axe().run(page, options=WCAG_AA)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == [], json.dumps(violations, indent=1)


def test_no_request_leaves_the_site(page: Page, demo_url: str) -> None:
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(demo_url) or r.url.startswith("data:")
            else outside.append(r.url))
    for path in ["", "directory/find/", "organisations/saltwick-veterinary-hospital/", "search/?q=rat"]:
        page.goto(demo_url + path)
        page.wait_for_load_state("networkidle")
    assert outside == []


def test_demo_site_who_can_help_files_exist(demo_site: Path, demo_catalog) -> None:
    assert {p.stem for p in (demo_site / "help").glob("*.json")} == {"index", *demo_catalog.regions}
