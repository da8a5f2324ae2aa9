"""The build fails when the Pagefind index is missing or covers fewer pages than were built."""

from pathlib import Path

import pytest

from generator.host.search import SearchIndexError, build_index, verify_index


def _site(tmp_path: Path, pages: int, marked: int) -> Path:
    for i in range(pages):
        body = "data-pagefind-body" if i < marked else "data-other"
        (tmp_path / f"p{i}").mkdir()
        (tmp_path / f"p{i}/index.html").write_text(
            f"<!doctype html><html lang='en'><head><title>P{i}</title></head>"
            f"<body><main {body}><h1>Page {i}</h1><p>hamster guinea pig {i}</p></main></body></html>")
    return tmp_path


def test_index_counts_only_marked_pages(tmp_path: Path) -> None:
    site = _site(tmp_path, pages=5, marked=3)
    assert build_index(site) == 3
    verify_index(site, 3, expected=3)
    with pytest.raises(SearchIndexError, match="covers 3 page"):
        verify_index(site, 3, expected=5)


def test_missing_index_fails(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="missing"):
        verify_index(_site(tmp_path, pages=1, marked=1), 1, expected=1)


def test_stale_index_files_are_removed(tmp_path: Path) -> None:
    site = _site(tmp_path, pages=2, marked=2)
    (site / "pagefind").mkdir()
    (site / "pagefind/stale-fragment.pf_fragment").write_text("old")
    build_index(site)
    assert not (site / "pagefind/stale-fragment.pf_fragment").exists()
