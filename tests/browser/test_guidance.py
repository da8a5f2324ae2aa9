"""Browser tests for the guidance pages on a phone viewport: search in owners' words, the referral
form, "Get help now", accessibility and print."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.test_pages import WCAG_AA

pytestmark = pytest.mark.browser


def test_owner_words_find_the_gut_stasis_guide(page: Page, demo_url: str) -> None:
    page.goto(demo_url + "search/?q=" + "not eating guinea pig".replace(" ", "+"))
    first = page.locator("#kb-search-results li a").first
    expect(first).to_have_text("Not eating or no droppings (gut stasis)")


def choose(page: Page, name: str, value: str) -> None:
    page.check(f"#kb-referral-form input[name='{name}'][value='{value}']")


def fill_required(page: Page) -> None:
    page.fill("#rf-from_clinic", "Demo Vets")
    page.fill("#rf-from_contact", "Duty vet, 01632 960000")
    choose(page, "mode", "transfer-of-care")
    choose(page, "tier", "golden-hour")
    choose(page, "species", "guinea-pig")
    page.fill("#rf-weight_g", "950")
    page.fill("#rf-age", "3 years")
    choose(page, "sex", "female")
    choose(page, "pregnancy", "neither")
    page.fill("#rf-problem", "Not eating since last night, no droppings this morning")
    page.fill("#rf-last_eaten", "Yesterday 20:00, hay")
    page.fill("#rf-last_droppings", "Yesterday evening, small")
    page.fill("#rf-last_urine", "This morning, normal")
    page.fill("#rf-vitals", "07:40 breathing fast, gums pink, feels cool")
    page.fill("#rf-treatments", "07:50 warmed in an incubator")
    page.fill("#rf-medications", "none")
    page.fill("#rf-allergies", "none known")
    page.fill("#rf-sedation", "none")
    choose(page, "isolation", "none-known")
    page.check("#rf-consent_referral")
    page.check("#rf-consent_records")
    page.fill("#rf-costs", "Estimate agreed with the owner")
    choose(page, "resuscitation", "attempt")
    choose(page, "travel_mode", "owner-car")
    page.fill("#rf-journey_minutes", "25")
    choose(page, "companion", "yes")


def test_referral_form_requires_fields_then_summarises(page: Page, demo_url: str) -> None:
    page.goto(demo_url + "referral/form/")
    page.click("#rf-make")
    expect(page.locator("#rf-errors")).to_be_visible()
    expect(page.locator("#rf-errors-list li").first).to_have_text("Enter the referring clinic")
    messages = page.locator("#rf-errors-list li").all_inner_texts()
    assert len(messages) == 26  # every required field but the date and time, filled in on the first input
    assert "Choose the species" in messages and "Confirm that the owner consents to this referral" in messages
    # each choice's message reads as a sentence ("Choose the pregnant or recently given birth" did not)
    assert "Say whether the patient is pregnant or has recently given birth" in messages
    assert "Choose how the patient travels" in messages
    assert not [m for m in messages if m.startswith(("Choose the pregnant", "Choose the how", "Choose the bonded"))]
    expect(page.locator("#rf-summary")).to_be_hidden()
    expect(page.locator("#rf-weight_g")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#rf-species-0")).to_have_attribute("aria-invalid", "true")
    page.click("#rf-errors-list a >> text=Choose the species")  # the link leads to the first choice
    expect(page.locator("#rf-species-0")).to_be_focused()

    fill_required(page)
    page.fill("#rf-weight_g", "about a kilo")
    page.click("#rf-make")
    expect(page.locator("#rf-errors-list li")).to_have_text(["Enter the weight in whole grams, for example 850"])

    page.fill("#rf-weight_g", "950")
    page.click("#rf-make")
    expect(page.locator("#rf-errors")).to_be_hidden()
    expect(page.locator("#rf-summary")).to_be_visible()
    text = page.input_value("#rf-text")
    assert "Species: Guinea pig" in text and "Weight in grams: 950 g" in text
    assert "Bonded companion travelling: Yes" in text
    assert "The owner consents to this referral: Yes" in text
    assert "Resuscitation if the heart or breathing stops: Attempt resuscitation" in text
    assert "Expected journey time in minutes: 25 minutes" in text
    assert re.search(r"Date and time of this referral: \d{1,2} \w+ \d{4}", text)


def test_referral_draft_survives_reload_and_clears(page: Page, demo_url: str) -> None:
    page.goto(demo_url + "referral/form/")
    fill_required(page)
    page.reload()
    expect(page.locator("#rf-from_clinic")).to_have_value("Demo Vets")
    expect(page.locator("#rf-species-4")).to_be_checked()  # guinea pig
    expect(page.locator("#rf-consent_records")).to_be_checked()
    expect(page.locator("#rf-status")).to_have_text("Your draft was restored.")
    page.click("#rf-clear")
    expect(page.locator("#rf-from_clinic")).to_have_value("")
    page.reload()
    expect(page.locator("#rf-from_clinic")).to_have_value("")
    assert page.evaluate("localStorage.getItem('kb-referral-draft-v2')") is None


def test_a_restored_draft_still_follows_the_receiving_clinic_with_its_number(page: Page, demo_url: str,
                                                                             demo_catalog) -> None:
    """Found walking a clinician's journey: after a reload the number filled in from the network's list
    was taken for one typed by hand, so choosing another clinic kept the first one's number."""
    from generator.kinds.organisations.views import referral_receivers  # noqa: PLC0415

    first, second = referral_receivers(demo_catalog)[:2]
    page.goto(demo_url + "referral/form/")
    page.fill("#rf-to_clinic", first.name)
    first_phone = page.input_value("#rf-to_phone")
    page.fill("#rf-to_clinic", second.name)
    second_phone = page.input_value("#rf-to_phone")
    assert first_phone and second_phone and first_phone != second_phone
    page.fill("#rf-to_clinic", first.name)
    page.reload()
    expect(page.locator("#rf-to_phone")).to_have_value(first_phone)
    page.fill("#rf-to_clinic", second.name)
    expect(page.locator("#rf-to_phone")).to_have_value(second_phone)
    # a number typed by hand stays, whatever clinic is chosen
    page.fill("#rf-to_phone", "01632 960999")
    page.reload()
    page.fill("#rf-to_clinic", first.name)
    expect(page.locator("#rf-to_phone")).to_have_value("01632 960999")


def test_referral_form_sends_nothing(page: Page, demo_url: str) -> None:
    requests: list[str] = []
    page.goto(demo_url + "referral/form/")
    page.on("request", lambda r: requests.append(r.method + " " + r.url))
    fill_required(page)
    page.click("#rf-make")
    expect(page.locator("#rf-summary")).to_be_visible()
    assert [r for r in requests if not r.startswith("GET ")] == []
    assert "Demo" not in " ".join(requests)


def test_get_help_remembers_the_animal_and_the_region(page: Page, demo_url: str) -> None:
    page.clock.set_fixed_time(datetime(2026, 11, 24, 3, 0, tzinfo=UTC))  # 03:00 on a Tuesday
    page.goto(demo_url + "get-help/")
    expect(page.locator("#gh-status")).to_have_text("Choose your pet and where you are.")
    page.click(".gh-tile:has(input[value='rat'])")
    expect(page.locator("#gh-status")).to_have_text("Now choose where you are.")
    page.click(".gh-tile:has(input[value='eastmarsh'])")
    clinic = page.locator("#gh-answer li[data-org='saltwick-veterinary-hospital']")
    expect(clinic.locator(".gh-clinic__status")).to_have_text("Open now, 24 hours")
    assert re.fullmatch(r"tel:\+441632960\d{3}", clinic.locator("a.gh-call").get_attribute("href"))
    # a daytime practice is not offered at 03:00, and the static lists give way to the answer
    expect(page.locator("#gh-answer li[data-org='pebblesham-vets']")).to_have_count(0)
    expect(page.locator("#gh-static")).to_be_hidden()
    # the choices are remembered on this device
    page.reload()
    expect(page.locator("#gh-choice-text")).to_have_text("Rat · Eastmarsh")
    expect(page.locator("#gh-answer li").first).to_have_attribute("data-org", "saltwick-veterinary-hospital")
    # "What is happening?" shows the animal's guides: the hamster-only cheek-pouch guide is hidden for a rat
    expect(page.locator(".gh-problems li", has_text="cheek-pouch")).to_be_hidden()
    page.click("#gh-change")
    page.click(".gh-tile:has(input[value='hamster'])")
    expect(page.locator(".gh-problems li", has_text="cheek-pouch")).to_be_visible()


def test_get_help_for_another_kind_of_pet_says_what_the_guidance_covers(page: Page, demo_url: str) -> None:
    page.goto(demo_url + "get-help/?region=southhaven")
    page.click(".gh-tile:has(input[value=''])")
    expect(page.locator("#gh-other")).to_be_visible()
    expect(page.locator("#gh-other")).to_contain_text("rabbit, ferret")
    expect(page.locator("#gh-answer li").first).to_be_visible()


def test_get_help_without_javascript_lists_who_answers_at_night(browser, demo_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(demo_url + "get-help/")
    expect(page.locator("#gh-choose")).to_be_hidden()
    eastmarsh = page.locator(".gh-region[data-region='eastmarsh']")
    expect(eastmarsh.locator("ul.gh-list:not(.gh-list--day) .gh-clinic", has_text="Saltwick")).to_be_visible()
    # the out-of-hours vets (open 19:00-08:00) are night cover, not a "daytime clinic"
    ooh = eastmarsh.locator("ul.gh-list:not(.gh-list--day) .gh-clinic", has_text="Eastmarsh Out-of-Hours Vets")
    expect(ooh.locator(".gh-clinic__cover")).to_contain_text("Open at night")
    expect(eastmarsh.locator("ul.gh-list--day .gh-clinic", has_text="Pebblesham Vets")).to_be_visible()
    # Westmoor's night cover includes the partner hospitals in other regions, as its region page does
    westmoor = page.locator(".gh-region[data-region='westmoor'] ul.gh-list:not(.gh-list--day)")
    expect(westmoor.locator(".gh-clinic", has_text="Northvale Veterinary Emergency Centre")).to_be_visible()
    expect(westmoor.locator(".gh-clinic", has_text="Southhaven Animal Emergency Hospital")).to_be_visible()
    context.close()


@pytest.mark.parametrize("path", ["get-help/", "triage/gut-stasis/", "triage/tiers/emergency-now/",
                                  "triage/signs/not-eating/", "first-aid/keeping-warm/", "first-aid/species/hamster/",
                                  "referral/", "referral/form/", "triage/"])
def test_axe_on_guidance_pages(page: Page, demo_url: str, path: str) -> None:
    page.goto(demo_url + path)
    page.wait_for_load_state("networkidle")
    violations = Axe().run(page, options=WCAG_AA).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == []


def test_referral_form_errors_pass_axe(page: Page, demo_url: str) -> None:
    page.goto(demo_url + "referral/form/")
    page.click("#rf-make")
    violations = Axe().run(page, options=WCAG_AA).response["violations"]
    assert [v["id"] for v in violations] == []


@pytest.mark.parametrize("path", ["triage/gut-stasis/", "triage/tiers/golden-hour/"])
def test_print_renders_a_card_with_its_qr_code(page: Page, demo_url: str, path: str) -> None:
    page.goto(demo_url + path)
    page.emulate_media(media="print")
    card = page.locator(".kb-print-card")
    expect(card).to_be_visible()
    qr = card.locator("img.kb-print-card__qr")
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(card).to_contain_text(f"{path}")
    expect(card).to_contain_text("Reviewed")
    expect(page.locator(".md-header")).to_be_hidden()
    a4_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert a4_width <= page.viewport_size["width"]
