"""Relative links between pages: the fast path gives exactly what posixpath.relpath would."""

from __future__ import annotations

import itertools
import posixpath

from generator.site.render import relative_url

PAGES = ["", "directory/", "organisations/a/", "organisations/a/changes/", "regions/b/", "triage/tiers/x/",
         "triage/", "assets/kb.css", "directory/finder/index.json", "organisations/ab/", "search/?q=a#b"]


def reference(from_url: str, to_url: str) -> str:
    rel = posixpath.relpath("/" + to_url, "/" + from_url)
    if rel == ".":
        return "./"
    return rel + "/" if to_url in ("", "/") or to_url.endswith("/") else rel


def test_matches_posixpath_for_every_pair() -> None:
    pages = [p for p in PAGES if p == "" or p.endswith("/")]
    for here, there in itertools.product(pages, PAGES):
        assert relative_url(here, there) == reference(here, there), (here, there)


def test_examples() -> None:
    assert relative_url("organisations/a/", "regions/b/") == "../../regions/b/"
    assert relative_url("organisations/a/", "organisations/a/") == "./"
    assert relative_url("", "assets/kb.css") == "assets/kb.css"
    assert relative_url("triage/tiers/x/", "") == "../../../"
