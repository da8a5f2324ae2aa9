"""Offline use: the service worker stores the emergency pages on the first visit and serves them
with a notice when there is no network; a page that is not stored gets the offline page, styled and
with links only to stored pages, at any depth and under a project path; opening Get help stores the
owner's region and the clinics it shows, so the region page, those clinics, the call bar and the
finder answer offline; the manifest makes the site installable."""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from benchmarks.serve import QuietHandler, QuietServer, serving
from generator.kinds.organisations.views import in_region
from tests.browser.device_copies import STORED, STORED_AT, restamp, stored_paths, until, until_stored

pytestmark = pytest.mark.browser


def wait_until_controlled(page: Page) -> None:
    """Until the worker is installed and controls this page (so it answers its requests)."""
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)


def wait_until_stored(page: Page) -> None:
    """Until the worker has stored the pages and controls this page (so it answers navigations)."""
    wait_until_controlled(page)
    until(page, """async () => {
        const names = await caches.keys();
        if (!names.length) return false;
        const cache = await caches.open(names[0]);
        const scope = (await navigator.serviceWorker.ready).scope;  // the worker stores these under its scope
        return !!(await cache.match(new URL('referral/form/', scope).href)) &&
          !!(await cache.match(new URL('triage/gut-stasis/', scope).href));
    }""")


def test_guides_and_the_referral_form_work_offline(context: BrowserContext, page: Page, demo_url: str) -> None:
    page.goto(demo_url + "get-help/")
    wait_until_stored(page)
    page.goto(demo_url + "organisations/saltwick-veterinary-hospital/")  # a directory page, stored as viewed
    # stored beside the page, not before it is shown: offline once the copy is there
    until(page, f"async () => (await ({STORED})()).includes('/organisations/saltwick-veterinary-hospital/')")
    context.set_offline(True)

    page.goto(demo_url + "triage/gut-stasis/")
    expect(page.locator(".kb-offline")).to_contain_text("offline copy from")
    expect(page.locator("article h1")).to_have_text("Not eating or no droppings (gut stasis)")
    expect(page.locator("link[href$='kb.css']")).to_have_count(1)
    assert page.evaluate("getComputedStyle(document.querySelector('.kb-bar')).display") != "inline"  # styled

    page.goto(demo_url + "referral/")  # a clinician with no signal: the protocol and the clinics' lines
    expect(page.locator(".kb-offline")).to_contain_text("offline copy from")
    expect(page.locator("#receivers ~ ul.kb-orgs a[href^='tel:']").first).to_be_visible()

    page.goto(demo_url + "referral/form/")
    expect(page.locator(".kb-offline")).to_contain_text("offline copy from")
    page.fill("#rf-from_clinic", "Offline Vets")  # the form still works: its script was stored too
    page.click("#rf-make")
    expect(page.locator("#rf-errors")).to_be_visible()

    page.goto(demo_url + "organisations/saltwick-veterinary-hospital/")
    expect(page.locator(".kb-offline")).to_be_visible()

    page.goto(demo_url + "triage/gut-stasis")  # typed without its '/': the stored page, at its own address
    assert page.url == demo_url + "triage/gut-stasis/"
    expect(page.locator(".kb-offline")).to_contain_text("offline copy from")

    page.goto(demo_url + "kit/incubator/")  # never visited: the offline page explains
    expect(page.locator("h1")).to_have_text("You are offline")
    expect(page.locator("main")).to_contain_text("This page is not stored on this device")
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
        until(page, "async () => JSON.stringify(await caches.keys()) === '[\"kb-a-new-deploy\"]'")


def test_manifest_makes_the_site_installable(demo_site: Path) -> None:
    manifest = json.loads((demo_site / "site.webmanifest").read_text())
    assert manifest["display"] == "standalone" and manifest["start_url"] == "./get-help/"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}  # the loop below is not empty
    for icon in manifest["icons"]:
        data = (demo_site / icon["src"]).read_bytes()
        assert data.startswith(b"\x89PNG")
        width = int.from_bytes(data[16:20], "big")
        assert f"{width}x{width}" == icon["sizes"]


def offline_page_links(page: Page) -> list[str]:
    expect(page.locator("h1")).to_have_text("You are offline")
    # styled at any depth: the small stylesheet is applied (the header's green, not a bare page)
    assert page.evaluate("getComputedStyle(document.querySelector('.gh-header')).backgroundColor") == "rgb(0, 61, 52)"
    return page.locator("a").evaluate_all("els => [...new Set(els.map(a => a.href))]")


