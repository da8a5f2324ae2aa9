"""The build fails when the Pagefind indexes are missing or cover fewer pages than were built; the
guidance bundle is kept in small chunks so an owner's first search stays small."""

import gzip
import json
from pathlib import Path

import pytest

from generator.host.search import BUNDLES, CLINICS, GUIDANCE, NETWORK, SearchIndexError, build_index, verify_index


def _page(path: Path, title: str, marked: bool, words: str = "hamster guinea pig") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "data-pagefind-body" if marked else "data-other"
    path.write_text(f"<!doctype html><html lang='en'><head><title>{title}</title></head>"
                    f"<body><main {body}><h1>{title}</h1><p>{words}</p></main></body></html>")


def _site(tmp_path: Path, pages: int, marked: int) -> Path:
    """A home page and ``pages`` guides (guidance bundle), as many organisations (clinics bundle) and
    as many cases (network bundle), the first ``marked`` of each marked for search."""
    _page(tmp_path / "index.html", "Home", True)
    for i in range(pages):
        _page(tmp_path / f"triage/g{i}/index.html", f"Guide {i}", i < marked)
        _page(tmp_path / f"organisations/o{i}/index.html", f"Clinic {i}", i < marked)
        _page(tmp_path / f"cases/c{i}/index.html", f"Case {i}", i < marked)
    return tmp_path


def test_index_counts_only_marked_pages_in_every_bundle(tmp_path: Path) -> None:
    site = _site(tmp_path, pages=5, marked=3)
    assert build_index(site) == 1 + 3 + 3 + 3
    verify_index(site, 10, expected=10)
    with pytest.raises(SearchIndexError, match="covers 10 page"):
        verify_index(site, 10, expected=12)
    entries = {b.folder: json.loads((site / b.folder / "pagefind-entry.json").read_text()) for b in BUNDLES}
    assert [sum(lang["page_count"] for lang in e["languages"].values()) for e in entries.values()] == [4, 3, 3]
    # organisations only in the clinics bundle, cases only in the network bundle
    fragments = {b.folder: " ".join(gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
                                    for f in (site / b.folder / "fragment").glob("*.pf_fragment")) for b in BUNDLES}
    assert "Clinic 0" in fragments[CLINICS.folder] and "Case 0" not in fragments[CLINICS.folder]
    assert "Case 0" in fragments[NETWORK.folder] and "Clinic 0" not in fragments[NETWORK.folder]


def test_a_site_without_organisations_has_no_clinics_bundle(tmp_path: Path) -> None:
    """Pagefind refuses to index nothing: a bundle with no pages is left out, not a failed build."""
    _page(tmp_path / "index.html", "Home", True)
    _page(tmp_path / "cases/c0/index.html", "Case 0", True)
    (tmp_path / CLINICS.folder).mkdir()  # from an earlier build
    assert build_index(tmp_path) == 2
    assert not (tmp_path / CLINICS.folder).exists()
    assert (tmp_path / NETWORK.folder / "pagefind-entry.json").is_file()


def test_missing_index_fails(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="missing"):
        verify_index(_site(tmp_path, pages=1, marked=1), 1, expected=1)


def test_stale_index_files_are_removed(tmp_path: Path) -> None:
    site = _site(tmp_path, pages=2, marked=2)
    for bundle in BUNDLES:
        (site / bundle.folder).mkdir()
        (site / bundle.folder / "stale-fragment.pf_fragment").write_text("old")
    build_index(site)
    for bundle in BUNDLES:
        assert not (site / bundle.folder / "stale-fragment.pf_fragment").exists()


def test_guidance_chunks_stay_small(tmp_path: Path) -> None:
    """The guidance bundle's chunk size is Pagefind's PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: if an upgrade
    stopped honouring it, a four-word question would load four chunks of Pagefind's default size."""
    words = " ".join(f"word{n}" for n in range(400))
    _page(tmp_path / "index.html", "Home", True)
    for i in range(60):
        _page(tmp_path / f"triage/g{i}/index.html", f"Guide {i}", True, words)
        _page(tmp_path / f"cases/c{i}/index.html", f"Case {i}", True, words)
    build_index(tmp_path)

    def size(chunk: Path) -> int:
        return len(gzip.decompress(chunk.read_bytes()))

    guidance = list((tmp_path / GUIDANCE.folder / "index").glob("*.pf_index"))
    network = list((tmp_path / NETWORK.folder / "index").glob("*.pf_index"))
    # the same words in each bundle: a quarter of Pagefind's default chunk size, four times the chunks
    assert len(guidance) >= 3 * len(network) >= 6
    assert max(size(c) for c in guidance) < max(size(c) for c in network) / 2
