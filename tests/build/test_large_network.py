"""A network too large to list on one page (10,000 organisations would make "Get help now" 4.8 MB and
the directory 3.6 MB): Get help lists the regions and each region has its own Get help page with its
clinics, working with and without JavaScript; the directory lists regions with counts and links to
each region's list. Built from the fixture tree with the limits lowered (extra.
get_help_clinics_on_one_page, extra.directory_entries_on_one_page) so the fixture counts as large."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from benchmarks.serve import serving
from generator.cli import main as kb_main
from tests.helpers import make_tree


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = make_tree(tmp_path_factory.mktemp("large"))
    config = tree / "mkdocs.yml"
    config.write_text(config.read_text().replace("  generator: false\n",
                                                 "  generator: false\n  get_help_clinics_on_one_page: 3\n"
                                                 "  directory_entries_on_one_page: 3\n"))
    assert kb_main(["-f", str(config), "build", "--strict"]) == 0
    return tree / "site"


def _html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_main_page_lists_regions_not_clinics(large_site: Path) -> None:
    main = _html(large_site, "get-help")
    links = {a.get_text(): a["href"] for a in main.select(".gh-regions a")}
    assert links["Eastmarsh"] == "eastmarsh/"
    assert not main.select(".gh-clinic") and main.select_one("input[name=region]") is None
    assert main.select("section.kb-card")  # what to do now is still on the main page
    assert main.select_one("[data-pagefind-body]") is not None


def test_a_region_page_lists_that_regions_clinics(large_site: Path) -> None:
    region = _html(large_site, "get-help/eastmarsh")
    names = [a.get_text() for a in region.select(".gh-clinic__name")]
    assert "Saltwick Veterinary Hospital" in names and "Pebblesham Vets" in names
    assert {s["data-region"] for s in region.select(".gh-region")} == {"eastmarsh"}
    call = region.select_one(".gh-region ul.gh-list:not(.gh-list--day) a.gh-call")
    assert re.fullmatch(r"tel:\+441632960\d{3}", call["href"])  # calling works without JavaScript
    assert region.select_one("input[type=radio][name=region]") is None  # its region is chosen already
    assert region.select_one(".gh-other a")["href"] == "../"
    assert region.select_one("[data-pagefind-body]") is None  # one Get help page in search, not one per region
    assert len((large_site / "get-help/eastmarsh/index.html").read_bytes()) < 40_000


def test_the_directory_lists_regions_with_links_to_their_organisations(large_site: Path) -> None:
    directory = _html(large_site, "directory")
    assert not directory.select(".kb-orgs li")
    links = [a["href"] for a in directory.select("section p a")]
    assert "../regions/eastmarsh/#all" in links
    region = _html(large_site, "regions/eastmarsh")
    assert "Pebblesham Vets" in region.select_one("#all").find_next("ul").get_text()


@pytest.mark.browser
def test_a_region_page_shows_who_can_help_now(large_site: Path, page: Page) -> None:
    with serving(large_site) as origin:
        page.goto(origin + "get-help/eastmarsh/")
        expect(page.locator("#gh-status")).to_have_text("Now choose your pet.")
        page.click(".gh-tile:has(input[value='rat'])")
        expect(page.locator("#gh-status")).to_have_text(re.compile(r"^\d+ clinics? can take a rat now in Eastmarsh\.$"))
        expect(page.locator("#gh-answer a.gh-call").first).to_be_visible()


def test_a_bad_limit_is_a_message_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = make_tree(tmp_path)
    config = tree / "mkdocs.yml"
    config.write_text(config.read_text().replace("  generator: false\n",
                                                 "  generator: false\n  get_help_clinics_on_one_page: lots\n"))
    assert kb_main(["-f", str(config), "check"]) == 2
    err = capsys.readouterr().err
    assert "extra.get_help_clinics_on_one_page: expected a whole number, got 'lots'" in err
    assert "Traceback" not in err and "internal error" not in err