def follow_every_link_offline(page: Page, links: list[str]) -> None:
    for link in links:
        page.goto(link)
        expect(page.locator("h1").first).not_to_have_text("You are offline")
        expect(page.locator(".kb-offline").first).to_contain_text("offline copy from")


@pytest.mark.parametrize("path", ["regions/westmoor/", "organisations/pebblesham-vets/", "kit/oxygen-cage/",
                                  "training/oxygen-therapy-for-rodents/extra/"])
def test_every_link_on_the_offline_page_leads_to_a_stored_page(context: BrowserContext, page: Page, demo_url: str,
                                                              path: str) -> None:
    page.goto(demo_url + "get-help/")
    wait_until_stored(page)
    context.set_offline(True)
    page.goto(demo_url + path)  # never opened, at one to three levels deep
    links = offline_page_links(page)
    assert demo_url + "get-help/" in links and demo_url + "directory/find/" in links
    assert all(link.startswith(demo_url) for link in links)
    follow_every_link_offline(page, links)
    context.set_offline(False)


def test_the_offline_page_works_under_a_project_path(browser: Browser, project_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(project_url + "get-help/")
    wait_until_stored(page)
    context.set_offline(True)
    page.goto(project_url + "organisations/pebblesham-vets/")
    links = offline_page_links(page)
    assert links and all(link.startswith(project_url) for link in links)
    follow_every_link_offline(page, links)
    context.close()


def test_get_help_stores_the_owners_region_and_its_clinics(context: BrowserContext, page: Page, demo_url: str,
                                                           demo_catalog) -> None:
    page.goto(demo_url + "about/")
    page.evaluate("localStorage.setItem('kb-region', 'eastmarsh'); localStorage.setItem('kb-species', 'hamster')")
    page.goto(demo_url + "get-help/")  # opened with the region remembered from an earlier visit
    wait_until_stored(page)
    shown = page.evaluate("""() => { const a = window.kbGetHelp.answer();
        return a.now.concat(a.later, a.nearestOpen).slice(0, 8).map(i => i.rec.url); }""")
    wanted = {"/regions/eastmarsh/", "/help/index.json", "/help/eastmarsh.json", *("/" + url for url in shown)}
    until_stored(page, wanted)
    assert len(shown) >= 3
    assert not [p for p in stored_paths(page) if p.startswith("/regions/") and p != "/regions/eastmarsh/"]

    context.set_offline(True)
    page.goto(demo_url + "regions/eastmarsh/")
    expect(page.locator(".kb-offline")).to_contain_text("offline copy from")
    expect(page.locator("#kb-help-now-list li").first).to_be_visible()  # its answer is worked out offline
    page.goto(demo_url + shown[0])
    expect(page.locator(".kb-offline")).to_contain_text("offline copy from")
    page.goto(demo_url + "triage/gut-stasis/")  # the call bar reads the stored region data
    expect(page.locator(".kb-callbar__call")).to_have_attribute("href", re.compile(r"^tel:\+44"))

    # the finder answers offline from the stored data, and says what it does not have
    page.goto(demo_url + "directory/find/?region=eastmarsh")
    expect(page.locator("#kb-finder-status")).to_have_text(
        re.compile(r"^\d+ clinics found\. From the clinic list stored on this device on "))
    assert page.locator("#kb-finder-results li").count() >= 3
    page.goto(demo_url + "directory/find/?region=westmoor")
    expect(page.locator("#kb-finder-status")).to_contain_text("not stored on this device")
    page.goto(demo_url + "directory/find/")
    expect(page.locator("#kb-finder-status")).to_contain_text("only the regions stored on this device")
    listed = set(page.locator("#kb-finder-results li").evaluate_all("els => els.map(e => e.getAttribute('data-org'))"))
    assert listed and listed <= {o.id for o in in_region(demo_catalog, "eastmarsh")}
    context.set_offline(False)


# a Wednesday afternoon in the demo's region: its daytime clinics are open
AT_TWO_PM = datetime(2026, 12, 2, 14, 0, tzinfo=ZoneInfo("Europe/London"))


def stored_list(day: str) -> str:
    return f" From the clinic list stored on this device on {day}: numbers and opening hours may have changed since."


def test_an_answer_from_stored_clinic_data_says_so_with_that_datas_date(browser: Browser, demo_site: Path) -> None:
    """Offline, the finder, the call bar, Get help and the region page work out who can help from the
    clinic data stored on this device. Each says so next to its answer, with that data's own date: the
    region's file, not the list of regions or the page; the oldest when several regions are shown
    together; the page's own for data carried in a stored page. Live data says nothing of the kind. The
    host lets the browser keep what it sent for ten minutes, as GitHub Pages does: offline, the worker must
    not take that copy for a live answer."""
    with serving_over_poor_signal(demo_site) as signal:
        signal.cache_control = "max-age=600"
        _stored_clinic_data_says_so(browser, signal.url)


def _stored_clinic_data_says_so(browser: Browser, demo_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.clock.set_fixed_time(AT_TWO_PM)
    page.goto(demo_url + "about/")
    page.evaluate("localStorage.setItem('kb-region', 'eastmarsh'); localStorage.setItem('kb-species', 'hamster')")
    page.goto(demo_url + "get-help/")
    wait_until_stored(page)
    expect(page.locator("#gh-status")).to_have_text(re.compile(r"^\d+ clinics? can take a hamster now in Eastmarsh\.$"))
    page.goto(demo_url + "directory/find/?region=westmoor")  # a second region, read and so stored
    expect(page.locator("#kb-finder-status")).to_have_text(re.compile(r"^\d+ clinics? found\.$"))
    until_stored(page, {"/get-help/", "/regions/eastmarsh/", "/help/index.json", "/help/eastmarsh.json",
                        "/help/westmoor.json", "/directory/find/", "/triage/gut-stasis/"})
    # the finder reads Eastmarsh's list before Westmoor's; the list of regions is older than both
    for path, stamp in (("help/eastmarsh.json", "2026-11-12"), ("help/westmoor.json", "2026-11-20"),
                        ("help/index.json", "2026-11-05"), ("get-help/", "2026-11-26"),
                        ("regions/eastmarsh/", "2026-11-25"), ("directory/find/", "2026-11-29"),
                        ("triage/gut-stasis/", "2026-11-28")):
        restamp(page, demo_url + path, stamp + "T10:00:00Z")

    context.set_offline(True)
    page.goto(demo_url + "directory/find/?region=eastmarsh")
    expect(page.locator("#kb-finder-status")).to_have_text(
        re.compile(r"^\d+ clinics found\." + re.escape(stored_list("12 November 2026")) + "$"))
    page.goto(demo_url + "directory/find/")  # two regions' lists: the older one's date
    expect(page.locator("#kb-finder-status")).to_contain_text("only the regions stored on this device")
    expect(page.locator("#kb-finder-status")).to_contain_text(stored_list("12 November 2026"))
    page.goto(demo_url + "triage/gut-stasis/")
    expect(page.locator(".kb-callbar__stored")).to_have_text("Stored list, 12 Nov 2026")
    expect(page.locator(".kb-callbar__stored")).to_be_in_viewport()
    expect(page.locator(".kb-callbar__call")).to_have_attribute("href", re.compile(r"^tel:\+44"))
    page.goto(demo_url + "regions/eastmarsh/")  # its data is in the page: the page's date
    expect(page.locator(".kb-offline")).to_contain_text("offline copy from 25 November 2026")
    expect(page.locator("#kb-help-now-status")).to_have_text(
        re.compile(r"^\d+ clinics? can help now\." + re.escape(stored_list("25 November 2026")) + "$"))
    page.goto(demo_url + "get-help/")
    expect(page.locator("#gh-status")).to_have_text(re.compile(
        r"^\d+ clinics? can take a hamster now in Eastmarsh\." + re.escape(stored_list("26 November 2026")) + "$"))

    context.set_offline(False)  # live data again: nothing said about a stored copy
    page.goto(demo_url + "directory/find/?region=eastmarsh")
    expect(page.locator("#kb-finder-status")).to_have_text(re.compile(r"^\d+ clinics found\.$"))
    page.goto(demo_url + "triage/gut-stasis/")
    expect(page.locator(".kb-callbar__call")).to_have_attribute("href", re.compile(r"^tel:\+44"))
    expect(page.locator(".kb-callbar__stored")).to_have_count(0)
    context.close()


PREVIOUS_EXPORTS = "getJSON: getJSON, storedNote: storedNote, storedShort: storedShort,"


def test_the_answers_survive_a_help_js_from_before_stored_dates(browser: Browser, demo_site: Path,
                                                               tmp_path: Path) -> None:
    """Scripts have no version in their address, so for a while after a deploy a browser may hold the
    previous help.js (without the stored-copy dates) beside the new page scripts: every answer must
    still be worked out and shown, its phone numbers with it."""
    site = shutil.copytree(demo_site, tmp_path / "site")
    script = site / "assets" / "help.js"
    assert PREVIOUS_EXPORTS in script.read_text(encoding="utf-8")
    script.write_text(script.read_text(encoding="utf-8").replace(PREVIOUS_EXPORTS, ""), encoding="utf-8")
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    page.clock.set_fixed_time(AT_TWO_PM)
    with serving(site, compress=False) as url:
        page.goto(url + "about/")
        page.evaluate("localStorage.setItem('kb-region', 'eastmarsh'); localStorage.setItem('kb-species', 'hamster')")
        page.goto(url + "get-help/")
        expect(page.locator("#gh-status")).to_have_text(
            re.compile(r"^\d+ clinics? can take a hamster now in Eastmarsh\.$"))
        expect(page.locator("#gh-answer a.gh-call").first).to_have_attribute("href", re.compile(r"^tel:\+44"))
        page.goto(url + "regions/eastmarsh/")
        expect(page.locator("#kb-help-now-status")).to_have_text(re.compile(r"^\d+ clinics? can help now\.$"))
        page.goto(url + "directory/find/?region=eastmarsh")
        expect(page.locator("#kb-finder-status")).to_have_text(re.compile(r"^\d+ clinics found\.$"))
        page.goto(url + "triage/gut-stasis/")
        expect(page.locator(".kb-callbar__call")).to_have_attribute("href", re.compile(r"^tel:\+44"))
    context.close()


def test_a_full_device_still_gets_every_answer_the_network_gives(browser: Browser, demo_url: str) -> None:
    """When the device's storage is full the worker cannot store a copy, and must still hand over what the
    network sent: the pages, and the region data the finder and Get help read."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    origin = demo_url.split("/", 3)[:3]
    session = context.new_cdp_session(page)
    session.send("Storage.overrideQuotaForOrigin", {"origin": "/".join(origin), "quotaSize": 1})
    page.goto(demo_url + "get-help/")
    wait_until_controlled(page)
    assert stored_paths(page) == []  # nothing could be stored: every answer below came from the network

    page.goto(demo_url + "directory/find/?region=northvale&species=guinea-pig")
    expect(page.locator("#kb-finder-status")).to_have_text(re.compile(r"^\d+ clinics? found\.$"))
    assert page.locator("#kb-finder-results li").count() >= 1
    page.goto(demo_url + "triage/gut-stasis/")
    expect(page.locator("article h1")).to_have_text("Not eating or no droppings (gut stasis)")
    expect(page.locator(".kb-offline")).to_have_count(0)
    assert stored_paths(page) == []
    context.close()


_COUNTING = threading.Lock()


class _PoorSignal(QuietHandler):
    """Answers after ``delay`` seconds, or the delay of the first prefix in ``delays`` that the path
    starts with (both set by the test): one bar of signal."""

    delay = 0.0
    delays: dict[str, float]
    answering: list[int]  # [requests being answered]: the browser opens six connections at most

    def send_head(self):  # noqa: ANN201 - stdlib signature
        path = self.path.lstrip("/")
        with _COUNTING:
            self.answering[0] += 1
        try:
            time.sleep(next((wait for prefix, wait in self.delays.items() if path.startswith(prefix)), self.delay))
            return super().send_head()
        finally:
            with _COUNTING:
                self.answering[0] -= 1

    @classmethod
    def settle(cls) -> None:
        """Until every answer still on its way has arrived: a new step then has every connection."""
        deadline = time.monotonic() + 60
        while cls.answering[0]:
            assert time.monotonic() < deadline, "answers still on their way after 60 s"
            time.sleep(0.1)

    cache_control = "no-cache"  # what is tested is the worker, not the HTTP cache (unless a test says)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", self.cache_control)
        super().end_headers()


@contextmanager
def serving_over_poor_signal(site: Path) -> Iterator[type[_PoorSignal]]:
    # delays and a count of its own: class attributes are shared
    signal = type("Signal", (_PoorSignal,), {"delays": {}, "answering": [0]})
    server = QuietServer(("127.0.0.1", 0), functools.partial(signal, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()  # daemon: answers still asleep never hold it
    signal.url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        yield signal
    finally:
        server.shutdown()
        server.server_close()


def _opened_within(page: Page, url: str, seconds: float) -> None:
    """``url`` opened, its text shown and styled, within ``seconds``."""
    began = time.monotonic()
    page.goto(url, wait_until="domcontentloaded", timeout=30_000)
    page.wait_for_function("getComputedStyle(document.querySelector('.kb-bar')).display !== 'inline'")
    assert time.monotonic() - began < seconds, f"{url} took {time.monotonic() - began:.1f} s"


SLOW_NOTICE = "The network is slow: this is the copy stored on"


def test_a_slow_network_shows_the_stored_copy_and_waits_only_for_what_is_not_stored(browser: Browser,
                                                                                   demo_site: Path,
                                                                                   tmp_path: Path) -> None:
    """On one bar of signal a stored page comes from the device within seconds, saying so and styled,
    instead of a blank screen while the network tries (for a minute after that, within a second). So does
    the clinic data the finder reads, its answer saying it is the stored list. A page that is not stored
    waits for the network (the offline page would be no answer). The late answer replaces the stored copy."""
    site = shutil.copytree(demo_site, tmp_path / "site")  # its data is changed below
    with serving_over_poor_signal(site) as signal:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto(signal.url + "about/")
        page.evaluate("localStorage.setItem('kb-region', 'eastmarsh')")
        page.goto(signal.url + "get-help/")
        wait_until_stored(page)
        until(page, f"async () => (await ({STORED})()).includes('/help/eastmarsh.json')")
        guide = signal.url + "triage/gut-stasis/"
        stored_at = page.evaluate(STORED_AT, guide)

        # a live page whose data is slow: the stored list within seconds, saying so (today's is renamed)
        data = site / "help" / "eastmarsh.json"
        region = json.loads(data.read_text())
        region["orgs"]["saltwick-veterinary-hospital"]["name"] = "Saltwick Veterinary Hospital (renamed today)"
        data.write_text(json.dumps(region))
        signal.delays = {"help/eastmarsh.json": 6.0}
        began = time.monotonic()
        page.goto(signal.url + "directory/find/?region=eastmarsh")
        status = page.locator("#kb-finder-status")
        expect(status).to_contain_text("From the clinic list stored on this device on", timeout=30_000)
        assert time.monotonic() - began < 6, "the finder waited for the network"
        expect(page.locator("#kb-finder-results li").first).to_be_visible()
        expect(page.locator("#kb-finder-results")).not_to_contain_text("(renamed today)")
        expect(page.locator(".kb-offline")).to_have_count(0)  # the page itself is live
        signal.delays = {}
        signal.settle()
        page.get_by_role("button", name="Show clinics").click()  # asked again: today's list, said of nothing
        expect(page.locator("#kb-finder-results")).to_contain_text("(renamed today)")
        expect(status).to_have_text(re.compile(r"^\d+ clinics found\.$"))

        signal.delay = 12.0  # a stored page: shown from the device after a few seconds, saying so
        _opened_within(page, signal.url + "triage/gut-stasis/", 10)
        expect(page.locator(".kb-offline")).to_contain_text(SLOW_NOTICE)
        expect(page.locator("article h1")).to_have_text("Not eating or no droppings (gut stasis)")
        # its stored stylesheet came from the device at once (then the network's answer is not awaited)
        assert page.evaluate("performance.getEntriesByType('resource').find(e => e.name.endsWith('/kb.css'))"
                             ".duration") < 700

        signal.delay = 0.0  # the late answer to the slow request replaced the stored copy
        until(page, f"async () => (await ({STORED_AT})({json.dumps(guide)})) > {json.dumps(stored_at)}")
        signal.settle()

        signal.delay = 2.0  # for a minute after that, a stored page waits only a second
        page.goto(signal.url + "triage/bleeding/")
        expect(page.locator(".kb-offline")).to_contain_text(SLOW_NOTICE)
        expect(page.locator("article h1")).to_have_text("Bleeding")
        signal.delay = 0.0
        signal.settle()

        page.goto(signal.url + "triage/gut-stasis/")  # a fast network again: the live page...
        expect(page.locator(".kb-offline")).to_have_count(0)
        signal.delay = 2.0  # ...and a page two seconds away is waited for again
        page.goto(signal.url + "triage/bleeding/")
        expect(page.locator("article h1")).to_have_text("Bleeding")
        expect(page.locator(".kb-offline")).to_have_count(0)
        signal.settle()

        signal.delay = 6.0  # not stored: the page itself arrives, late, and nothing stands in for it
        page.goto(signal.url + "kit/incubator/", wait_until="domcontentloaded", timeout=30_000)
        expect(page.locator("article h1")).to_contain_text("ncubator")
        expect(page.locator(".kb-offline")).to_have_count(0)

        signal.delay = 0.0  # a folder asked for without its '/' (typed, or from a printed card)
        page.goto(signal.url + "triage/gut-stasis")
        assert page.url == signal.url + "triage/gut-stasis/"
        expect(page.locator("article h1")).to_have_text("Not eating or no droppings (gut stasis)")
        context.close()
