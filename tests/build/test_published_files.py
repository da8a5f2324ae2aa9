"""Only what the site needs is published from theme/ (issue 16): its assets, never the `kb new`
templates (/new/*.yml) or the Jinja sources of generated files (sw.js, the Atom feeds) unrendered."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.host.offline import VERSION_LATER, _version
from tests.helpers import REPO

JINJA = re.compile(r"\{\{|\{%-?\s")
# Pagefind's and Material's own scripts
UPSTREAM = ("pagefind/", "pagefind-clinics/", "pagefind-network/", "assets/javascripts/")


def test_theme_sources_are_not_published(fixture_site: Path) -> None:
    assert not (fixture_site / "new").exists()
    assert not (fixture_site / "kb").exists()
    for path in (REPO / "theme").rglob("*"):
        if path.is_file() and path.relative_to(REPO / "theme").parts[0] != "assets":
            name = path.relative_to(REPO / "theme").as_posix()
            assert not (fixture_site / name).exists() or name in ("main.html",), name


def test_theme_assets_are_published(fixture_site: Path) -> None:
    for path in (REPO / "theme/assets").iterdir():
        assert (fixture_site / "assets" / path.name).is_file(), path.name


def test_no_published_file_carries_unrendered_jinja(fixture_site: Path) -> None:
    suspects = [p for p in fixture_site.rglob("*") if p.is_file() and p.suffix in (".js", ".xml", ".css", ".json",
                                                                                    ".webmanifest", ".yml", ".txt")
                and not p.relative_to(fixture_site).as_posix().startswith(UPSTREAM)]
    assert suspects
    assert [p.relative_to(fixture_site).as_posix() for p in suspects
            if JINJA.search(p.read_text(encoding="utf-8", errors="replace"))] == []


def test_the_service_worker_has_the_version_of_the_site_it_was_built_with(fixture_site: Path) -> None:
    """`kb build` fills in sw.js's cache version beside Pagefind (generator/host/build.py): the version
    is the hash of the finished site, as if written at once, and nothing is left to fill in."""
    worker = (fixture_site / "sw.js").read_text(encoding="utf-8")
    assert VERSION_LATER not in worker
    assert f"const VERSION = {json.dumps(_version(fixture_site))};" in worker
