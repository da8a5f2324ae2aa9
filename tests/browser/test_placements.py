"""A nurse looking for a placement on a phone (issue 21): the search's Training filter finds
placements and exchanges with the modules, the region filter narrows them to one region, and the
placement's page says where, when and how to apply."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from generator.kinds.training.views import coming_dates, placement_list

pytestmark = pytest.mark.browser


def test_find_an_exchange_with_the_training_and_region_filters(page: Page, demo_url: str, catalog) -> None:
    exchanges = {p.title for p in placement_list(catalog) if p.kind == "exchange"}
    assert len(exchanges) >= 2
    page.goto(demo_url + "search/?q=exchange&type=Training")
    titles = page.locator("#kb-search-results a.kb-result__title")
    expect(titles.first).to_be_visible()
    assert exchanges <= set(titles.all_inner_texts())
    assert set(page.locator(".kb-result__type").all_text_contents()) == {"Training"}

    page.select_option("#kb-filter-region", "Eastmarsh")
    in_eastmarsh = {p.title for p in placement_list(catalog) if p.kind == "exchange"
                    and catalog.organisations[p.host].model.location.region == "eastmarsh"}
    expect(titles).to_have_text(sorted(in_eastmarsh))
    titles.first.click()
    placement = next(p for p in placement_list(catalog) if p.title in in_eastmarsh)
    expect(page.locator(".kb-facts")).to_contain_text(catalog.organisations[placement.host].model.name)
    first = coming_dates(placement, catalog.settings.today)[0]
    expect(page.locator(".kb-placement-dates li").first).to_contain_text(f"{first.from_.day} {first.from_:%B %Y}")
    expect(page.get_by_role("link", name="Apply online")).to_have_attribute("href", placement.apply.url)
