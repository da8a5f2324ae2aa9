"""Listings too long for one page at national scale (issue 22: 5,000 kit items made the kit library
2.1 MB, 3,000 cases the case library 1.9 MB): above their limits the kit library and a kit type's page
list regions, each with its own page; the case library lists species, and a species with too many
its body systems, each page keeping the filters for what it lists; the training index lists the
pathways, each on its own page; a guide with too many cases counts them and links to its cases page.
Built from the fixture tree with the limits lowered (extra.kit_entries_on_one_page,
extra.case_entries_on_one_page, extra.training_modules_on_one_page, extra.guide_cases_on_one_page)
and two more rat cases, so that some listings split and others do not."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from benchmarks.serve import serving
from generator.cli import main as kb_main
from tests.build.test_html_validity import describe, excused, vnu
from tests.build.test_links import broken_links
from tests.helpers import VALID, make_tree

LIMITS = {"kit_entries_on_one_page": 4, "case_entries_on_one_page": 2, "training_modules_on_one_page": 7,
          "guide_cases_on_one_page": 1}
RAT_CASE = "rat-pneumonia-needing-oxygen-therapy"
EXTRA_RAT_CASES = {"rat-second-chest-infection": "respiratory", "rat-bladder-stones": "urinary"}


def _add_rat_cases(tree: Path) -> None:
    """Two more rat cases: rats then have three (two respiratory, one urinary), over the limit of two."""
    source = (tree / f"content/cases/{RAT_CASE}.yml").read_text(encoding="utf-8")
    for case_id, system in EXTRA_RAT_CASES.items():
        text = source.replace(f"id: {RAT_CASE}", f"id: {case_id}", 1)
        text = re.sub(r"^title: .*$", f"title: Synthetic {case_id.replace('-', ' ')}", text, count=1, flags=re.M)
        text = re.sub(r"^body_system: .*$", f"body_system: {system}", text, count=1, flags=re.M)
        (tree / f"content/cases/{case_id}.yml").write_text(text, encoding="utf-8")


def _build(tree: Path, limits: dict[str, int]) -> Path:
    _add_rat_cases(tree)
    config = tree / "mkdocs.yml"
    extra = "".join(f"  {key}: {value}\n" for key, value in limits.items())
    config.write_text(config.read_text().replace("  generator: false\n", "  generator: false\n" + extra))
    assert kb_main(["-f", str(config), "build", "--strict"]) == 0
    return tree / "site"


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(make_tree(tmp_path_factory.mktemp("listings")), LIMITS)


def _html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _resolve(page_url: str, href: str) -> str:
    return urljoin(f"http://site/{page_url}", href).removeprefix("http://site/")


def _yaml(folder: str) -> list[dict]:
    return [yaml.safe_load(p.read_text("utf-8")) for p in sorted((VALID / folder).glob("*.yml"))]


def _regions() -> list[tuple[str, str]]:
    return [(r["id"], r["label"]) for r in yaml.safe_load((VALID / "directory/regions.yml").read_text("utf-8"))]


def _org_regions() -> dict[str, tuple[str, str]]:
    return {o["id"]: (o["location"]["region"], o["name"]) for o in _yaml("directory/organisations")}


def _region_links(html: BeautifulSoup, page_url: str) -> list[tuple[str, str, str]]:
    return [(li.a.get_text(), _resolve(page_url, li.a["href"]), li.small.get_text())
            for li in html.select(".kb-region-pages li")]


# ---- kit -------------------------------------------------------------------------------------------

def _kit() -> list[dict]:
    return [k for k in _yaml("directory/equipment") if k["status"] != "retired"]


def test_the_kit_library_lists_regions_with_counts_and_each_region_page_its_kit(split_site: Path) -> None:
    orgs = _org_regions()
    by_region: dict[str, list[dict]] = {}
    for item in _kit():
        by_region.setdefault(orgs[item["holder"]][0], []).append(item)
    assert len(_kit()) > LIMITS["kit_entries_on_one_page"]
    library = _html(split_site, "kit")
    assert not library.select("li.kb-kit")  # no item on the library itself
    assert library.select("#types + ul a")  # the types are still listed
    assert _region_links(library, "kit/") == [(f"Kit in {label}", f"kit/regions/{rid}/", f"({len(by_region[rid])})")
                                              for rid, label in _regions() if rid in by_region]
    without = [label for rid, label in _regions() if rid not in by_region]
    assert library.select_one("#regions").find_next_siblings("p")[-1].get_text() == \
        f"No shared kit is listed in {' or '.join(without)}."
    for rid, label in _regions():
        if rid not in by_region:
            assert not (split_site / "kit/regions" / rid).exists()
            continue
        page = _html(split_site, f"kit/regions/{rid}")
        assert page.select_one("article h1").get_text() == f"Kit in {label}"
        holders = sorted(a.get_text() for a in page.select(".kb-kit__holder a"))
        assert holders == sorted(orgs[k["holder"]][1] for k in by_region[rid])


def test_a_long_kit_type_page_lists_regions_and_each_region_page_its_nearest_and_held(split_site: Path) -> None:
    orgs = _org_regions()
    cages = [k for k in _yaml("directory/equipment") if k["item"] == "oxygen-cage"]
    page = _html(split_site, "kit/oxygen-cage")  # three cages, and candidates for each region
    assert not page.select("li.kb-kit") and page.select_one("#kb-kit-region") is None
    held = {rid: sorted(orgs[k["holder"]][1] for k in cages if orgs[k["holder"]][0] == rid) for rid, _ in _regions()}
    assert _region_links(page, "kit/oxygen-cage/") == [
        (f"Oxygen cage for {label}", f"kit/oxygen-cage/{rid}/", f"({len(held[rid])} held there)")
        for rid, label in _regions()]  # every region: the nearest may be held elsewhere
    for rid, label in _regions():
        region = _html(split_site, f"kit/oxygen-cage/{rid}")
        assert region.select_one("article h1").get_text() == f"Oxygen cage in {label}"
        assert [s["data-region"] for s in region.select(".kb-kit-region")] == [rid]
        assert region.select(".kb-nearest li")  # the nearest available for the region, wherever held
        assert region.select_one("#kb-kit-region") is None  # its region is chosen already
        assert sorted(a.get_text() for a in region.select(".kb-kit__holder a")) == held[rid]
        all_kit = _resolve(f"kit/oxygen-cage/{rid}/", region.select(".kb-page > p a")[1]["href"])
        assert all_kit == (f"kit/regions/{rid}/" if (split_site / "kit/regions" / rid).exists() else "kit/#regions")
        if not held[rid]:
            assert region.select_one("#all").find_next("p").get_text().startswith(f"None is held in {label}")


def test_a_short_kit_type_page_still_lists_its_kit_and_every_region(split_site: Path) -> None:
    # one item, lent out: no candidate for any region, so one entry in all
    page = _html(split_site, "kit/pulse-oximeter")
    assert not page.select(".kb-region-pages") and len(page.select("li.kb-kit")) == 1
    assert [s["data-region"] for s in page.select(".kb-kit-region")] == [rid for rid, _ in _regions()]
    assert not [p for p in (split_site / "kit/pulse-oximeter").iterdir() if p.is_dir()]


def test_a_kit_type_page_counts_the_nearest_it_carries_as_entries(split_site: Path) -> None:
    """One dental unit, but a candidate for each of four regions: five entries, over the limit of four."""
    page = _html(split_site, "kit/dental-unit")
    assert len(page.select(".kb-region-pages li")) == len(_regions()) and not page.select("li.kb-kit")


def test_a_kit_row_links_to_the_nearest_of_its_type_for_its_region(split_site: Path) -> None:
    """A clinician on a region's kit page who opens an item's type lands on that region's nearest
    available: the type's page for the region (a long type) or the region's part of its page (a short
    one), never the first region of the list (the walk at 390x844 found Northvale's list first)."""
    orgs = _org_regions()
    checked = set()
    for rid, _ in _regions():
        if not (split_site / "kit/regions" / rid).exists():
            continue
        page_url = f"kit/regions/{rid}/"
        for row in _html(split_site, page_url).select("li.kb-kit"):
            holder_region = orgs[_resolve(page_url, row.select_one(".kb-kit__holder a")["href"]).split("/")[1]][0]
            target, _, fragment = _resolve(page_url, row.select_one(".kb-kit__name")["href"]).partition("#")
            landed = _html(split_site, target.rstrip("/"))
            if fragment:
                assert fragment == f"near-{holder_region}" and landed.select_one(f"#{fragment}") is not None
            else:
                assert target.endswith(f"/{holder_region}/")
                assert [s["data-region"] for s in landed.select(".kb-kit-region")] == [holder_region]
            checked.add("fragment" if fragment else "page")
    assert checked == {"fragment", "page"}  # both kinds of type page are reached


# ---- cases -----------------------------------------------------------------------------------------

def _cases() -> list[dict]:
    cases = _yaml("content/cases")
    rat = next(c for c in cases if c["id"] == RAT_CASE)
    return cases + [{**rat, "id": case_id, "body_system": system} for case_id, system in EXTRA_RAT_CASES.items()]


def _case_ids(html: BeautifulSoup, page_url: str) -> set[str]:
    return {_resolve(page_url, a["href"]).split("/")[1] for a in html.select("#kb-case-list .kb-case__title")}


def test_the_case_library_lists_species_with_counts(split_site: Path) -> None:
    library = _html(split_site, "cases")
    assert library.select_one("#kb-case-list") is None and library.select_one("#kb-case-filter") is None
    counts: dict[str, int] = {}
    for case in _cases():
        counts[case["species"]] = counts.get(case["species"], 0) + 1
    plurals = {s["id"]: s["plural"] for s in yaml.safe_load((VALID / "directory/species.yml").read_text("utf-8"))}
    in_order = [s for s in plurals if s in counts]  # the vocabulary's order
    assert _region_links(library, "cases/") == [(plurals[s], f"cases/species/{s}/", f"({counts[s]})") for s in in_order]


def test_a_species_case_page_lists_exactly_its_cases_with_the_other_filters(split_site: Path) -> None:
    for species in ("guinea-pig", "chinchilla"):
        page = _html(split_site, f"cases/species/{species}")
        assert _case_ids(page, f"cases/species/{species}/") == {c["id"] for c in _cases() if c["species"] == species}
        names = [s["name"] for s in page.select("#kb-case-filter select")]
        assert names == ["tier", "outcome", "system", "service"]  # no species filter: they all share it
        filters = {s["data-pagefind-filter"] for s in page.select("[data-pagefind-filter]")}
        assert "type:Listing" in filters and any(f.startswith("species:") for f in filters)


def test_a_species_with_too_many_cases_lists_body_systems_each_with_its_page(split_site: Path) -> None:
    rats = [c for c in _cases() if c["species"] == "rat"]
    assert len(rats) > LIMITS["case_entries_on_one_page"]
    page = _html(split_site, "cases/species/rat")
    assert page.select_one("#kb-case-list") is None
    systems = {s["id"]: s["label"] for s in yaml.safe_load(
        (VALID / "content/triage/body-systems.yml").read_text("utf-8"))}
    used = [s for s in systems if any(c["body_system"] == s for c in rats)]
    assert _region_links(page, "cases/species/rat/") == [
        (systems[s], f"cases/species/rat/{s}/", f"({sum(c['body_system'] == s for c in rats)})") for s in used]
    for system in used:
        url = f"cases/species/rat/{system}/"
        listed = _html(split_site, url)
        assert _case_ids(listed, url) == {c["id"] for c in rats if c["body_system"] == system}
        assert [s["name"] for s in listed.select("#kb-case-filter select")] == ["tier", "outcome", "service"]
        assert {_resolve(url, a["href"]) for a in listed.select(".kb-page > p a")} == {"cases/species/rat/", "cases/"}


# ---- training --------------------------------------------------------------------------------------

def test_the_training_index_lists_pathways_and_each_pathway_page_its_modules(split_site: Path) -> None:
    modules = _yaml("content/training")
    assert len(modules) > LIMITS["training_modules_on_one_page"]
    index = _html(split_site, "training")
    assert not index.select(".kb-pathway")
    links = _region_links(index, "training/")
    audiences = [a for a in ("owner", "technician", "vet", "rescue-volunteer")
                 if any(a in m["audience"] for m in modules)]
    assert [(url, count) for _, url, count in links] == [
        (f"training/pathways/{a}/", f"({sum(a in m['audience'] for m in modules)} modules)") for a in audiences]
    assert index.select(".kb-sessions li") and index.select(".kb-placements li")  # still on the index
    for audience in audiences:
        url = f"training/pathways/{audience}/"
        page = _html(split_site, url)
        listed = {_resolve(url, a["href"]).split("/")[1] for a in page.select(".kb-pathway a")}
        assert listed == {m["id"] for m in modules if audience in m["audience"]}
        sessions = {_resolve(url, a["href"]).split("/")[1] for a in page.select(".kb-sessions a")}
        assert sessions <= listed


# ---- guides ----------------------------------------------------------------------------------------

def test_a_guide_with_too_many_cases_counts_them_and_links_to_its_cases_page(split_site: Path) -> None:
    cases = _cases()
    guides = {g: [c for c in cases if g in c["related"].get("problems", [])]
              for g in {p for c in cases for p in c["related"].get("problems", [])}}
    long = {g: of_g for g, of_g in guides.items() if len(of_g) > LIMITS["guide_cases_on_one_page"]}
    short = {g: of_g for g, of_g in guides.items() if g not in long}
    assert long and short
    for guide, of_guide in long.items():
        page = _html(split_site, f"triage/{guide}")
        section = page.select_one("section[aria-labelledby=cases]")
        link = section.select_one("a")
        assert _resolve(f"triage/{guide}/", link["href"]) == f"triage/{guide}/cases/"
        assert link.get_text() == f"{len(of_guide)} cases from the network"
        listed = _html(split_site, f"triage/{guide}/cases")
        ids = {_resolve(f"triage/{guide}/cases/", a["href"]).split("/")[1] for a in listed.select("section li a")}
        assert ids == {c["id"] for c in of_guide}
        assert listed.select_one("[data-pagefind-body]") is None  # the guide and the cases are searchable
    for guide, of_guide in short.items():
        section = _html(split_site, f"triage/{guide}").select_one("section[aria-labelledby=cases]")
        assert len(section.select("li")) == len(of_guide)
        assert not (split_site / "triage" / guide / "cases").exists()


# ---- every new page --------------------------------------------------------------------------------

NEW_PAGES = ("kit/regions/southhaven/", "kit/oxygen-cage/westmoor/", "cases/species/rat/",
             "cases/species/rat/urinary/", "training/pathways/vet/")


def test_the_new_pages_are_searchable_and_in_the_sitemap(split_site: Path) -> None:
    sitemap = (split_site / "sitemap.xml").read_text(encoding="utf-8")
    for url in NEW_PAGES + ("triage/breathing-difficulty/cases/",):
        assert f"<loc>http://127.0.0.1:8000/{url}</loc>" in sitemap, url
    for url in NEW_PAGES:
        assert _html(split_site, url).select_one("[data-pagefind-body]") is not None, url
    filters = {s["data-pagefind-filter"] for s in _html(split_site, "kit/oxygen-cage/westmoor").select(
        "[data-pagefind-filter]")}
    assert {"type:Kit", "region:Westmoor"} <= filters


def test_every_link_of_the_new_pages_resolves(split_site: Path) -> None:
    checked, broken = broken_links(split_site, ("kit", "cases", "training", "triage/breathing-difficulty/cases"))
    assert checked > 500
    assert broken == [], "\n".join(broken[:30])


def test_the_new_pages_are_valid_html(split_site: Path) -> None:
    for folder in ("kit", "cases/species", "training/pathways", "triage/breathing-difficulty"):
        ours = [describe(m, split_site) for m in vnu(split_site / folder) if excused(m) is None]
        assert ours == [], folder


def test_below_the_limits_nothing_is_split(tmp_path: Path) -> None:
    site = _build(make_tree(tmp_path), {})
    for folder in ("kit/regions", "cases/species", "training/pathways", "triage/breathing-difficulty/cases"):
        assert not (site / folder).exists(), folder
    assert len(_html(site, "kit").select("li.kb-kit")) == len(_kit())
    assert len(_html(site, "cases").select("#kb-case-list .kb-case")) == len(_cases())


@pytest.mark.browser
def test_the_case_filters_work_on_a_species_page(split_site: Path, page: Page) -> None:
    with serving(split_site) as origin:
        page.goto(origin + "cases/species/rat/respiratory/")
        expect(page.locator("#kb-case-status")).to_have_text("2 cases.")
        page.select_option("#cf-outcome", "died")
        expect(page.locator("#kb-case-status")).to_have_text(re.compile(r"^No case matches Died\."))
        expect(page.locator("#kb-case-list .kb-case:visible")).to_have_count(0)
        assert page.url.endswith("?outcome=died")
        page.click("#kb-case-clear")
        expect(page.locator("#kb-case-list .kb-case:visible")).to_have_count(2)
