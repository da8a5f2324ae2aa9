"""Search in Chromium at 390x844 on the built demo: the owners' query table (tests/scenarios/search.yml,
misspellings included), guidance before case reports and listings, clinics, cases and training when
asked for, filters folded behind one control, a type and a clean excerpt on every result, the header
box keeping the query, what the first search downloads, search offline, and the A to Z of guides
that the header leads to without JavaScript."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from generator.kinds.organisations.views import orgs
from tests.helpers import REPO
from tests.helpers import page as built_page

pytestmark = pytest.mark.browser

SEARCHES = yaml.safe_load((REPO / "tests/scenarios/search.yml").read_text(encoding="utf-8"))
PHONE = {"width": 390, "height": 844}
GUIDANCE_TYPES = {"Problem guide", "Sign", "First aid", "Urgency level", "Get help", "Triage", "Referral", "Page"}


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    """One tab for the whole table (the search engine stays in the browser's cache between rows)."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    yield context.new_page()
    context.close()


def first_result(page: Page) -> str:
    link = page.locator("#kb-search-results li a.kb-result__title").first
    expect(link).to_be_visible()
    return urlsplit(link.get_attribute("href")).path


def test_the_table_has_at_least_forty_queries_with_misspellings() -> None:
    assert len(SEARCHES) >= 40
    assert sum(1 for row in SEARCHES if "shows" in row) >= 15


@pytest.mark.parametrize("row", SEARCHES, ids=[row["query"] for row in SEARCHES])
def test_owner_query_finds_the_right_page_first(phone: Page, demo_url: str, row: dict) -> None:
    phone.goto(demo_url + "search/?q=" + row["query"].replace(" ", "+"))
    assert first_result(phone) == "/" + row["first"]
    fixed = phone.locator("#kb-search-fixed")
    if "shows" in row:  # said, with a way back to the words as typed
        expect(phone.locator("#kb-search-fixed-words")).to_have_text(row["shows"])
        expect(phone.locator("#kb-search-asked")).to_have_text(f"\u201c{row['query']}\u201d")
    else:
        expect(fixed).to_be_hidden()


def test_search_as_typed_is_one_tap_away(phone: Page, demo_url: str) -> None:
    phone.goto(demo_url + "search/?q=hamstr")
    expect(phone.locator("#kb-search-fixed-words")).to_have_text("hamster")
    phone.click("#kb-search-exact")
    expect(phone).to_have_url(demo_url + "search/?q=hamstr&exact=1")
    expect(phone.locator("#kb-search-status")).to_contain_text(re.compile("No guide matches|found"))
    expect(phone.locator("#kb-search-fixed")).to_be_hidden()


def test_first_search_loads_only_the_guidance_index_and_clinics_come_on_request(page: Page, demo_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(urlsplit(r.url).path))
    page.goto(demo_url + "search/?q=hamster")
    first_result(page)
    page.wait_for_load_state("networkidle")
    assert any(p.startswith("/pagefind/") for p in requests)
    assert not [p for p in requests if p.startswith(("/pagefind-network/", "/pagefind-clinics/")) or "/filter/" in p]
    types = page.locator(".kb-result__type").all_text_contents()
    assert set(types) <= GUIDANCE_TYPES, types

    page.click("#kb-search-network")  # "Also search clinics, cases and training"
    expect(page).to_have_url(demo_url + "search/?q=hamster&all=1")
    expect(page.locator("#kb-search-status")).to_contain_text("clinics, cases and other pages")
    assert any(p.startswith("/pagefind-network/") for p in requests)
    assert any(p.startswith("/pagefind-clinics/") for p in requests)
    assert not [p for p in requests if "/filter/" in p]  # still no filter data: the filters are folded
    results = page.locator("#kb-search-results li")
    # the whole network's results have come: a page of them to ask for, or a clinic or case among them
    page.wait_for_function("""guidance => {
        const more = document.querySelector('#kb-search-more');
        return (more && more.offsetParent !== null) || [...document.querySelectorAll('.kb-result__type')]
            .some(t => !guidance.includes(t.textContent)); }""", arg=sorted(GUIDANCE_TYPES))
    for _ in range(10):  # bounded: every page of results, guidance first
        more = page.locator("#kb-search-more")
        if not more.is_visible():
            break
        shown = results.count()
        more.click()
        # each page of results is read before the next is asked for (on a busy machine the
        # types were read while one was still loading, and no clinic was among them yet)
        page.wait_for_function("n => document.querySelectorAll('#kb-search-results li').length > n", arg=shown)
    types = page.locator(".kb-result__type").all_text_contents()
    first_other = next(i for i, t in enumerate(types) if t not in GUIDANCE_TYPES)
    assert {"Case", "Organisation"} <= set(types[first_other:])
    assert set(types[:first_other]) <= GUIDANCE_TYPES and not set(types[first_other:]) & {"Problem guide", "Sign"}


def test_results_come_first_and_filters_are_folded(page: Page, demo_url: str, demo_catalog) -> None:
    page.goto(demo_url + "search/?q=chinchilla")
    first = page.locator("#kb-search-results li").first
    expect(first).to_be_visible()
    box = page.locator("#kb-search-filters")
    assert not box.evaluate("d => d.open")
    assert first.bounding_box()["y"] < 844 / 2  # on the first screen, under the page title
    assert first.bounding_box()["y"] < box.bounding_box()["y"]
    expect(page.locator("#kb-filter-type")).to_have_count(0)  # nothing loaded until asked for

    page.click("#kb-search-filters summary")
    expect(page.locator("#kb-filter-type")).to_be_visible()
    page.select_option("#kb-filter-type", "Organisation")
    expect(page).to_have_url(demo_url + "search/?q=chinchilla&all=1&type=Organisation")
    # the list is emptied and refilled as the filtered results load: wait for the filtered list itself
    page.wait_for_function("""() => {
        const types = [...document.querySelectorAll('#kb-search-results .kb-result__type')];
        return types.length > 0 && types.every(t => t.textContent === 'Organisation'); }""")
    names = set(page.locator("#kb-search-results a.kb-result__title").all_inner_texts())
    assert names and names <= {o.name for o in orgs(demo_catalog)}
    assert set(page.locator(".kb-result__type").all_text_contents()) == {"Organisation"}


def test_every_result_has_a_type_and_a_clean_excerpt(page: Page, demo_url: str, demo_site: Path) -> None:
    page.goto(demo_url + "search/?q=hamster&all=1")
    expect(page.locator("#kb-search-status")).to_contain_text("clinics, cases")
    results = page.locator("#kb-search-results li")
    # the whole network's results have come: a page of them to ask for, or a clinic or case among them
    page.wait_for_function("""guidance => {
        const more = document.querySelector('#kb-search-more');
        return (more && more.offsetParent !== null) || [...document.querySelectorAll('.kb-result__type')]
            .some(t => !guidance.includes(t.textContent)); }""", arg=sorted(GUIDANCE_TYPES))
    for _ in range(10):
        if not page.locator("#kb-search-more").is_visible():
            break
        page.click("#kb-search-more")
    rows = results.evaluate_all("""els => els.map(li => ({
        href: new URL(li.querySelector('a').href).pathname,
        type: (li.querySelector('.kb-result__type') || {}).textContent || '',
        excerpt: (li.querySelector('.kb-result__excerpt') || {}).textContent || ''}))""")
    assert len(rows) > 20 and any(r["type"] == "Case" for r in rows)
    for row in rows:
        assert row["type"], row
        described = built_page(demo_site, row["href"].strip("/")).select_one("meta[name=description]")
        if described and described.get("content"):  # the page's own summary, not text run together
            assert row["excerpt"] == described["content"].strip(), row
        assert "!!" not in row["excerpt"] and "SpeciesHamster" not in row["excerpt"], row


def test_the_header_box_keeps_the_query(page: Page, demo_url: str) -> None:
    page.goto(demo_url + "regions/westmoor/")
    page.fill("#kb-bar-q", "hamstr")
    page.press("#kb-bar-q", "Enter")
    expect(page).to_have_url(demo_url + "search/?q=hamstr")
    assert first_result(page) == "/first-aid/species/hamster/"
    expect(page.locator("#kb-bar-q")).to_have_value("hamstr")
    page.fill("#kb-bar-q", "bleding")  # typing in the header box searches in place
    expect(page.locator("#kb-search-fixed-words")).to_have_text("bleeding")
    assert first_result(page) == "/triage/bleeding/"
    expect(page).to_have_url(demo_url + "search/?q=bleding")


def test_search_offline_lists_the_stored_guides_that_match(browser: Browser, demo_url: str) -> None:
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.goto(demo_url + "search/")
    context.set_offline(True)
    page.fill("#kb-bar-q", "bleding")
    expect(page.locator("#kb-search-status")).to_contain_text("You are offline")
    assert first_result(page) == "/triage/bleeding/"
    context.close()


def test_without_javascript_the_header_leads_to_the_a_to_z(browser: Browser, demo_url: str, demo_site: Path) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_url + "regions/westmoor/")
    expect(page.locator("#kb-bar-q")).to_be_hidden()  # no form that could only say "needs JavaScript"
    page.click(".kb-bar__az")
    expect(page).to_have_url(demo_url + "a-z/")
    expect(page.locator("h1")).to_have_text("Guides A to Z")
    see = page.locator("li", has_text="no poo: see").first
    expect(see.locator("a")).to_have_text("Not eating or no droppings (gut stasis)")
    # the site's own pages (the feedback links under every page lead to the issue tracker, off the site)
    links = page.locator("article a").evaluate_all(
        "els => els.filter(a => a.origin === location.origin).map(a => new URL(a.href).pathname)")
    pages = [p for p in links if not p.endswith("/a-z/")]
    assert len(set(pages)) > 80
    missing = [p for p in set(pages) if not (demo_site / p.strip("/") / "index.html").is_file()]
    assert missing == []
    page.goto(demo_url + "get-help/")  # Get help's own header too
    expect(page.locator(".gh-header a", has_text="Search")).to_be_hidden()
    expect(page.locator(".gh-header a", has_text="Guides A to Z")).to_be_visible()
    page.goto(demo_url + "search/")
    expect(page.locator("article a", has_text="A to Z of guides")).to_be_visible()
    context.close()
