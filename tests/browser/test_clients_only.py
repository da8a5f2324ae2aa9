"""An on-call vet for its registered clients only, walked at 390x844 at 02:00 (Europe/London), with the
fixture network changed so that in Eastmarsh nobody else can help then: Saltwick and the out-of-hours
vets temporarily closed, Pebblesham's vet on call for its own clients. Most owners ringing at night are
not its clients: every page says whom it answers and offers the clinics open elsewhere after it, and a
guide's call bar rings one of those (generator/kinds/organisations/availability.py, theme/kb/help.js)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, expect

from generator.cli import main as kb_main
from tests.conftest import serve
from tests.helpers import make_tree

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
AT = datetime(2026, 12, 2, 2, 0, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday, 02:00
PRACTICE = "pebblesham-vets"
ELSEWHERE = ["southhaven-university-veterinary-hospital", "southhaven-animal-emergency-hospital"]
CLIENTS_ONLY = "Closed now: vet on call for its registered clients only, ring the after-hours line"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tree = make_tree(tmp_path_factory.mktemp("clients-only"))
    orgs = tree / "directory/organisations"
    _edit(orgs / "saltwick-veterinary-hospital.yml", "status: active\n", "status: temporarily-closed\n")
    _edit(orgs / "eastmarsh-out-of-hours-vets.yml", "status: active\n",
          "status: temporarily-closed\nalert: Closed for building work; ring another clinic.\n")
    _edit(orgs / f"{PRACTICE}.yml", "after_hours:\n  arrangement: partner\n  partner: eastmarsh-out-of-hours-vets\n",
          "after_hours:\n  arrangement: on-call\n  clients_only: true\n")
    _edit(orgs / f"{PRACTICE}.yml", '      number: "01632 960240"\n',
          '      number: "01632 960240"\n    - type: after-hours\n      number: "01632 960249"\n'
          '      verified_on: 2026-11-14\n')
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build", "--strict"]) == 0
    yield from serve(tree / "site")


def _page(browser: Browser, url: str, *, js: bool = True, region: str | None = None):  # noqa: ANN202
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London", java_script_enabled=js,
                                  service_workers="block")
    if region:
        context.add_init_script(f"localStorage.setItem('kb-region', '{region}');")
    page = context.new_page()
    page.clock.set_fixed_time(AT.isoformat())
    page.goto(url)
    return context, page


def test_get_help_says_whom_it_answers_and_offers_the_open_clinics_elsewhere(browser: Browser, site_url: str) -> None:
    context, page = _page(browser, site_url + "get-help/?region=eastmarsh&species=rat")
    expect(page.locator("#gh-status")).to_contain_text(
        "1 clinic can take a rat now in Eastmarsh, for its registered clients only.")
    rows = page.locator("#gh-answer > li")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(CLIENTS_ONLY)
    expect(page.locator("#gh-elsewhere")).to_be_visible()
    found = page.locator("#gh-elsewhere-list > li").evaluate_all("els => els.map(e => e.getAttribute('data-org'))")
    assert found == ELSEWHERE
    context.close()


def test_get_help_without_javascript_offers_the_clinics_elsewhere_after_it(browser: Browser, site_url: str) -> None:
    context, page = _page(browser, site_url + "get-help/", js=False)
    east = page.locator(".gh-region[data-region='eastmarsh']")
    expect(east.locator(".gh-list").first).to_contain_text("Vet on call for its registered clients only, when closed")
    expect(east.locator(".gh-gap")).to_have_text(
        "Not their registered client? No other clinic answers owners in Eastmarsh at night. "
        "The nearest clinics open at night elsewhere:")
    expect(east.locator(".gh-list--elsewhere a[href^='tel:']")).to_have_count(len(ELSEWHERE))
    context.close()


def test_the_region_page_says_so_with_and_without_javascript(browser: Browser, site_url: str) -> None:
    context, page = _page(browser, site_url + "regions/eastmarsh/")
    expect(page.locator("#kb-help-now-status")).to_have_text(
        "1 clinic can help now, for its registered clients only. Open now elsewhere, for everyone:")
    expect(page.locator("#kb-help-now-list > li")).to_have_count(1 + len(ELSEWHERE))
    context.close()
    context, page = _page(browser, site_url + "regions/eastmarsh/", js=False)
    expect(page.locator("#cover ~ .kb-alert")).to_contain_text("These vets answer their registered clients only.")
    context.close()


def test_a_guides_call_bar_rings_a_clinic_open_to_everyone(browser: Browser, site_url: str) -> None:
    context, page = _page(browser, site_url + "triage/gut-stasis/", region="eastmarsh")
    bar = page.locator("#kb-callbar")
    expect(bar).to_have_attribute("data-org", ELSEWHERE[0])
    expect(bar).to_contain_text("nearest open")
    context.close()


def test_the_practice_page_says_whom_its_vet_answers(browser: Browser, site_url: str) -> None:
    context, page = _page(browser, site_url + f"organisations/{PRACTICE}/", js=False)
    expect(page.locator("#after-hours + p")).to_contain_text(
        "A vet is on call for the practice's registered clients only, whenever the practice is closed")
    expect(page.locator(".kb-open-line")).to_have_text("Vet on call for its registered clients only, when closed")
    context.close()
