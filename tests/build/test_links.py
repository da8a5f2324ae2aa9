"""Every internal link and anchor in the built demo site resolves."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

EXTERNAL = ("http:", "https:", "mailto:", "tel:", "geo:", "data:", "javascript:")


def _target(site: Path, page: Path, href: str) -> tuple[Path, str]:
    parts = urlsplit(href)
    path = unquote(parts.path)
    base = page.parent
    resolved = (site / path.lstrip("/")) if path.startswith("/") else (base / path if path else page)
    resolved = resolved.resolve()
    if resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved, parts.fragment


@cache
def _ids(path: Path) -> frozenset[str]:
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset(el["id"] for el in html.select("[id]")) | frozenset(a["name"] for a in html.select("a[name]"))


def broken_links(site: Path, folders: tuple[str, ...] = ("",)) -> tuple[int, list[str]]:
    """How many internal links and anchors the pages under ``folders`` of the site hold (all pages by
    default), and those that do not resolve."""
    site = site.resolve()
    broken: list[str] = []
    checked = 0
    for page in sorted(p for folder in folders for p in (site / folder).rglob("*.html")):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in html.find_all(tag):
                value = element.get(attr)
                if not value or value.startswith(EXTERNAL) or value.startswith("#") and tag != "a":
                    continue
                target, fragment = _target(site, page, value)
                checked += 1
                where = f"{page.relative_to(site)} → {value}"
                if not target.is_file():
                    missing = target.relative_to(site) if target.is_relative_to(site) else target
                    broken.append(f"{where} (missing {missing})")
                elif fragment and target.suffix == ".html" and fragment not in _ids(target):
                    broken.append(f"{where} (no #{fragment})")
    return checked, broken


def test_every_internal_link_and_anchor_resolves(demo_site: Path) -> None:
    checked, broken = broken_links(demo_site)
    assert checked > 5000
    assert broken == [], "\n".join(broken[:30])
