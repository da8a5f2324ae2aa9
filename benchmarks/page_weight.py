"""Page weight on a phone: build the demo site, serve it on loopback (gzip, like a real host), load
one page of every type in Debian's Chromium at 390×844 with an empty cache, and record compressed
bytes, requests and any request to another origin; optionally Lighthouse mobile scores.
Writes benchmarks/results/page-weight.md and .json.

    .venv/bin/python -m benchmarks.page_weight [--lighthouse] [--site-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.measure import measure
from benchmarks.serve import serving

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
CHROMIUM = os.environ.get("KB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
PAGE_TYPES = {
    "Get help now": "get-help/", "Home": "", "Finder": "directory/find/?species=guinea-pig",
    "Directory": "directory/", "Organisation": "organisations/saltwick-veterinary-hospital/",
    "Region": "regions/eastmarsh/", "Species": "species/hamster/", "Service": "services/oxygen-therapy/",
    "Problem guide": "triage/gut-stasis/", "Tier": "triage/tiers/emergency-now/", "Sign": "triage/signs/not-eating/",
    "First aid": "first-aid/keeping-warm/", "Referral protocol": "referral/", "Referral form": "referral/form/",
    "Case library": "cases/", "Case": "cases/chinchilla-heatstroke-in-a-sunny-room/", "Training": "training/",
    "Module": "training/oxygen-therapy-for-rodents/", "Kit type": "kit/oxygen-cage/", "Volunteers": "volunteers/",
    "Metrics": "metrics/", "Metrics region": "metrics/westmoor/", "Audit": "audit/", "Search page": "search/",
}
# Queries of up to four words: a species, a misspelling, owners' questions, and four words that fall in
# four different parts of the index (the most index chunks a query of four words can need)
FIRST_QUERIES = ("hamster", "guina pig", "guinea pig not eating", "hamster cold not moving", "my rat cant breathe",
                 "teeth bleeding seizure wobbly")
MORE_QUERY = "hamster"  # then "Also search clinics, cases and training": what that adds
BUDGETS = {"Get help now": 30 * 1024, "other pages": 90 * 1024, "first search query": 170 * 1024,
           # what the service worker downloads when Get help is opened with a region remembered: the
           # region's page, its who-can-help data and the pages of the clinics Get help shows (at most 8)
           "offline store on Get help": 150 * 1024}
OFFLINE_REGION = "eastmarsh"  # the demo's largest region
LIGHTHOUSE = {"performance": 0.95, "accessibility": 1.0}


def build(site: Path) -> None:
    subprocess.run([str(ROOT / ".venv/bin/kb"), "-f", str(ROOT / "mkdocs.yml"), "build", "--site-dir", str(site)],
                   check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def lighthouse(url: str) -> dict[str, float] | None:
    tool = ROOT / "tools/lighthouse/node_modules/.bin/lighthouse"
    if not tool.exists():
        subprocess.run(["npm", "install", "--prefix", str(ROOT / "tools/lighthouse"), "--no-audit", "--no-fund",
                        "--silent", "lighthouse@12"], check=True)
    out = subprocess.run([str(tool), url, "--quiet", "--output=json", "--form-factor=mobile",
                          "--only-categories=performance,accessibility",
                          "--chrome-flags=" + " ".join(["--headless=new", *ARGS])],
                         capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    if out.returncode != 0:
        return None
    categories = json.loads(out.stdout)["categories"]
    return {name: categories[name]["score"] for name in LIGHTHOUSE}


def _first_query(words: str):
    def run(page) -> None:
        page.fill("#kb-bar-q", words)  # the header's box is the search page's box
        page.locator("#kb-search-results li").first.wait_for()
    return run


def _more(page) -> None:
    page.click("#kb-search-network")
    page.locator("#kb-search-status", has_text="clinics, cases").wait_for()


def first_searches(browser, origin: str) -> list[dict]:
    """What each first query downloads on the loaded search page (empty cache), and what asking for
    clinics, cases and training adds after the first."""
    rows = []
    for words in FIRST_QUERIES:
        context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
        page = context.new_page()
        measure(page, origin + "search/", origin)
        query = measure(page, origin + "search/", origin, then=_first_query(words), reuse=True)
        rows.append({"page": f"First search query ({words!r}, {len(words.split())} words)", "path": "search/",
                     "requests": query.requests, "kilobytes": round(query.bytes / 1024, 1),
                     "budget_kb": BUDGETS["first search query"] // 1024,
                     "within_budget": query.bytes <= BUDGETS["first search query"],
                     "third_party": query.third_party})
        if words == MORE_QUERY:
            more = measure(page, origin + "search/", origin, then=_more, reuse=True)
            rows.append({"page": f"Then clinics, cases and training ({words!r}, on request)", "path": "search/",
                         "requests": more.requests, "kilobytes": round(more.bytes / 1024, 1), "budget_kb": None,
                         "within_budget": True, "third_party": more.third_party})
        context.close()
    return rows


STORED = """async (region) => {
  const names = await caches.keys();
  if (!names.length) return false;
  const keys = (await (await caches.open(names[0])).keys()).map(r => new URL(r.url).pathname);
  return keys.some(k => k.endsWith('/regions/' + region + '/'))
    && keys.some(k => k.endsWith('/help/' + region + '.json'));
}"""


def _until(page, script: str, arg: object, timeout: float) -> bool:
    """Poll an async predicate from here: page.wait_for_function takes the promise an async function
    returns as true at once, so it never waited (the store at 10,000 organisations read 0 KB)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script, arg):
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(250)
    return True


