"""Reading anywhere, in Chromium on a 390x844 phone: no page of the demo is wider than the screen;
axe finds no WCAG AA violation in the light scheme or in the dark one (prefers-color-scheme); with
text at 200% (the browser's own text size, not zoom) the header wraps into at most a quarter of the
first screen, nothing runs off the side and every control can be reached."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, BrowserType, Page, expect

from tests.browser.test_pages import WCAG_AA
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def every_page(site: Path) -> list[str]:
    """Every built page but redirects (they leave at once) and the search index's own files."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        if rel.startswith("pagefind") or 'http-equiv="refresh"' in index.read_text(encoding="utf-8")[:2000]:
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


def test_no_page_is_wider_than_a_phone(browser, demo_url: str, demo_site: Path) -> None:
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    pages = every_page(demo_site)
    assert len(pages) > 200
    wide = []
    for path in pages:
        page.goto(demo_url + path, wait_until="load")
        width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
        if width > PHONE["width"]:
            wide.append((path, width))
    context.close()
    assert wide == []


# Without JavaScript a control must do something by itself. Allowed: the referral form's fields (a
# form filled in and printed, its buttons need JavaScript and are hidden) and the self-check's
# answers (each question's answer is in a <details> beside it). Material's menu button is a label
# for a checkbox, which works without JavaScript. Anything else visible is a dead control.
DEAD_CONTROLS = """() => [...document.querySelectorAll('button, select, input:not([type=hidden]), textarea')]
    .filter(e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                   return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; })
    .filter(e => !(e.tagName === 'BUTTON' && e.type === 'submit' && e.form && e.form.getAttribute('action')))
    .filter(e => !(e.tagName !== 'BUTTON' && e.closest('#kb-referral-form')))
    .filter(e => !(e.type === 'radio' && e.closest('.kb-question')?.querySelector('details.kb-question__answer')))
    .map(e => e.outerHTML.slice(0, 80))"""


def test_no_dead_controls_without_javascript(browser, demo_url: str, demo_site: Path) -> None:
    """The finder shows links to lists instead of its form, the header's search becomes a link to
    the A to Z, the case filter and the kit's region picker are hidden: on every page."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    dead = {}
    for path in every_page(demo_site):
        page.goto(demo_url + path, wait_until="load")
        if found := page.evaluate(DEAD_CONTROLS):
            dead[path] = found
    page.goto(demo_url + "referral/form/")
    assert page.locator("#kb-referral-form input").count() > 20  # the allowances above are in use
    page.goto(demo_url + "training/oxygen-therapy-for-rodents/")
    assert page.locator(".kb-question input[type=radio]").first.is_visible()
    context.close()
    assert dead == {}


AXE_PAGES = ["", "get-help/", "get-help/?species=hamster&region=eastmarsh", "triage/gut-stasis/",
             "triage/signs/not-eating/", "triage/tiers/emergency-now/", "first-aid/keeping-warm/",
             "first-aid/species/hamster/", "search/?q=hamstr", "a-z/", "directory/find/?region=eastmarsh",
             "organisations/saltwick-veterinary-hospital/", "regions/eastmarsh/", "cases/",
             "cases/chinchilla-heatstroke-in-a-sunny-room/", "training/oxygen-therapy-for-rodents/", "referral/form/",
             "metrics/", "network/agreements/", "network/budget/2025/", "offline/"]


# axe's landmark rules (best practice, not WCAG tags): the demo banner and every other piece of text
# sits inside a landmark, one main, one banner
LANDMARKS = {"runOnly": {"type": "rule", "values": [
    "region", "landmark-one-main", "landmark-no-duplicate-banner", "landmark-no-duplicate-main", "landmark-unique",
    "landmark-banner-is-top-level", "landmark-main-is-top-level", "landmark-complementary-is-top-level"]}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_in_light_and_dark(browser, demo_url: str, path: str, scheme: str) -> None:
    context = browser.new_context(viewport=PHONE, color_scheme=scheme, service_workers="block")
    page = context.new_page()
    page.goto(demo_url + path)
    page.wait_for_load_state("networkidle")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")) == (scheme == "light"), background
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3])
                  for options in (WCAG_AA, LANDMARKS) for v in Axe().run(page, options=options).response["violations"]]
    context.close()
    assert violations == [], json.dumps(violations, indent=1)


# ---- text at 200% --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def large_text(browser_type: BrowserType, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """A browser whose text size is set to 200% (Chromium's default font size 32 px instead of 16),
    as a reader sets it in the browser's settings: the page is laid out for larger text, not zoomed."""
    profile = tmp_path_factory.mktemp("large-text")
    (profile / "Default").mkdir()
    (profile / "Default" / "Preferences").write_text(json.dumps({"webkit": {"webprefs": {"default_font_size": 32}}}))
    context = browser_type.launch_persistent_context(str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                                     viewport=PHONE, service_workers="block")
    yield context
    context.close()


CHROME = {"material": [".md-banner", ".md-header", ".kb-bar"], "light": [".gh-demo", ".gh-header"]}
CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea, summary"
REACHABLE = """(selector) => [...document.querySelectorAll(selector)].filter(e => {
    if (e.closest('.md-sidebar, [hidden], details:not([open]) > :not(summary)')) return false;
    const s = getComputedStyle(e), r = e.getBoundingClientRect();
    return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0;
}).map(e => { const r = e.getBoundingClientRect();
    return { text: (e.textContent || e.id || e.name || '').trim().slice(0, 30), left: r.left + scrollX,
             right: r.right + scrollX }; })"""


@pytest.mark.parametrize("path", ["", "get-help/", "triage/gut-stasis/", "search/?q=hamster", "directory/find/",
                                  "organisations/saltwick-veterinary-hospital/", "a-z/", "offline/"])
def test_200_percent_text(large_text: BrowserContext, demo_url: str, path: str) -> None:
    page = large_text.new_page()
    page.goto(demo_url + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") >= 32  # larger text
    chrome = CHROME["light"] if page.locator(".gh-header").count() else CHROME["material"]
    bottom = max(page.locator(s).first.bounding_box()["y"] + page.locator(s).first.bounding_box()["height"]
                 for s in chrome if page.locator(s).count() and page.locator(s).first.is_visible())
    assert bottom <= PHONE["height"] / 4, f"the header ends {bottom:.0f} px down the first screen"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    off = [c for c in page.evaluate(REACHABLE, CONTROLS) if c["left"] < 0 or c["right"] > PHONE["width"] + 0.5]
    assert off == []
    if chrome == CHROME["material"]:  # Get help now and search in the header row, the rest in the menu
        expect(page.locator(".kb-bar__help")).to_be_in_viewport()
        expect(page.locator(".kb-bar__to-search")).to_be_in_viewport()
        page.click("label.md-header__button[for='__drawer']")
        drawer = page.locator(".md-sidebar--primary")
        page.wait_for_function("() => { const r = document.querySelector('.md-sidebar--primary')"
                               ".getBoundingClientRect(); return r.left >= 0; }")
        assert drawer.bounding_box()["x"] + drawer.bounding_box()["width"] <= PHONE["width"]
        finder = page.locator(".md-nav--primary a", has_text="Find a clinic").first
        finder.focus()  # as a keyboard reaches it: the menu's list scrolls to it
        expect(finder).to_be_in_viewport()
        box = finder.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    page.close()


def test_200_percent_text_search_box(large_text: BrowserContext, demo_url: str) -> None:
    """The header has no room for a search box with large text: the search page shows its own."""
    page: Page = large_text.new_page()
    page.goto(demo_url + "triage/")
    page.click(".kb-bar__to-search")
    expect(page).to_have_url(demo_url + "search/")
    box = page.locator("#kb-search-q")
    expect(box).to_be_in_viewport()
    box.fill("hamstr")
    expect(page.locator("#kb-search-fixed-words")).to_have_text("hamster")
    expect(page.locator("#kb-search-results li a").first).to_be_in_viewport()
    page.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_jump_to_a_heading_lands_below_the_call_bar(browser, demo_url: str, javascript: bool) -> None:
    """Found walking a clinician's journey: a guide's jump links put their heading under the sticky
    header and call bar, so the section's first line was hidden."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(demo_url + "triage/gut-stasis/#clinic")
    page.wait_for_timeout(300)
    heading = page.locator("#clinic").bounding_box()
    bar = page.locator(".kb-callbar").bounding_box()
    assert heading is not None and bar is not None
    assert heading["y"] >= bar["y"] + bar["height"], (heading, bar)
    context.close()


def test_the_referral_timelines_keep_their_words_whole_on_a_phone(browser, demo_url: str) -> None:
    """Found walking a clinician's journey: at 390 px the urgency column read "Emer/gen/cy"."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(demo_url + "referral/")
    split = page.evaluate("""() => {
      const found = [];
      const walker = document.createTreeWalker(document.querySelector("table.kb-timelines"), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const re = /\\S+/g; let m;
        while ((m = re.exec(node.data))) {
          const range = document.createRange();
          range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
          const tops = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
          if (tops.size > 1) found.push(m[0]);
        }
      }
      return found;
    }""")
    width = page.locator("table.kb-timelines").bounding_box()["width"]
    assert split == [] and width <= PHONE["width"], (split, width)
    context.close()
