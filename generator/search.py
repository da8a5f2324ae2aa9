"""Build the Pagefind index for a built site and check that it covers every indexable page."""

from __future__ import annotations

import asyncio
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

INDEX_DIR = "pagefind"


class SearchIndexError(RuntimeError):
    """The index is missing or covers fewer pages than the site marks as searchable."""


def build_index(site_dir: Path) -> int:
    """Index ``site_dir`` in place (replacing any old index) and return the number of pages indexed."""
    output = site_dir / INDEX_DIR
    shutil.rmtree(output, ignore_errors=True)  # Pagefind never removes stale files itself

    async def run() -> int:
        config = IndexConfig(force_language="en", output_path=str(output))
        async with PagefindIndex(config=config) as index:
            await index.add_directory(str(site_dir))
            await index.write_files()
            return indexed_pages(output)

    # A thread of its own: the caller may already run an event loop (Playwright, a server).
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, run()).result()


def indexed_pages(index_dir: Path) -> int:
    """Pages actually in the index. (add_directory counts every page it read, marked or not.)"""
    entry = index_dir / "pagefind-entry.json"
    if not entry.is_file():
        return 0
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    return sum(int(language.get("page_count", 0)) for language in languages.values())


def verify_index(site_dir: Path, indexed: int, expected: int) -> None:
    if not (site_dir / INDEX_DIR / "pagefind.js").is_file():
        raise SearchIndexError(f"the search index is missing: {site_dir / INDEX_DIR}/pagefind.js was not written")
    if indexed < expected:
        raise SearchIndexError(f"the search index covers {indexed} page(s) but {expected} page(s) were built "
                               "for search; check that the templates keep data-pagefind-body")