def offline_store(browser, origin: str, region: str) -> dict:
    """Bytes the service worker downloads to keep the owner's region for offline use when Get help is
    opened with that region remembered (after the first visit's own storing has finished)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(origin + "get-help/")
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=120_000)
    page.wait_for_load_state("networkidle")
    finished, own = [], set()
    context.on("requestfinished", lambda request: finished.append(request))
    page.on("request", lambda request: own.add(request.url))  # the page's own loads, not the worker's storing
    page.evaluate(f"localStorage.setItem('kb-region', {json.dumps(region)})")
    # a network with a Get help page per region: the owner's region is that page
    own_page = origin + f"get-help/{region}/"
    page.goto(own_page) if page.request.get(own_page).ok else page.reload()
    stored_in_time = _until(page, STORED, region, timeout=120)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    stored = [r for r in finished if r.service_worker is not None and r.url not in own]
    size = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in stored)
    context.close()
    budget = BUDGETS["offline store on Get help"]
    return {"page": f"Offline store when Get help is opened ({region}: region, data, clinics)"
                    + ("" if stored_in_time else ": NOT STORED within 120 s"), "path": "get-help/",
            "requests": len(stored), "kilobytes": round(size / 1024, 1) if stored_in_time else None,
            "budget_kb": budget // 1024,
            "within_budget": stored_in_time and size <= budget,
            "third_party": [r.url for r in stored if not r.url.startswith(origin)]}


def run(site: Path, with_lighthouse: bool) -> list[dict]:
    rows = []
    with serving(site) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, path in PAGE_TYPES.items():
            context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
            page = context.new_page()
            load = measure(page, origin + path, origin)
            budget = BUDGETS.get(name, BUDGETS["other pages"])
            row = {"page": name, "path": path or "/", "requests": load.requests,
                   "kilobytes": round(load.bytes / 1024, 1), "budget_kb": budget // 1024,
                   "within_budget": load.bytes <= budget,
                   "third_party": load.third_party}
            if with_lighthouse:
                row["lighthouse"] = lighthouse(origin + path)
            rows.append(row)
            context.close()
            if path == "search/":  # what a first query adds: Pagefind's engine, index chunks, results
                rows += first_searches(browser, origin)
            if path == "get-help/":
                rows.append(offline_store(browser, origin, OFFLINE_REGION))
        browser.close()
    return rows


def write(rows: list[dict]) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "page-weight.json").write_text(json.dumps({"budgets_kb": {k: v // 1024 for k, v in BUDGETS.items()},
                                                          "lighthouse_targets": LIGHTHOUSE, "pages": rows}, indent=1))
    lines = ["# Page weight on a phone (390×844, empty cache, gzip)", "",
             "| page | requests | KB transferred | budget KB | within | third-party | Lighthouse perf / a11y |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lh = r.get("lighthouse")
        scores = f"{lh['performance']:.2f} / {lh['accessibility']:.2f}" if lh else "not run"
        lines.append(f"| {r['page']} | {r['requests']} | {r['kilobytes']} | {r['budget_kb'] or '–'} | "
                     f"{'yes' if r['within_budget'] else '**no**'} | {len(r['third_party'])} | {scores} |")
    lines += ["", "Budgets: Get help now 30 KB; other pages 90 KB excluding search; the first search query 170 KB "
              "(what a query of up to four words downloads on the loaded search page: guidance only). Clinics, "
              "cases and training are a second search the reader asks for; its cost is shown, not budgeted. "
              "Service-worker precaching runs after the page and is not counted; what the worker stores when Get "
              "help is opened with a region remembered (that region's page and data, and the pages of the first 8 "
              "clinics Get help shows) has its own budget.", ""]
    (RESULTS / "page-weight.md").write_text("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse mobile (slow; installs it)")
    parser.add_argument("--site-dir", type=Path, help="measure an already built site")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site_dir or Path(tmp) / "site"
        if not args.site_dir:
            build(site)
        write(run(site, args.lighthouse))
    print((RESULTS / "page-weight.md").read_text())


if __name__ == "__main__":
    main()
