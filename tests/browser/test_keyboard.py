"""Keyboard only: search and the finder can be used with Tab, typing, Space and Enter, with a visible
focus indicator on everything reached on the way, and no mouse."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  return { id: el.id, tag: el.tagName.toLowerCase(), text: (el.textContent || '').trim().slice(0, 80),
           href: el.getAttribute('href') || '', cls: el.className || '', ring };
}"""


def tab_until(page: Page, matches, limit: int = 80) -> list[dict]:
    """Press Tab until the focused element satisfies ``matches``; return every element focused on the way."""
    seen: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        seen.append(focused)
        if matches(focused):
            return seen
    path = [s["id"] or s["text"] for s in seen]
    raise AssertionError(f"not reached in {limit} presses of Tab; focus went through {path}")


def without_ring(seen: list[dict]) -> list[str]:
    return [f"{s['tag']}#{s['id']} {s['text'][:30]!r}" for s in seen if not s["ring"]]


def test_search_by_keyboard_alone(page: Page, demo_url: str) -> None:
    page.goto(demo_url + "search/")
    seen = tab_until(page, lambda f: f["id"] == "kb-bar-q")  # the header's box is the search page's box
    page.keyboard.type("guinea pig not eating")
    page.keyboard.press("Enter")
    first = page.locator("#kb-search-results li a").first
    expect(first).to_be_visible()
    title = first.inner_text()
    seen += tab_until(page, lambda f: "kb-result__title" in f["cls"])
    assert seen[-1]["text"] == title  # the first result is the first link in the page after the search box
    assert without_ring(seen) == []
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(demo_url + "search/?q=guinea+pig+not+eating")
    expect(page.locator("h1")).to_have_text(title)


def test_search_filters_by_keyboard(page: Page, demo_url: str) -> None:
    page.goto(demo_url + "search/?q=chinchilla")
    expect(page.locator("#kb-search-results li a").first).to_be_visible()
    page.locator("#kb-bar-q").focus()
    seen = tab_until(page, lambda f: f["tag"] == "summary")  # the filters, folded behind one control
    page.keyboard.press("Enter")
    expect(page.locator("#kb-filter-type")).to_be_visible()  # loaded once opened
    seen += tab_until(page, lambda f: f["id"] == "kb-filter-type", limit=5)
    assert without_ring(seen) == []
    page.keyboard.type("Organisation")  # typing chooses an option in a closed select
    expect(page.locator("#kb-search-status")).to_contain_text("clinic")
    expect(page).to_have_url(demo_url + "search/?q=chinchilla&all=1&type=Organisation")
    expect(page.locator("#kb-search-results li a").first).to_be_visible()


def test_finder_by_keyboard_alone(page: Page, demo_url: str) -> None:
    page.clock.set_fixed_time(datetime(2026, 11, 24, 3, 0, tzinfo=UTC))  # 03:00 on a Tuesday
    page.goto(demo_url + "directory/find/")
    expect(page.locator("#kb-finder-status")).to_contain_text("clinics found")
    seen = tab_until(page, lambda f: f["id"] == "f-species")
    page.keyboard.type("Chinchilla")
    seen += tab_until(page, lambda f: f["id"] == "f-region")
    page.keyboard.type("Eastmarsh")
    seen += tab_until(page, lambda f: f["id"] == "f-open")
    page.keyboard.press("Space")
    expect(page.locator("#f-open")).to_be_checked()
    seen += tab_until(page, lambda f: f["tag"] == "button" and f["text"] == "Show clinics")
    page.keyboard.press("Enter")
    expect(page).to_have_url(demo_url + "directory/find/?species=chinchilla&region=eastmarsh&open=1")
    expect(page.locator("#kb-finder-status")).to_contain_text("found")
    open_at_3am = page.locator("#kb-finder-results li").count()

    # without "open now" every chinchilla clinic in the region is listed, each with a call link
    page.locator("#f-open").focus()
    page.keyboard.press("Space")
    expect(page).to_have_url(demo_url + "directory/find/?species=chinchilla&region=eastmarsh")
    expect(page.locator("#kb-finder-results li").first).to_be_visible()
    assert page.locator("#kb-finder-results li").count() > open_at_3am
    first_name = page.locator("#kb-finder-results .kb-org__name").first.inner_text()
    name = tab_until(page, lambda f: "kb-org__name" in f["cls"])[-1]
    assert name["text"] == first_name
    call = tab_until(page, lambda f: "kb-call" in f["cls"], limit=3)[-1]
    assert call["href"].startswith("tel:+44")
    seen += [name, call]
    assert without_ring(seen) == []
    page.keyboard.press("Shift+Tab")  # back to the clinic's name, and Enter opens its page
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(first_name)
