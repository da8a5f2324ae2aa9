"""Material's navigation is rendered once per folder for pages outside it (generator/host/nav_cache.py):
every page must still get the navigation it would have had on its own, with links from its own
folder and the current page marked only where the page is in the navigation."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def _nav(site: Path, url: str) -> BeautifulSoup:
    html = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    return html.select_one(".md-sidebar--primary nav")


def _links(nav: BeautifulSoup) -> dict[str, str]:
    return {a.get_text(" ", strip=True): a["href"] for a in nav.select("a.md-nav__link")}


def test_links_are_relative_to_each_pages_own_folder(demo_site: Path) -> None:
    for url, up in (("about", "../"), ("triage", "../"),
                    ("organisations/" + _first(demo_site, "organisations"), "../../"),
                    ("regions/" + _first(demo_site, "regions"), "../../"),
                    ("first-aid/species/" + _first(demo_site, "first-aid/species"), "../../../")):
        links = _links(_nav(demo_site, url))
        assert links["Get help now"] == (up + "get-help/" if url != "get-help" else "./"), url
        for href in links.values():
            target = (demo_site / url / href).resolve()
            assert (target / "index.html").is_file() or target.is_file(), (url, href)


def test_only_a_page_in_the_navigation_is_marked_current(demo_site: Path) -> None:
    triage = _nav(demo_site, "triage")
    assert [a.get_text(" ", strip=True) for a in triage.select("a.md-nav__link--active")] == ["Triage"]
    for folder in ("organisations", "regions"):
        pages = sorted(p.parent.name for p in (demo_site / folder).glob("*/index.html"))
        assert len(pages) > 2
        navs = {str(_nav(demo_site, f"{folder}/{name}")) for name in pages}
        assert len(navs) == 1, f"pages in {folder}/ should share one navigation"
        assert "md-nav__link--active" not in navs.pop()
    # the folder's own index page is in the navigation and keeps its mark
    regions = _nav(demo_site, "regions")
    assert [a.get_text(" ", strip=True) for a in regions.select("a.md-nav__link--active")] == ["Regions"]


def _first(site: Path, folder: str) -> str:
    return sorted(p.parent.name for p in (site / folder).glob("*/index.html"))[0]
