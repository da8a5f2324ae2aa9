"""A network too large to list on one page (10,000 organisations would make "Get help now" 4.8 MB, the
directory 3.6 MB and a species page 2 MB): Get help lists the regions and each region has its own Get
help page with its clinics, working with and without JavaScript; the directory lists regions with
counts and links to each region's list; a species or service page with too many organisations lists
the regions with counts and links to one page per region. Built from the fixture tree with the limits
lowered (extra.get_help_clinics_on_one_page, extra.directory_entries_on_one_page,
extra.species_service_entries_on_one_page) so the fixture counts as large.

Regions too large to carry their who-can-help data (~250 clinics a region made Get help 450 KB and
the region page 370 KB): their pages point at the region's data file and the scripts fetch it; Get
help lists who answers at night in full and a few daytime clinics, linking to all of them
(extra.region_clinics_on_one_page lowered to 1, with a second daytime clinic in Eastmarsh)."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import BrowserContext, Page, expect

from benchmarks.serve import serving
from generator.cli import main as kb_main
from generator.host.config import settings_from_config
from generator.kinds.organisations.availability import Need, night_cover, who_can_help
from generator.kinds.organisations.help_data import help_data
from generator.site.pipeline import load_catalog
from tests.browser.device_copies import restamp, until_stored
from tests.build.test_html_validity import describe, excused, vnu
from tests.build.test_links import broken_links
from tests.helpers import VALID, make_tree

ON_ONE_PAGE = 4  # species and service pages with more organisations than this list regions (degus: 4)


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = make_tree(tmp_path_factory.mktemp("large"))
    config = tree / "mkdocs.yml"
    config.write_text(config.read_text().replace("  generator: false\n",
                                                 "  generator: false\n  get_help_clinics_on_one_page: 3\n"
                                                 "  directory_entries_on_one_page: 3\n"
                                                 f"  species_service_entries_on_one_page: {ON_ONE_PAGE}\n"))
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


def _fixture_regions() -> list[tuple[str, str]]:
    return [(r["id"], r["label"]) for r in yaml.safe_load((VALID / "directory/regions.yml").read_text("utf-8"))]


def _listed(folder: str) -> dict[str, dict[str, set[str]]]:
    """From the fixture's YAML: per species (folder "species") or service ("services"), the names of the
    organisations treating or offering it, by region."""
    field, key = ("species", "species") if folder == "species" else ("services", "service")
    found: dict[str, dict[str, set[str]]] = {}
    for path in sorted((VALID / "directory/organisations").glob("*.yml")):
        org = yaml.safe_load(path.read_text("utf-8"))
        for item in org.get(field, []):  # an id, or a mapping with the id and its limits
            item_id = item if isinstance(item, str) else item[key]
            found.setdefault(item_id, {}).setdefault(org["location"]["region"], set()).add(org["name"])
    return found


def _split(folder: str) -> dict[str, dict[str, set[str]]]:
    return {i: by_region for i, by_region in _listed(folder).items()
            if sum(len(names) for names in by_region.values()) > ON_ONE_PAGE}


def _resolve(page_url: str, href: str) -> str:
    return urljoin(f"http://site/{page_url}", href).removeprefix("http://site/")


@pytest.mark.parametrize("folder", ["species", "services"])
def test_a_long_species_or_service_page_lists_regions_with_counts_and_links(large_site: Path, folder: str) -> None:
    split = _split(folder)
    assert split  # the fixture has pages over the limit
    for item, by_region in split.items():
        html = _html(large_site, f"{folder}/{item}")
        assert not html.select(".kb-org"), item  # no organisation listed on the page itself
        rows = [(li.a.get_text(), _resolve(f"{folder}/{item}/", li.a["href"]), li.small.get_text())
                for li in html.select(".kb-region-pages li")]
        heading = html.select_one("article h1").get_text()
        # every region with any, in the directory's order, with its count and its own page
        assert rows == [(f"{heading} in {label}", f"{folder}/{item}/{rid}/", f"({len(by_region[rid])})")
                        for rid, label in _fixture_regions() if rid in by_region], item
        missing = [label for rid, label in _fixture_regions() if rid not in by_region]
        if missing:
            assert html.select_one("section[aria-labelledby=by-region]").find_all("p")[-1].get_text() == \
                f"None yet in {', '.join(missing[:-1]) + ' or ' + missing[-1] if len(missing) > 1 else missing[0]}."


@pytest.mark.parametrize("folder", ["species", "services"])
def test_each_regions_page_lists_exactly_that_regions_organisations(large_site: Path, folder: str) -> None:
    for item, by_region in _split(folder).items():
        label = _html(large_site, f"{folder}/{item}").select_one("article h1").get_text()
        for rid, region in _fixture_regions():
            if rid not in by_region:
                assert not (large_site / folder / item / rid).exists()
                continue
            html = _html(large_site, f"{folder}/{item}/{rid}")
            assert html.select_one("article h1").get_text() == f"{label} in {region}"
            assert {a.get_text() for a in html.select(".kb-org__name")} == by_region[rid], (item, rid)
            assert html.select_one(".kb-lede").get_text().startswith(f"{len(by_region[rid])} organisation")
            back = [_resolve(f"{folder}/{item}/{rid}/", a["href"]) for a in html.select(".kb-page > p a")]
            assert f"{folder}/{item}/" in back and f"regions/{rid}/" in back
            assert f"directory/find/?{'species' if folder == 'species' else 'service'}={item}&region={rid}" in back


@pytest.mark.parametrize("folder", ["species", "services"])
def test_a_short_species_or_service_page_still_lists_its_organisations(large_site: Path, folder: str) -> None:
    short = {i: r for i, r in _listed(folder).items() if i not in _split(folder)}
    assert short  # the fixture has pages under the limit too
    for item, by_region in short.items():
        html = _html(large_site, f"{folder}/{item}")
        assert not html.select(".kb-region-pages")
        assert {a.get_text() for a in html.select(".kb-org__name")} == set().union(*by_region.values())
        assert not [p for p in (large_site / folder / item).iterdir() if p.is_dir()]


def test_a_directory_region_page_links_to_its_species_pages(large_site: Path) -> None:
    split = _split("species")
    for rid, _ in _fixture_regions():
        html = _html(large_site, f"regions/{rid}")
        rows = {li.a.get_text(): li for li in html.select("#species-cover ~ ul li")}
        for item, by_region in split.items():
            label = _html(large_site, f"species/{item}").select_one("article h1").get_text()
            row = rows[label]
            assert _resolve(f"regions/{rid}/", row.a["href"]) == (
                f"species/{item}/{rid}/" if rid in by_region else f"species/{item}/"), (rid, item)
            if rid in by_region:  # the region page counts the organisations there that are not closed
                listed = _html(large_site, f"species/{item}/{rid}").select(".kb-org")
                open_ = [li for li in listed if not li.select(".kb-badge")]
                count = f"{len(open_)} organisation(s)" if open_ else "none in this region"
                assert row.get_text() == f"{label}: {count}", (rid, item)


def test_the_regions_pages_are_searchable_and_in_the_sitemap(large_site: Path) -> None:
    html = _html(large_site, "species/guinea-pig/eastmarsh")
    assert html.select_one("[data-pagefind-body]") is not None
    filters = {s["data-pagefind-filter"] for s in html.select("[data-pagefind-filter]")}
    assert {"type:Species", "species:Guinea pig", "region:Eastmarsh"} <= filters
    assert html.select_one('meta[name="description"]')["content"] == "Clinics in Eastmarsh that treat guinea pigs."
    sitemap = (large_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>http://127.0.0.1:8000/species/guinea-pig/eastmarsh/</loc>" in sitemap
    assert "<loc>http://127.0.0.1:8000/services/triage/southhaven/</loc>" in sitemap


def test_every_link_of_the_species_service_and_region_pages_resolves(large_site: Path) -> None:
    # the fixture tree is not the demo: some of its guides link to pages it does not have (kit, about)
    checked, broken = broken_links(large_site, ("species", "services", "regions"))
    assert checked > 1000
    assert broken == [], "\n".join(broken[:30])


def test_the_new_pages_are_valid_html(large_site: Path) -> None:
    for folder in ("species", "services"):
        ours = [describe(m, large_site) for m in vnu(large_site / folder) if excused(m) is None]
        assert ours == []


# ---- regions with more clinics than a page should carry (extra.region_clinics_on_one_page) -------------

LISTED_BY_DAY = 1  # the lowered limit: a region with more clinics is large, and Get help lists this many by day


@pytest.fixture(scope="module")
def large_regions(tmp_path_factory: pytest.TempPathFactory):
    """The fixture tree with a second daytime clinic in Eastmarsh (Shingle Bay Vets, listed after
    Pebblesham), built with extra.region_clinics_on_one_page: 1; its site and its catalog."""
    tree = make_tree(tmp_path_factory.mktemp("large-regions"))
    pebblesham = (VALID / "directory/organisations/pebblesham-vets.yml").read_text(encoding="utf-8")
    for old, new in (("pebblesham-vets", "shingle-bay-vets"), ("Pebblesham Vets", "Shingle Bay Vets"),
                     ("01632 960240", "01632 960249"), ("22 Shingle Street", "3 Dune Lane"),
                     ("ZZ2 9PB", "ZZ2 9SB"), ("lat: 51.104", "lat: 51.110")):
        pebblesham = pebblesham.replace(old, new)
    (tree / "directory/organisations/shingle-bay-vets.yml").write_text(pebblesham, encoding="utf-8")
    config = tree / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  generator: false\n", f"  generator: false\n  region_clinics_on_one_page: {LISTED_BY_DAY}\n"))
    assert kb_main(["-f", str(config), "build", "--strict"]) == 0
    return tree / "site", load_catalog(settings_from_config(config))[0]


def _plain(data: object) -> object:
    return json.loads(json.dumps(data))


@pytest.mark.parametrize("url", ["get-help/eastmarsh/", "regions/eastmarsh/"])
def test_a_large_regions_pages_point_at_its_data_file(large_regions, url: str) -> None:
    site, catalog = large_regions
    html = (site / url / "index.html").read_text(encoding="utf-8")
    root = BeautifulSoup(html, "html.parser").select_one("[data-kb-help-src]")
    assert "data-kb-help=" not in html  # no data in the page
    path = urljoin(f"/{url}", root["data-kb-help-src"]).lstrip("/")
    assert path == "help/eastmarsh.json"
    # the file holds what the page would have carried: the region, and each record its answer reads
    shipped = json.loads((site / path).read_text(encoding="utf-8"))
    carried = _plain(help_data(catalog, ["eastmarsh"]))
    assert shipped["regions"] == carried["regions"]
    assert {org_id: shipped["orgs"].get(org_id) for org_id in carried["orgs"]} == carried["orgs"]
    assert "shingle-bay-vets" in carried["orgs"]


def test_a_small_region_still_carries_its_data(large_regions) -> None:
    site, _ = large_regions
    for url in ("get-help/northvale", "regions/northvale"):  # no clinic of its own: under the limit
        root = _html(site, url).select_one("[data-kb-help]")
        assert root is not None and not root.has_attr("data-kb-help-src")
        assert set(json.loads(root["data-kb-help"])["regions"]) == {"northvale"}


def test_a_large_regions_get_help_lists_every_night_clinic_and_a_few_by_day(large_regions) -> None:
    site, catalog = large_regions
    region = _html(site, "get-help/eastmarsh")
    night = region.select(".gh-region ul.gh-list:not(.gh-list--day) > li")
    assert [li.select_one(".gh-clinic__name").get_text() for li in night] == \
        [c.org.name for c in night_cover(catalog, "eastmarsh")] == \
        ["Saltwick Veterinary Hospital", "Eastmarsh Out-of-Hours Vets"]
    assert all(li.select_one("a.gh-call")["href"].startswith("tel:+44") for li in night)
    day = region.select(".gh-list--day > li")
    assert [li.select_one(".gh-clinic__name").get_text() for li in day] == ["Pebblesham Vets"]
    more = region.select_one(".gh-more")
    assert more.get_text(" ", strip=True) == "The first 1 of 2 daytime clinics. Every clinic in Eastmarsh"
    assert more.a["href"] == "../../regions/eastmarsh/#all"
    listed = _html(site, "regions/eastmarsh").select_one("#all").find_next("ul").get_text()
    assert "Pebblesham Vets" in listed and "Shingle Bay Vets" in listed  # where the link leads: all of them


AT_TWO_PM = datetime(2026, 12, 2, 14, 0, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday: daytime clinics open


@pytest.mark.browser
def test_a_large_regions_pages_answer_from_the_fetched_data(large_regions, page: Page) -> None:
    site, catalog = large_regions
    page.clock.set_fixed_time(AT_TWO_PM)
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    rats = [h.org.id for h in who_can_help(catalog, at=AT_TWO_PM, region="eastmarsh", need=Need(species="rat")).now]
    anyone = [h.org.id for h in who_can_help(catalog, at=AT_TWO_PM, region="eastmarsh", need=Need()).now]
    assert "shingle-bay-vets" in rats  # not in the page's own list: it can only come from the file
    with serving(site) as origin:
        page.goto(origin + "get-help/eastmarsh/")
        page.click(".gh-tile:has(input[value='rat'])")
        expect(page.locator("#gh-status")).to_have_text(f"{len(rats)} clinics can take a rat now in Eastmarsh.")
        assert page.locator("#gh-answer > li").evaluate_all("els => els.map(e => e.dataset.org)") == rats
        expect(page.locator("#gh-answer a.gh-call").first).to_have_attribute("href", re.compile(r"^tel:\+44"))
        expect(page.locator("#gh-static")).to_be_hidden()

        page.goto(origin + "regions/eastmarsh/")
        expect(page.locator("#kb-help-now-status")).to_have_text(f"{len(anyone)} clinics can help now.")
        assert page.locator("#kb-help-now-list > li").evaluate_all("els => els.map(e => e.dataset.org)") == anyone
        expect(page.locator("#kb-help-now-list a.kb-call").first).to_be_visible()
    assert sum(url.endswith("/help/eastmarsh.json") for url in fetched) >= 2


@pytest.mark.browser
def test_a_large_remembered_region_answers_offline(large_regions, context: BrowserContext, page: Page) -> None:
    site, catalog = large_regions
    page.clock.set_fixed_time(AT_TWO_PM)
    anyone = [h.org.id for h in who_can_help(catalog, at=AT_TWO_PM, region="eastmarsh", need=Need()).now]
    context.add_init_script("localStorage.setItem('kb-species', 'rat')")  # the animal, from an earlier visit
    with serving(site, compress=False) as origin:
        # the first page seen: not yet under the service worker, so only Get help's asking stores it
        page.goto(origin + "get-help/eastmarsh/")
        expect(page.locator("#gh-answer > li").first).to_be_visible()
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        until_stored(page, {"/get-help/eastmarsh/", "/regions/eastmarsh/", "/help/eastmarsh.json"})
        # the region's clinic list was stored before its pages: its answers give the list's date, not theirs
        restamp(page, origin + "help/eastmarsh.json", "2026-11-20T10:00:00Z")
        restamp(page, origin + "get-help/eastmarsh/", "2026-11-27T10:00:00Z")
        restamp(page, origin + "regions/eastmarsh/", "2026-11-15T10:00:00Z")  # older than the list it reads
        stored_list = " From the clinic list stored on this device on 20 November 2026: numbers and opening hours " \
                      "may have changed since."
        context.set_offline(True)
        page.goto(origin + "regions/eastmarsh/")
        expect(page.locator(".kb-offline")).to_contain_text("offline copy from 15 November 2026")
        expect(page.locator("#kb-help-now-list > li")).to_have_count(len(anyone))
        expect(page.locator("#kb-help-now-status")).to_have_text(f"{len(anyone)} clinics can help now.{stored_list}")
        page.goto(origin + "get-help/eastmarsh/")
        expect(page.locator(".kb-offline")).to_contain_text("offline copy from 27 November 2026")
        expect(page.locator("#gh-status")).to_have_text(
            re.compile(r"^\d+ clinics can take a rat now in Eastmarsh\." + re.escape(stored_list) + "$"))
        context.set_offline(False)
