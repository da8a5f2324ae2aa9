"""Deterministic budgets (the rest are reported by benchmarks/page_weight.py): "Get help now"
weighs at most 30 KB compressed on first load, and no page requests anything from another origin."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from benchmarks.measure import measure
from benchmarks.serve import serving

pytestmark = pytest.mark.browser

GET_HELP_BUDGET = 30 * 1024


@pytest.fixture(scope="module")
def fresh(browser: Browser):
    def new_page():
        # no service worker: its background precaching is not part of the page's own first load
        context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
        return context, context.new_page()
    return new_page


def test_get_help_now_is_within_its_byte_budget(demo_site: Path, fresh) -> None:
    with serving(demo_site) as origin:
        context, page = fresh()
        load = measure(page, origin + "get-help/", origin)
        context.close()
    assert load.requests >= 4  # the page, its two stylesheets and scripts were all counted
    assert load.bytes <= GET_HELP_BUDGET, f"Get help now transferred {load.bytes} bytes (budget {GET_HELP_BUDGET})"


@pytest.mark.parametrize("path", ["", "get-help/", "directory/find/?species=rat", "organisations/pebblesham-vets/",
                                  "triage/gut-stasis/", "referral/form/", "cases/", "training/", "kit/oxygen-cage/",
                                  "metrics/", "search/?q=hamster"])
def test_no_third_party_requests(demo_site: Path, fresh, path: str) -> None:
    with serving(demo_site) as origin:
        context, page = fresh()
        load = measure(page, origin + path, origin)
        context.close()
    assert load.requests > 0 and load.third_party == []


def test_a_failed_request_to_another_origin_is_counted(tmp_path: Path, fresh) -> None:
    """measure() is not blind to what failed: offline, a font host's stylesheet never loads, and the page
    still asked another origin for it."""
    (tmp_path / "index.html").write_text('<!doctype html><html lang="en"><head><title>t</title>'
                                         '<link rel="stylesheet" href="https://fonts.example.invalid/font.css">'
                                         '</head><body>x</body></html>', encoding="utf-8")
    with serving(tmp_path) as origin:
        context, page = fresh()
        load = measure(page, origin, origin)
        context.close()
    assert load.third_party == ["https://fonts.example.invalid/font.css"]
    assert load.requests == 2 and load.bytes > 0  # the page itself was fetched and sized


LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(total), 500);
})"""


@pytest.mark.parametrize("path", ["get-help/", "cases/", "kit/oxygen-cage/", "referral/form/", "directory/find/"])
def test_scripts_do_not_move_the_page(demo_site: Path, fresh, path: str) -> None:
    """Controls that need JavaScript are laid out from the first paint (Lighthouse's CLS stays low)."""
    with serving(demo_site) as origin:
        context, page = fresh()
        page.goto(origin + path)
        page.wait_for_load_state("networkidle")
        shift = page.evaluate(LAYOUT_SHIFT)
        context.close()
    assert shift < 0.05, f"{path}: cumulative layout shift {shift:.3f}"
