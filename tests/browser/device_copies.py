"""What the service worker (theme/kb/sw.js) keeps on the device, read and changed from a test: the
addresses it stored, when it stored one (its x-kb-stored stamp), and a stamp set to a chosen moment so
that a page can be made to read data of a known age. The caches can only be read asynchronously, so
waits are polled from here: page.wait_for_function takes an async predicate's promise for true at once."""

from __future__ import annotations

import json
import time

from playwright.sync_api import Page

# the paths of every address stored, in the worker's one cache
STORED = """async () => { const names = await caches.keys(); if (!names.length) return [];
    const cache = await caches.open(names[0]);
    return (await cache.keys()).map(r => new URL(r.url).pathname); }"""

# when the worker stored its copy of a URL (its x-kb-stored header)
STORED_AT = """async (url) => { const cache = await caches.open((await caches.keys())[0]);
    return (await cache.match(url)).headers.get('x-kb-stored'); }"""

_RESTAMP = """async ([url, stamp]) => { const cache = await caches.open((await caches.keys())[0]);
    const copy = await cache.match(url);
    if (!copy) throw new Error('not stored: ' + url);
    const headers = new Headers(copy.headers);
    headers.set('x-kb-stored', stamp);
    await cache.put(url, new Response(await copy.blob(), { status: copy.status, headers })); }"""


def until(page: Page, predicate: str, timeout_s: float = 60) -> None:
    """Until an async predicate evaluated in the page is true."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(predicate):
        assert time.monotonic() < deadline, f"still false after {timeout_s} s: {predicate}"
        page.wait_for_timeout(250)


def stored_paths(page: Page) -> list[str]:
    return page.evaluate(STORED)


def until_stored(page: Page, paths: set[str]) -> None:
    """Until every one of ``paths`` is stored (the worker stores one address after another)."""
    until(page, f"async () => {{ const have = await ({STORED})(); "
                f"return {json.dumps(sorted(paths))}.every(p => have.includes(p)); }}")


def restamp(page: Page, url: str, stamp: str) -> None:
    """Make the stored copy of ``url`` say it was stored at ``stamp`` (ISO 8601)."""
    page.evaluate(_RESTAMP, [url, stamp])
