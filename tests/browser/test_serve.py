"""`kb serve` on a copy of the demo network: an edited organisation file is rebuilt and the open page
reloads by itself; a broken edit is reported precisely, and every page (the open one included) shows
the last version without errors under a banner listing them, instead of mkdocs' server holding every
request until a build succeeds; the search index is rebuilt in the background.
(How fast this happens is measured in benchmarks/reload.py.)"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from benchmarks.reload import ORGANISATION, edit_summary, free_port, wait_for_text, wait_until_served
from benchmarks.synthetic import copy_demo_tree

pytestmark = pytest.mark.browser


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path, subprocess.Popen]]:
    tree = tmp_path / "network"
    copy_demo_tree(tree)
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=tree, stdout=output, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}/"
            wait_until_served(url + f"organisations/{ORGANISATION}/", server)
            yield tree, url, log, server
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_an_edited_organisation_reloads_in_the_open_page(served, page: Page) -> None:
    tree, url, log, server = served
    source = tree / "directory/organisations" / f"{ORGANISATION}.yml"
    page.goto(url + f"organisations/{ORGANISATION}/")
    assert "reloadcheck1" not in page.inner_text("body")

    edit_summary(source, "reloadcheck1")
    wait_for_text(page, "reloadcheck1")  # no navigation by the test: live reload did it

    # a broken edit: the error names file, line and field; the open page is left as it was
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("kind: emergency-hospital", "kind: emergency-hospitl"), encoding="utf-8")
    deadline = time.monotonic() + 60
    while "emergency-hospitl" not in log.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.2)
    output = log.read_text(encoding="utf-8")
    assert f"directory/organisations/{ORGANISATION}.yml:5:7: error: kind:" in output
    assert "Traceback" not in output
    assert "reloadcheck1" in page.inner_text("body")  # the last good version stays
    assert f"kb: serving on {url} " in output  # the address to open, once it is served

    # any page answers at once: the last good version, with the errors to fix on top
    started = time.monotonic()
    page.goto(url + "directory/", timeout=20_000)
    banner = page.locator(".kb-serve-errors")
    banner.wait_for(timeout=20_000)
    assert time.monotonic() - started < 20
    assert f"directory/organisations/{ORGANISATION}.yml:5:7: error: kind:" in banner.inner_text()
    page.goto(url + f"organisations/{ORGANISATION}/")

    # fixed again: the page comes back with the next edit, and search is rebuilt behind it
    source.write_text(good, encoding="utf-8")
    edit_summary(source, "reloadcheck2")
    wait_for_text(page, "reloadcheck2")
    assert page.locator(".kb-serve-errors").count() == 0
    # the index appears whole once built; organisations are in the network bundle, searched on request
    wait_until_served(url + "pagefind-network/pagefind-entry.json", server)
    page.goto(url + "search/?q=reloadcheck2&all=1")
    page.locator("#kb-search-results li a").first.wait_for(timeout=60_000)
    assert "Saltwick" in page.locator("#kb-search-results").inner_text()


REGISTRATIONS = "navigator.serviceWorker.getRegistrations().then((found) => found.length)"


def test_the_preview_keeps_no_offline_copy_and_reloads_edit_after_edit(served, page: Page) -> None:
    """The built site's service worker stores pages; in the preview it made the live reload hang now
    and then (the reloaded page never arrived, about one edit in five). The preview registers none, and
    its sw.js removes a worker and the stored copies an earlier visit left at the same address."""
    tree, url, _, _ = served
    source = tree / "directory/organisations" / f"{ORGANISATION}.yml"
    page.goto(url + f"organisations/{ORGANISATION}/")
    assert page.locator("script[src$='assets/offline.js']").count() == 0
    assert page.evaluate(REGISTRATIONS) == 0

    # an earlier visit's worker and its copies: replaced by the preview's sw.js, which then goes
    page.evaluate("caches.open('kb-old').then((cache) => cache.put('/stale', new Response('old')))")
    page.evaluate("navigator.serviceWorker.register('/sw.js').then(() => true)")
    deadline = time.monotonic() + 20
    while (page.evaluate(REGISTRATIONS) or "kb-old" in page.evaluate("caches.keys()")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert page.evaluate(REGISTRATIONS) == 0
    assert page.evaluate("caches.keys()") == []

    for number in range(6):  # one edit after another, each shown without the test navigating
        time.sleep(1)
        edit_summary(source, f"again{number}")
        wait_for_text(page, f"again{number}", timeout=30)
