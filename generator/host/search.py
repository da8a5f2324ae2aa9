"""Build the Pagefind index for a built site and check that it covers every indexable page.

Pagefind runs as its command-line tool (the binary inside the `pagefind[bin]` wheel, started with
`python -m pagefind`): one process, no event loop of ours, and its own error output on failure.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

INDEX_DIR = "pagefind"
TIMEOUT_SECONDS = 600


class SearchIndexError(RuntimeError):
    """The index is missing or covers fewer pages than the site marks as searchable."""


def build_index(site_dir: Path) -> int:
    """Index ``site_dir`` in place (replacing any old index) and return the number of pages indexed."""
    # Pagefind writes into a fresh folder that then replaces the old index in one rename: it never
    # removes stale files itself, and a browser (kb serve) must never see a half-written index
    output, fresh = site_dir / INDEX_DIR, site_dir / f".{INDEX_DIR}-new"
    shutil.rmtree(fresh, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", fresh.name,
               "--force-language", "en"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"Pagefind could not run: {exc}") from None
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        tail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise SearchIndexError("Pagefind failed: " + " / ".join(tail))
    shutil.rmtree(output, ignore_errors=True)
    fresh.rename(output)
    return indexed_pages(output)


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
    """Index the built site and check the index covers the ``expected`` searchable pages."""
    try:
        indexed = build_index(site_dir)
    except SearchIndexError:
        raise
    except Exception as exc:  # the Pagefind tool failing is a build failure, not a traceback
        raise SearchIndexError(f"search indexing failed: {exc}") from None
    verify_index(site_dir, indexed, expected)
