"""Clinicians' details (issue 20): bands read as ranges, the referral page leads with what is needed
on the phone, calendar files carry their time zones, a build for this machine's address says so in
CI, and a filter that leaves nothing says why and how to get back."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect


@pytest.mark.browser
def test_a_case_filter_with_no_match_says_so_and_clears(page: Page, demo_url: str) -> None:
    page.goto(demo_url + "cases/")
    status = page.locator("#kb-case-status")
    total = page.locator("#kb-case-list .kb-case").count()
    page.select_option("#kb-case-filter select[name=species]", "mouse")
    page.select_option("#kb-case-filter select[name=outcome]", "died")
    expect(status).to_have_text("No case matches Mouse + Died. Change or clear a filter to see more.")
    clear = page.get_by_role("button", name="Show all cases")
    expect(clear).to_be_visible()
    clear.click()
    expect(status).to_have_text(f"{total} cases.")
    expect(clear).to_be_hidden()
    assert page.locator("#kb-case-list .kb-case:visible").count() == total
