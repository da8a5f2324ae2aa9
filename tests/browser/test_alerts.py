"""Alerts appear and expire in the browser with a fixed clock (issue 21, part 3). A site is built before
an alert starts; read later, its pages show the alert while it is current and take the closed clinic
out of "who can help now", then drop both when it ends, whatever the build knew: a static page can be
older than an alert. Walked at 390x844 in Europe/London."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from playwright.sync_api import Page, expect

from generator.cli import main as kb_main
from tests.conftest import serve
from tests.helpers import make_tree

pytestmark = pytest.mark.browser

CLINIC = "saltwick-veterinary-hospital"  # open around the clock in the fixture: always in who can help now
TITLE = "Saltwick Veterinary Hospital closed by a flood"
ALERT = f"""# yaml-language-server: $schema=../../../../schemas/alert.schema.json
id: saltwick-flood
title: "{TITLE}"
severity: closure
start: 2027-03-10 02:00
end: 2027-03-10 06:00
organisations: [{CLINIC}]
summary: Water in the wards.
instead: Ring Eastmarsh Out-of-Hours Vets.
instead_organisations: [eastmarsh-out-of-hours-vets]
issued_by: Practice manager
"""
BUILT = "2027-03-09T12:00:00+00:00"  # the day before: the pages carry the alert as coming, hidden
# (the moment, whether the alert is current); London is on GMT in early March
SCENARIOS = [("2027-03-10T01:30:00+00:00", False), ("2027-03-10T03:00:00+00:00", True),
             ("2027-03-10T06:30:00+00:00", False)]


@pytest.fixture(scope="module")
def alert_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tree = make_tree(tmp_path_factory.mktemp("alerts"))
    (tree / "content/alerts/saltwick-flood.yml").write_text(ALERT, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KB_NOW", BUILT)
        assert kb_main(["-f", str(tree / "mkdocs.yml"), "build", "--strict"]) == 0
    built = (tree / "site/organisations" / CLINIC / "index.html").read_text(encoding="utf-8")
    assert TITLE in built and 'data-kb-alert-starts' in built  # in the page, hidden until it starts
    yield from serve(tree / "site")


def _at(page: Page, moment: str) -> None:
    page.clock.install(time=datetime.fromisoformat(moment))


@pytest.mark.parametrize(("moment", "current"), SCENARIOS)
def test_the_clinic_page_shows_the_alert_only_while_current(context, alert_url: str, moment: str,
                                                            current: bool) -> None:
    page = context.new_page()
    _at(page, moment)
    page.goto(f"{alert_url}organisations/{CLINIC}/")
    banner = page.locator(".kb-alert-banner", has_text=TITLE)
    if current:
        expect(banner).to_be_visible()
        expect(page.locator(".kb-open-line .kb-open")).to_have_text("Not taking animals now: see the alert")
    else:
        expect(banner).to_be_hidden()
        expect(page.locator(".kb-open-line .kb-open")).to_have_text("Open now, 24 hours")
    page.close()


@pytest.mark.parametrize(("moment", "current"), SCENARIOS)
def test_the_region_page_drops_the_closed_clinic_while_current(context, alert_url: str, moment: str,
                                                               current: bool) -> None:
    page = context.new_page()
    _at(page, moment)
    page.goto(f"{alert_url}regions/eastmarsh/")
    helping = page.locator("#kb-help-now-list li")
    expect(helping.first).to_be_visible()
    ids = helping.evaluate_all("rows => rows.map(r => r.dataset.org)")
    assert (CLINIC not in ids) is current, ids
    expect(page.locator(".kb-alert-banner", has_text=TITLE)).to_be_visible() if current else \
        expect(page.locator(".kb-alert-banner", has_text=TITLE)).to_be_hidden()
    page.close()


@pytest.mark.parametrize(("moment", "current"), SCENARIOS)
def test_get_help_and_the_finder_agree(context, alert_url: str, moment: str, current: bool) -> None:
    page = context.new_page()
    _at(page, moment)
    page.goto(f"{alert_url}get-help/")
    page.locator("label.gh-tile", has_text="Rat").click()
    page.locator("label.gh-tile", has_text="Eastmarsh").click()
    answer = page.locator("#gh-answer li")
    expect(answer.first).to_be_visible()
    names = " ".join(answer.all_inner_texts())
    assert ("Saltwick Veterinary Hospital" not in names) is current, names
    banner = page.locator(".kb-alert-banner", has_text=TITLE)
    expect(banner).to_be_visible() if current else expect(banner).to_be_hidden()
    # another region's answer leaves Eastmarsh's alert out
    page.locator("#gh-change").click()
    page.locator("label.gh-tile", has_text="Southhaven").click()
    expect(page.locator("#gh-answer li").first).to_be_visible()
    expect(banner).to_be_hidden()
    page.goto(f"{alert_url}directory/find/?region=eastmarsh")
    expect(page.locator("#kb-finder-status")).to_contain_text("found")
    finder_alert = page.locator("#kb-finder-alerts .kb-alert-banner", has_text=TITLE)
    expect(finder_alert).to_be_visible() if current else expect(finder_alert).to_have_count(0)
    page.close()


def test_an_ended_alert_says_so_on_its_own_page(context, alert_url: str) -> None:
    page = context.new_page()
    _at(page, SCENARIOS[2][0])
    page.goto(f"{alert_url}alerts/saltwick-flood/")
    expect(page.locator(".kb-alert-state")).to_have_text("This alert has ended.")
    page.goto(f"{alert_url}alerts/")
    expect(page.locator(".kb-alert-item", has_text=TITLE)).to_be_hidden()
    page.close()


def test_the_alert_is_on_the_clinic_page_without_javascript_once_built_while_current(
        browser, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Built while the alert is current, the page says so with no script at all."""
    tree = make_tree(tmp_path_factory.mktemp("alerts-now"))
    (tree / "content/alerts/saltwick-flood.yml").write_text(ALERT, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KB_NOW", SCENARIOS[1][0])
        assert kb_main(["-f", str(tree / "mkdocs.yml"), "build", "--strict"]) == 0
    for url in serve(tree / "site"):
        context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto(f"{url}organisations/{CLINIC}/")
        expect(page.locator(".kb-alert-banner", has_text=TITLE)).to_be_visible()
        page.goto(f"{url}get-help/")
        closed = page.locator(".gh-static .gh-clinic", has_text="Saltwick Veterinary Hospital")
        expect(closed.first).to_contain_text("Not taking animals now")
        expect(closed.locator("a[href^='tel:']")).to_have_count(0)
        context.close()
