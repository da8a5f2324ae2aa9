"""Browser tests for cases, training and kit on a phone viewport."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from generator.kinds.cases.views import case_list
from generator.kinds.training.views import module_list
from tests.browser.test_pages import WCAG_AA

pytestmark = pytest.mark.browser


def test_filter_case_library_by_species_and_outcome(page: Page, demo_url: str, catalog) -> None:
    page.goto(demo_url + "cases/")
    visible = page.locator("#kb-case-list li.kb-case:visible .kb-case__title")
    expect(page.locator("#kb-case-status")).to_have_text(f"{len(catalog.cases)} cases.")
    page.select_option("#cf-species", "guinea-pig")
    guinea_pigs = {c.title for c in case_list(catalog) if c.species == "guinea-pig"}
    expect(page.locator("#kb-case-status")).to_have_text(f"{len(guinea_pigs)} cases.")
    assert set(visible.all_inner_texts()) == guinea_pigs
    page.select_option("#cf-outcome", "recovered")
    both = {c.title for c in case_list(catalog) if c.species == "guinea-pig" and c.outcome == "recovered"}
    assert 0 < len(both) < len(guinea_pigs)
    expect(visible).to_have_count(len(both))
    assert set(visible.all_inner_texts()) == both
    assert "species=guinea-pig" in page.url and "outcome=recovered" in page.url


def test_complete_a_modules_self_check(page: Page, demo_url: str, catalog) -> None:
    module = next(m for m in module_list(catalog) if len(m.questions) >= 2)
    page.goto(demo_url + f"training/{module.id}/")
    questions = page.locator("fieldset.kb-question")
    expect(questions).to_have_count(len(module.questions))
    first = questions.nth(0)
    wrong = 1 if module.questions[0].answer != 1 else 2
    first.locator(f"input[value='{wrong}']").check()
    first.get_by_role("button", name="Check answer").click()
    expect(first.locator(".kb-question__result")).to_have_text("Not quite.")
    expect(first.locator("details")).to_have_attribute("open", "")
    for index, question in enumerate(module.questions):
        fieldset = questions.nth(index)
        fieldset.locator(f"input[value='{question.answer}']").check()
        fieldset.get_by_role("button", name="Check answer").click()
        expect(fieldset.locator(".kb-question__result")).to_have_text("Correct.")
    expect(page.locator("#kb-self-check-score")).to_have_text(
        f"You answered {len(module.questions)} of {len(module.questions)} correctly.")


def test_find_the_nearest_available_oxygen_cage_for_a_region(page: Page, demo_url: str) -> None:
    # worked out by hand (tests/unit/equipment/test_nearest_available.py): Westmoor has no cage; the nearest
    # are two at 86 km from the region's centre, and the Exotic Pet Clinic's is out on loan on the demo's date
    page.goto(demo_url + "kit/oxygen-cage/")
    page.select_option("#kb-kit-region", "westmoor")
    westmoor = page.locator(".kb-kit-region[data-region='westmoor']")
    expect(westmoor).to_be_visible()
    expect(page.locator(".kb-kit-region[data-region='eastmarsh']")).to_be_hidden()
    first = westmoor.locator("ol li:visible").first  # the rows free today (the others wait hidden for their day)
    expect(first).to_contain_text("Northvale Veterinary Emergency Centre")
    expect(first).to_contain_text("about 86 km away")


@pytest.mark.parametrize("path", ["cases/", "cases/chinchilla-heatstroke-in-a-sunny-room/", "training/",
                                  "training/oxygen-therapy-for-rodents/",
                                  "training/placements/rescue-intake-exchange-in-eastmarsh/",
                                  "kit/", "kit/oxygen-cage/",
                                  "volunteers/", "volunteers/eastmarsh-coastal-transport-volunteers/",
                                  "metrics/", "metrics/westmoor/"])
def test_axe_on_learning_pages(page: Page, demo_url: str, path: str) -> None:
    page.goto(demo_url + path)
    page.wait_for_load_state("networkidle")
    violations = Axe().run(page, options=WCAG_AA).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == []
