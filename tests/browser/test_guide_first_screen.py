"""The first screen of every problem guide on a phone (390x844): the urgency in words, its time to a
vet, the call control (the call bar: a number to ring once a region is chosen, else the regions to
choose from) and the
owner's first action;
for any pet, and for each species once chosen. The page's urgency is the one generator/kinds/triage/urgency.py
computes. The choice of pet is remembered on the device; without JavaScript each pet's summary is
its own #for-<species> anchor."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from generator.kinds.triage.urgency import guide_urgency
from tests.browser.test_pages import WCAG_AA
from tests.helpers import REPO

pytestmark = pytest.mark.browser

GUIDES = sorted(path.stem for path in (REPO / "content/triage/problems").glob("*.yml"))
SCREEN = {"width": 390, "height": 844}


def on_first_screen(locator: Locator) -> bool:
    box = locator.bounding_box()
    return locator.is_visible() and box is not None and box["y"] >= 0 and box["y"] + box["height"] <= SCREEN["height"]


def first_screen_problems(page: Page, view: Locator, first_action: str) -> list[str]:
    checks = {
        "urgency in words": view.locator(".kb-now__tier .kb-tier").first,
        "time to a vet": view.locator(".kb-now__target").first,
        # a number to ring once a region is chosen on this device; before that, the regions to choose
        "call control": page.locator("#kb-callbar a.kb-callbar__call, #kb-callbar select.kb-callbar__regions").first,
        "first action": page.locator("ol.kb-steps > li").first,
    }
    missing = [name for name, locator in checks.items() if not on_first_screen(locator)]
    if page.locator("ol.kb-steps > li").first.inner_text().strip() != first_action:
        missing.append("first action is not the guide's first before_transport line")
    return missing


@pytest.mark.parametrize("guide_id", GUIDES)
def test_first_screen_of_every_guide_for_any_pet_and_each_species(page: Page, demo_url: str, demo_catalog,
                                                                   guide_id: str) -> None:
    guide = demo_catalog.problems[guide_id].model
    first_action = " ".join(guide.owner.before_transport[0].split())
    page.goto(demo_url + f"triage/{guide_id}/")
    any_pet = page.locator("#for-any")
    top = min((guide_urgency(demo_catalog, guide_id, s) for s in guide.species), key=lambda t: t.rank)
    expect(any_pet.locator(".kb-now__tier").first).to_contain_text(top.label)
    expect(any_pet.locator(".kb-now__target").first).to_have_text(top.target)
    assert first_screen_problems(page, any_pet, first_action) == []
    for species_id in guide.species:
        page.click(f".kb-pick__pet[data-species='{species_id}']")
        chosen = page.locator(f"#for-{species_id}")
        expect(chosen).to_be_visible()
        expect(any_pet).to_be_hidden()
        expected = guide_urgency(demo_catalog, guide_id, species_id)  # the one source the lead's scenarios use
        expect(chosen.locator(".kb-now__tier").first).to_contain_text(expected.label)
        page.evaluate("window.scrollTo(0, 0)")
        assert first_screen_problems(page, chosen, first_action) == [], species_id
        # the signs list shows only the chosen pet's badges
        for badge in page.locator(".kb-urgency__badge:visible").all():
            assert species_id in badge.get_attribute("data-for").split()
    page.click(f".kb-pick__pet[data-species='{guide.species[-1]}']")  # tapping the chosen pet again: any pet
    expect(any_pet).to_be_visible()


def test_heatstroke_cooling_is_the_first_thing_on_screen(page: Page, demo_url: str) -> None:
    page.goto(demo_url + "triage/heatstroke/")
    first = page.locator("ol.kb-steps > li").first
    expect(first).to_contain_text("cool it gently")
    assert on_first_screen(first)
    # the page shows the guide's own line instead of the generic "keep it warm"
    on_the_way = page.locator("#during + ul")
    expect(on_the_way).to_contain_text("never warm a pet that has overheated")
    expect(on_the_way).not_to_contain_text("Keep it warm")


def test_the_chosen_pet_is_remembered_across_guides(page: Page, demo_url: str) -> None:
    page.goto(demo_url + "triage/gut-stasis/")
    page.click(".kb-pick__pet[data-species='guinea-pig']")
    page.goto(demo_url + "triage/dental-problems/")
    expect(page.locator(".kb-pick__pet[data-species='guinea-pig']")).to_have_attribute("aria-current", "true")
    expect(page.locator("#for-guinea-pig")).to_be_visible()
    assert page.evaluate("localStorage.getItem('kb-species')") == "guinea-pig"
    # a guide that does not cover the remembered pet shows every pet
    page.goto(demo_url + "triage/cheek-pouch-problems/")
    expect(page.locator("#for-any")).to_be_visible()


def test_without_javascript_each_pet_has_its_own_anchor(browser, demo_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=SCREEN)
    page = context.new_page()
    page.goto(demo_url + "triage/seizures/")
    expect(page.locator("#for-any")).to_be_visible()
    expect(page.locator("#for-gerbil")).to_be_hidden()
    page.click(".kb-pick__pet[data-species='gerbil']")  # a plain link to #for-gerbil
    expect(page.locator("#for-gerbil")).to_be_visible()
    expect(page.locator("#for-any")).to_be_hidden()
    expect(page.locator("#for-gerbil .kb-now__tier").last).to_contain_text("Same day")  # a short gerbil fit
    context.close()


@pytest.mark.parametrize("path", ["triage/fly-strike/", "triage/cold-pet/", "triage/signs/not-eating/"])
def test_new_guidance_pages_pass_axe(page: Page, demo_url: str, path: str) -> None:
    page.goto(demo_url + path)
    page.wait_for_load_state("networkidle")
    if page.locator(".kb-pick__pet").count():
        page.locator(".kb-pick__pet").first.click()
    violations = Axe().run(page, options=WCAG_AA).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == []
