"""The call bar rings a clinic that takes the pet the page is about. Found by a journey review: on
/triage/seizures/#for-gerbil the bar answered for the guinea pig chosen earlier on Get help, a clinic
that sees no gerbils; and with no pet chosen it offered a hospital that sees no degus on a guide for
degus too. The expected clinic is the build's own answer (generator/kinds/organisations/availability.py)."""

from __future__ import annotations

from datetime import datetime

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from generator.kinds.triage.urgency import guide_species
from tests.scenarios import ZONE, to_ring

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
MONDAY_2PM = datetime(2026, 11, 30, 14, 0, tzinfo=ZONE)
WEDNESDAY_2AM = datetime(2026, 12, 2, 2, 0, tzinfo=ZONE)


def _bar_rings(page: Page, catalog, expected: str | None, species: list[str]) -> None:
    bar = page.locator("#kb-callbar")
    if expected is None:
        expect(bar).to_have_attribute("data-state", "none" if len(species) == 1 else "which-pet")
        return
    expect(bar).to_have_attribute("data-org", expected)
    org = catalog.organisations[expected].model
    assert all(org.care_for(s) for s in species), (expected, species)  # the clinic takes the pet
    expect(bar.locator("a.kb-callbar__call")).to_be_in_viewport()


@pytest.mark.parametrize("at", [MONDAY_2PM, WEDNESDAY_2AM], ids=["Monday 14:00", "Wednesday 02:00"])
def test_the_bar_answers_for_the_pet_the_guide_shows(browser: Browser, demo_url: str, demo_catalog,
                                                     at: datetime) -> None:
    """Each pet of the seizures guide reached by its #for- link, in every region, with another pet
    remembered from Get help: the bar rings a clinic for the pet on screen."""
    guide = demo_catalog.problems["seizures"].model
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    page = context.new_page()
    page.clock.set_fixed_time(at)
    visit = 0
    for region in demo_catalog.regions:
        for species in guide_species(demo_catalog, guide):
            other = "guinea-pig" if species != "guinea-pig" else "hamster"
            page.goto(demo_url + "get-help/")
            page.evaluate(f"localStorage.setItem('kb-region', '{region}');"
                          f"localStorage.setItem('kb-species', '{other}')")
            visit += 1
            page.goto(demo_url + f"triage/seizures/?visit={visit}#for-{species}")
            expect(page.locator(f".kb-pick__pet[data-species='{species}']")).to_have_attribute("aria-current", "true")
            _bar_rings(page, demo_catalog, to_ring(demo_catalog, region, [species], at), [species])
    context.close()


@pytest.mark.parametrize("region", ["southhaven", "highcombe"])
def test_with_no_pet_chosen_the_bar_rings_a_clinic_for_every_pet_of_the_guide_or_asks_which(
        browser: Browser, demo_url: str, demo_catalog, region: str) -> None:
    """No pet chosen (a first visit from a search): a clinic that takes every species the guide is for,
    else the bar asks which pet; choosing one there chooses it on the guide too, and rings for it."""
    guide = demo_catalog.problems["gut-stasis"].model
    species = guide_species(demo_catalog, guide)
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    context.add_init_script(f"localStorage.setItem('kb-region', '{region}');")
    page = context.new_page()
    page.clock.set_fixed_time(WEDNESDAY_2AM)
    page.goto(demo_url + "triage/gut-stasis/")
    _bar_rings(page, demo_catalog, to_ring(demo_catalog, region, species, WEDNESDAY_2AM), species)
    bar = page.locator("#kb-callbar")
    if bar.get_attribute("data-state") == "which-pet":
        pets = bar.locator("select.kb-callbar__pets")
        expect(pets).to_be_in_viewport()
        pets.select_option("degu")
    else:
        page.click(".kb-pick__pet[data-species='degu']")
    expect(page.locator(".kb-pick__pet[data-species='degu']")).to_have_attribute("aria-current", "true")
    _bar_rings(page, demo_catalog, to_ring(demo_catalog, region, ["degu"], WEDNESDAY_2AM), ["degu"])
    context.close()


