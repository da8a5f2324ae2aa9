"""Offline use: the service worker stores the emergency pages on the first visit and serves them
with a notice when there is no network; the manifest makes the site installable."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from benchmarks.serve import serving

pytestmark = pytest.mark.browser


def wait_until_stored(page: Page) -> None:
    """Until the worker has stored the pages and controls this page (so it answers navigations)."""
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
    page.wait_for_function("""async () => {
        const names = await caches.keys();
        if (!names.length) return false;
        const cache = await caches.open(names[0]);
        return !!(await cache.match('referral/form/')) && !!(await cache.match('triage/gut-stasis/'));
    }""", timeout=60_000)


def test_guides_and_the_referral_form_work_offline(context: BrowserContext, page: Page, demo_url: str) -> None:
    page.goto(demo_url + "get-help/")
    wait_until_stored(page)
    page.goto(demo_url + "organisations/saltwick-veterinary-hospital/")  # a directory page, stored as viewed
    context.set_offline(True)

    page.goto(demo_url + "triage/gut-stasis/")
    expect(page.locator(".kb-offline")).to_contain_text("offline copy from")
    expect(page.locator("article h1")).to_have_text("Not eating or no droppings (gut stasis)")
    expect(page.locator("link[href$='kb.css']")).to_have_count(1)
    assert page.evaluate("getComputedStyle(document.querySelector('.kb-bar')).display") != "inline"  # styled

    page.goto(demo_url + "referral/form/")
    expect(page.locator(".kb-offline")).to_contain_text("offline copy from")
    page.fill("#rf-from_clinic", "Offline Vets")  # the form still works: its script was stored too
    page.click("#rf-make")
    expect(page.locator("#rf-errors")).to_be_visible()

    page.goto(demo_url + "organisations/saltwick-veterinary-hospital/")
    expect(page.locator(".kb-offline")).to_be_visible()

    page.goto(demo_url + "kit/incubator/")  # never visited: the offline page explains
    expect(page.locator(".kb-offline")).to_be_visible()
    expect(page.locator("body")).to_contain_text("this page was not stored on this device")
    context.set_offline(False)


def test_a_new_deploy_replaces_old_caches(page: Page, demo_site: Path, tmp_path: Path) -> None:
    # a copy of its own, served at its own address: the session's demo site is shared and never changed
    site = shutil.copytree(demo_site, tmp_path / "site")
    with serving(site, compress=False) as url:
        page.goto(url + "get-help/")
        wait_until_stored(page)
        worker = site / "sw.js"
        original = worker.read_text()
        version = json.loads(original.split("const VERSION = ", 1)[1].split(";", 1)[0])
        assert page.evaluate("caches.keys()") == [f"kb-{version}"]
        # deploy a new build: only the version differs
        worker.write_text(original.replace(json.dumps(version), json.dumps("a-new-deploy"), 1))
        page.evaluate("async () => { const r = await navigator.serviceWorker.getRegistration(); await r.update(); }")
        page.wait_for_function("async () => JSON.stringify(await caches.keys()) === '[\"kb-a-new-deploy\"]'",
                               timeout=60_000)


def test_manifest_makes_the_site_installable(demo_site: Path) -> None:
    manifest = json.loads((demo_site / "site.webmanifest").read_text())
    assert manifest["display"] == "standalone" and manifest["start_url"] == "./get-help/"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}  # the loop below is not empty
    for icon in manifest["icons"]:
        data = (demo_site / icon["src"]).read_bytes()
        assert data.startswith(b"\x89PNG")
        width = int.from_bytes(data[16:20], "big")
        assert f"{width}x{width}" == icon["sizes"]
