"""The metrics pages on a phone (issue 20, item 7): at 360 and 390 px no table is wider than the screen and
no word in a table is broken or runs out of its cell; each figure in a card says which month it is for."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

CELLS_THAT_OVERFLOW = """() => [...document.querySelectorAll('table.kb-metrics :is(tbody th, tbody td, caption)')]
    .filter(cell => cell.scrollWidth > cell.clientWidth + 1)
    .map(cell => cell.closest('table').id + ': ' + cell.textContent.slice(0, 40))"""

TABLES_WIDER_THAN_THEIR_BOX = """() => [...document.querySelectorAll('table.kb-metrics')]
    .filter(table => table.getBoundingClientRect().width > table.parentElement.clientWidth + 1
                     || table.parentElement.scrollWidth > table.parentElement.clientWidth + 1)
    .map(table => table.id)"""

# A word broken inside a table: one of its text lines starts in the middle of a word of the cell's text.
WORDS_BROKEN = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('table.kb-metrics :is(tbody th, tbody td)')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      for (const match of text.matchAll(/\\S{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index); range.setEnd(node, match.index + match[0].length);
        if (range.getClientRects().length > 1) broken.push(cell.closest('table').id + ': ' + match[0]);
      }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("width", [360, 390])
@pytest.mark.parametrize("path", ["metrics/", "metrics/northvale/", "metrics/eastmarsh/"])
def test_metrics_tables_fit_a_phone(browser, demo_url: str, width: int, path: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, service_workers="block")
    page = context.new_page()
    page.goto(demo_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator("table.kb-metrics").count() >= 4
    assert page.evaluate(TABLES_WIDER_THAN_THEIR_BOX) == []
    assert page.evaluate(CELLS_THAT_OVERFLOW) == []
    assert page.evaluate(WORDS_BROKEN) == []
    # a card line names its month: the cell's label is drawn before its figure
    first = page.locator("table[id$=compliance-table] tbody td").first
    label = first.evaluate("td => getComputedStyle(td, '::before').content")
    month = page.locator("table[id$=compliance-table] thead th[data-period]").first.inner_text()
    assert label == f'"{month}: "', label
    context.close()


def test_on_a_wide_screen_the_tables_are_tables(browser, demo_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = context.new_page()
    page.goto(demo_url + "metrics/northvale/")
    assert page.locator("#northvale-compliance-table thead").is_visible()
    assert page.locator("#northvale-compliance-table").evaluate("t => getComputedStyle(t).display") == "table"
    assert page.evaluate(CELLS_THAT_OVERFLOW) == []
    context.close()