def test_a_page_for_one_species_rings_for_it(browser: Browser, demo_url: str, demo_catalog) -> None:
    """The gerbils' first-aid page, with a guinea pig remembered from Get help: a clinic for gerbils."""
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    context.add_init_script("localStorage.setItem('kb-region', 'highcombe');"
                            "localStorage.setItem('kb-species', 'guinea-pig');")
    page = context.new_page()
    page.clock.set_fixed_time(MONDAY_2PM)
    page.goto(demo_url + "first-aid/species/gerbil/")
    _bar_rings(page, demo_catalog, to_ring(demo_catalog, "highcombe", ["gerbil"], MONDAY_2PM), ["gerbil"])
    context.close()


def test_the_bar_answers_for_the_remembered_pet_before_the_guide_script_runs(
        browser: Browser, demo_url: str, demo_catalog) -> None:
    """The bar's answer can arrive before guide.js has chosen the remembered pet (one CI run in many):
    it answers for the pet guide.js will choose, not for every pet of the guide."""
    at = datetime(2026, 12, 2, 14, 0, tzinfo=ZONE)
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    context.add_init_script("localStorage.setItem('kb-region', 'westmoor');"
                            "localStorage.setItem('kb-species', 'guinea-pig');")
    page = context.new_page()
    page.clock.set_fixed_time(at)
    held: list = []
    page.route("**/guide.js*", lambda route: held.append(route))  # answered below, after the bar
    page.goto(demo_url + "triage/dental-problems/", wait_until="commit")
    expected = to_ring(demo_catalog, "westmoor", ["guinea-pig"], at)
    assert expected != to_ring(demo_catalog, "westmoor", guide_species(
        demo_catalog, demo_catalog.problems["dental-problems"].model), at), "the demo no longer tells these apart"
    expect(page.locator("#kb-callbar")).to_have_attribute("data-org", expected)
    assert page.locator("[data-kb-guide].kb-js").count() == 0  # guide.js had not run
    for route in held:
        route.continue_()
    context.close()


def test_the_bar_and_get_help_move_on_when_a_clinic_closes_while_the_page_is_open(
        browser: Browser, demo_url: str, demo_catalog) -> None:
    """An owner opens the guide at 18:20 and watches the pet: at 19:20 the bar and Get help no longer
    offer the practice that closed at 19:00 (a journey review found the earlier answer still shown). (From
    about 18:25 it is no longer offered first: it closes before an owner setting off could get there.)"""
    before, after = datetime(2026, 12, 2, 18, 20, tzinfo=ZONE), datetime(2026, 12, 2, 19, 20, tzinfo=ZONE)
    first, later = to_ring(demo_catalog, "westmoor", ["rat"], before), to_ring(demo_catalog, "westmoor", ["rat"], after)
    assert first != later, "the demo no longer tells these apart: choose another region or hour"
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    context.add_init_script("localStorage.setItem('kb-region', 'westmoor'); localStorage.setItem('kb-species', 'rat');")
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if request.url.endswith("/westmoor.json") else None)
    page.clock.install(time=before)
    page.goto(demo_url + "triage/gut-stasis/")
    bar = page.locator("#kb-callbar")
    expect(bar).to_have_attribute("data-org", first)
    page.clock.run_for("01:00:00")
    expect(bar).to_have_attribute("data-org", later)
    # worked out again each minute from the data read once: a poor signal is not asked for it 60 times
    assert len(fetched) == 1, fetched
    get_help = context.new_page()
    get_help.clock.install(time=before)
    get_help.goto(demo_url + "get-help/?species=rat&region=westmoor")
    first_row = get_help.locator("#gh-answer > li").first
    expect(first_row).to_have_attribute("data-org", first)
    get_help.clock.run_for("01:00:00")
    expect(first_row).to_have_attribute("data-org", later)
    context.close()


def test_the_bar_answers_for_the_weight_given_on_get_help_and_names_a_minimum_otherwise(
        browser: Browser, demo_url: str, demo_catalog) -> None:
    """A 12 g mouse at 02:00 in Southhaven (a journey review: Get help, told the weight, offered only the
    university hospital; the guide's bar offered a hospital that takes mice from 15 g, and said nothing)."""
    at = datetime(2026, 12, 2, 2, 0, tzinfo=ZONE)
    light, any_weight = (to_ring(demo_catalog, "southhaven", ["mouse"], at, 12),
                         to_ring(demo_catalog, "southhaven", ["mouse"], at))
    assert light != any_weight, "the demo no longer tells these apart"
    minimum = demo_catalog.organisations[any_weight].model.care_for("mouse").min_weight_g
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    page = context.new_page()
    page.clock.set_fixed_time(at)
    page.goto(demo_url + "get-help/")
    page.click(".gh-tile:has(input[value='mouse'])")
    page.click(".gh-tile:has(input[value='southhaven'])")
    # no weight given: Get help says which clinics take mice only from a weight
    first = page.locator(f"#gh-answer > li[data-org='{any_weight}']")
    expect(first).to_contain_text(f"only from {minimum} g")
    page.click("#gh-change")
    page.click(".gh-weight summary")
    page.fill("#gh-weight", "12")
    page.dispatch_event("#gh-weight", "change")
    expect(page.locator("#gh-answer > li").first).to_have_attribute("data-org", light)
    page.goto(demo_url + "triage/bleeding/")
    bar = page.locator("#kb-callbar")
    expect(bar).to_have_attribute("data-org", light)
    page.evaluate("localStorage.removeItem('kb-weight')")
    page.reload()
    expect(bar).to_have_attribute("data-org", any_weight)
    expect(bar.locator(".kb-callbar__status")).to_contain_text(f"only from {minimum} g")
    context.close()


def test_when_no_clinic_takes_every_pet_the_bar_asks_which_and_its_list_works_from_the_keyboard(
        browser: Browser, demo_url: str) -> None:
    """The region's file is changed on its way so that no clinic takes both rats and degus (the demo always
    has one that takes every pet): with no pet chosen on a guide for both, the bar asks which pet; the arrow
    keys move through the list without choosing, Enter chooses, and the bar rings a clinic for that pet."""
    def no_clinic_for_both(route: Route) -> None:
        response = route.fetch()
        data = response.json()
        for number, record in enumerate(data["orgs"].values()):
            record["species"].pop("rat" if number % 2 else "degu", None)
        headers = {**response.headers}
        headers.pop("content-length", None)
        route.fulfill(response=response, json=data, headers=headers)

    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London", service_workers="block")
    context.add_init_script("localStorage.setItem('kb-region', 'westmoor');")
    page = context.new_page()
    page.clock.set_fixed_time(WEDNESDAY_2AM)
    page.route("**/help/westmoor.json", no_clinic_for_both)
    page.goto(demo_url + "triage/gut-stasis/")
    bar = page.locator("#kb-callbar")
    expect(bar).to_have_attribute("data-state", "which-pet")
    pets = bar.locator("select.kb-callbar__pets")
    expect(pets).to_be_in_viewport()
    pets.focus()
    page.keyboard.press("ArrowDown")  # on the first pet: moving, not choosing
    page.wait_for_timeout(300)
    expect(bar).to_have_attribute("data-state", "which-pet")
    first = pets.locator("option").nth(1).get_attribute("value")
    page.keyboard.press("Enter")
    expect(page.locator(f".kb-pick__pet[data-species='{first}']")).to_have_attribute("aria-current", "true")
    expect(bar).not_to_have_attribute("data-state", "which-pet")
    expect(bar.locator("a.kb-callbar__call")).to_be_in_viewport()
    context.close()
