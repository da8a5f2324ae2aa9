"""The network's budget on a 390x844 phone: a member reaches a year's budget from the menu, reads its
charts and tables without scrolling sideways (at 360 px too), and the numbers are the data's."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _overflow(page: Page) -> dict:
    """How far the page and each budget table reach past the right edge of the screen."""
    return page.evaluate("""() => ({
        page: document.documentElement.scrollWidth - window.innerWidth,
        tables: [...document.querySelectorAll('table.kb-budget')].map(t => ({
            id: t.id, right: Math.ceil(t.getBoundingClientRect().right) - window.innerWidth,
            scrolls: t.scrollWidth - t.clientWidth,
            cut: [...t.querySelectorAll('td, th')].filter(c => c.scrollWidth > c.clientWidth + 1).length,
        })),
    })""")


def test_a_member_reads_a_years_budget_on_a_phone(browser: Browser, demo_url: str, catalog) -> None:
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.goto(demo_url)
    page.click("label.md-header__button[for='__drawer']")  # the menu
    page.locator(".md-nav--primary a", has_text="The network").first.click()
    expect(page.get_by_role("heading", name="The network", level=1)).to_be_visible()
    page.locator("ul.kb-handbook").get_by_role("link", name="Budget").click()
    page.locator("#budget-years").get_by_role("link", name="2025").click()
    expect(page.get_by_role("heading", name="Network budget 2025", level=1)).to_be_visible()

    budget = catalog.budgets["2025"].model
    total = page.locator("#income-table tr[data-key=total] td").first
    expect(total).to_have_text(f"£{budget.income.total:,}")
    expect(page.locator("figure.kb-figure svg[role=img]")).to_have_count(2)
    for width in (390, 360):
        page.set_viewport_size({"width": width, "height": 844})
        found = _overflow(page)
        assert found["page"] <= 0, f"the page scrolls sideways at {width} px: {found}"
        assert len(found["tables"]) == 2
        for table in found["tables"]:
            assert table["right"] <= 0 and table["scrolls"] <= 0 and table["cut"] == 0, (width, table)
        chart = page.locator("figure.kb-figure svg").first.bounding_box()
        assert chart and chart["x"] >= 0 and chart["x"] + chart["width"] <= width
    context.close()
