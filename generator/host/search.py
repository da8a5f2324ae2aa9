"""Build the Pagefind indexes for a built site and check that they cover every indexable page.

Three bundles, so that an owner's first search stays the same size however large the network grows:
- ``pagefind/``: guidance (Get help, triage, first aid, referral) and the home and about pages. It
  is what the search page queries first, and its index is cut into small chunks, so a question of a
  few words downloads a few small files.
- ``pagefind-clinics/``: the organisations' pages, and ``pagefind-network/``: everything else that
  grows with the network (regions, species and service lists, cases, training, kit, volunteers,
  metrics). The search page merges both into the search only when someone asks for clinics, cases
  and training, or opens the filters. They are two runs because Pagefind's memory follows the words
  it indexes: one run over both took 1.5 GB at 10,000 organisations, each of the two about half.

Pagefind runs as its command-line tool (the binary inside the `pagefind[bin]` wheel, started with
`python -m pagefind`): one process per bundle, no event loop of ours, and its own error output.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

TIMEOUT_SECONDS = 600
# Top-level sections of the guidance bundle (plus the home page, index.html at the root)
GUIDANCE_SECTIONS = ("get-help", "triage", "first-aid", "referral", "about")
# Pagefind's chunk size is counted in word positions (default 20,000, about 26 KB compressed). A
# question of four words loads up to four chunks, so the guidance bundle uses chunks a quarter of
# that size. The setting is Pagefind's own (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, Pagefind 1.5);
# tests/unit/host/test_search_index.py fails if an upgrade stops honouring it.
GUIDANCE_CHUNK_POSITIONS = 5000


@dataclass(frozen=True)
class Bundle:
    folder: str  # the bundle's folder in the site
    chunk_positions: int | None = None  # None: Pagefind's default


GUIDANCE = Bundle("pagefind", GUIDANCE_CHUNK_POSITIONS)
CLINICS = Bundle("pagefind-clinics")
NETWORK = Bundle("pagefind-network")
BUNDLES = (GUIDANCE, CLINICS, NETWORK)
NETWORK_BUNDLES = (CLINICS, NETWORK)  # merged in when the reader asks (theme/kb/search.html)
INDEX_DIR = GUIDANCE.folder  # the bundle the search page loads first
CLINICS_SECTIONS = ("organisations",)


class SearchIndexError(RuntimeError):
    """An index is missing or the indexes cover fewer pages than the site marks as searchable."""


def guidance_glob() -> str:
    return "{" + ",".join(["index.html", *(f"{section}/**/*.html" for section in GUIDANCE_SECTIONS)]) + "}"


def clinics_glob() -> str:
    return "{" + ",".join(f"{section}/**/*.html" for section in CLINICS_SECTIONS) + "}"


def network_glob(site_dir: Path) -> str | None:
    """Every other top-level folder of the built site (found, not listed, so a new section is never
    left out of search); None when there is none."""
    skip = {*GUIDANCE_SECTIONS, *CLINICS_SECTIONS, *(bundle.folder for bundle in BUNDLES)}
    folders = sorted(p.name for p in site_dir.iterdir()
                     if p.is_dir() and not p.name.startswith(".") and p.name not in skip)
    if not folders:
        return None
    return "{" + ",".join(f"{folder}/**/*.html" for folder in folders) + "}"


def _run_pagefind(site_dir: Path, bundle: Bundle, glob: str) -> int:
    """Index the pages matching ``glob`` into ``bundle`` (replacing any old copy) and return the number
    of pages indexed."""
    # Pagefind writes into a fresh folder that then replaces the old bundle in one rename: it never
    # removes stale files itself, and a browser (kb serve) must never see a half-written index
    output, fresh = site_dir / bundle.folder, site_dir / f".{bundle.folder}-new"
    shutil.rmtree(fresh, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", fresh.name,
               "--force-language", "en", "--glob", glob]
    env = dict(os.environ)
    if bundle.chunk_positions:
        env["PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"] = str(bundle.chunk_positions)
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False,
                                env=env)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"Pagefind could not run: {exc}") from None
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        tail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise SearchIndexError("Pagefind failed: " + " / ".join(tail))
    shutil.rmtree(output, ignore_errors=True)
    fresh.rename(output)
    return indexed_pages(output)


def build_index(site_dir: Path) -> int:
    """Index ``site_dir`` in place into every bundle and return the number of pages indexed (a
    bundle with no page to index is not written)."""
    indexed = 0
    for bundle, glob in ((GUIDANCE, guidance_glob()), (CLINICS, clinics_glob()), (NETWORK, network_glob(site_dir))):
        if glob and any(next(site_dir.glob(part), None) for part in glob.strip("{}").split(",")):
            indexed += _run_pagefind(site_dir, bundle, glob)
        else:
            shutil.rmtree(site_dir / bundle.folder, ignore_errors=True)
    return indexed


def indexed_pages(index_dir: Path) -> int:
    """Pages actually in the index, as Pagefind recorded them (pages without data-pagefind-body
    are read but not indexed, so the number of pages read would overstate coverage)."""
    entry = index_dir / "pagefind-entry.json"
    if not entry.is_file():
        return 0
    try:
        languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    except (json.JSONDecodeError, AttributeError) as exc:
        raise SearchIndexError(f"the search index entry file is not valid JSON: {exc}") from None
    return sum(int(language.get("page_count", 0)) for language in languages.values())


def verify_index(site_dir: Path, indexed: int, expected: int) -> None:
    if not (site_dir / INDEX_DIR / "pagefind.js").is_file():
        raise SearchIndexError(f"the search index is missing: {site_dir / INDEX_DIR}/pagefind.js was not written")
    if indexed < expected:
        raise SearchIndexError(f"the search index covers {indexed} page(s) but {expected} page(s) were built "
                               "for search; check that the templates keep data-pagefind-body")


def index_site(site_dir: Path, expected: int) -> None:
    """Index the built site and check the indexes cover the ``expected`` searchable pages."""
    try:
        indexed = build_index(site_dir)
    except SearchIndexError:
        raise
    except Exception as exc:  # the Pagefind tool failing is a build failure, not a traceback
        raise SearchIndexError(f"search indexing failed: {exc}") from None
    verify_index(site_dir, indexed, expected)
