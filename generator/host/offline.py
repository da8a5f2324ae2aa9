"""Offline use: the service worker (the app icons are drawn with the charts, generator/common/charts.py).

The service worker is rendered after mkdocs has written the site, so it can list the real files:
the pages owners and clinicians need without signal, and every asset those pages load. Its cache
version is a hash of the built files, so each deploy with changes replaces the old caches.
"""

from __future__ import annotations

import hashlib
import json
import os
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from jinja2 import Environment

from generator.host.search import BUNDLES
from generator.kinds.organisations.help_data import HELP_DIR

OFFLINE_PAGE = "offline/"
VERSION_LATER = "kb-version-to-come"  # in a sw.js until finish_service_worker puts the version in
# Stored on the first visit: every link on the offline page leads to one of these
PRECACHE_PAGES = ("get-help/", "referral/", "referral/form/", OFFLINE_PAGE, "./", "directory/find/", "a-z/", "search/")
PRECACHE_FOLDERS = ("triage", "first-aid")
# Pages stored later (a region and its clinics, when Get help is opened) need these pages' assets
ASSETS_OF_ONE = ("regions", "organisations")
# Pagefind's indexes vary between identical builds; they do not define a version
UNSTABLE = tuple(f"{bundle.folder}/" for bundle in BUNDLES)


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") in ("stylesheet", "manifest", "icon") and values.get("href"):
            self.found.append(values["href"])
        elif tag in ("script", "img") and values.get("src"):
            self.found.append(values["src"])


def _page_urls(site: Path) -> list[str]:
    urls = list(PRECACHE_PAGES)
    for folder in PRECACHE_FOLDERS:
        for index in sorted((site / folder).rglob("index.html")):
            url = index.parent.relative_to(site).as_posix() + "/"
            if not url.endswith("/changes/"):
                urls.append(url)
    return [u for u in dict.fromkeys(urls) if (site / u / "index.html").is_file()]


_HREFS: dict[bytes, list[str]] = {}


def _hrefs(html: bytes) -> list[str]:
    """The page's stylesheet, icon, script and image addresses, remembered by the page's digest:
    `kb serve` rewrites the same pages on every edit, and parsing them was a quarter of a rebuild."""
    digest = hashlib.sha256(html).digest()
    if digest not in _HREFS:
        if len(_HREFS) > 10_000:
            _HREFS.clear()
        parser = _Assets()
        parser.feed(html.decode("utf-8"))
        _HREFS[digest] = parser.found
    return _HREFS[digest]


def _assets_of(site: Path, page_url: str) -> list[str]:
    found = []
    for href in _hrefs((site / page_url / "index.html").read_bytes()):
        if urlsplit(href).scheme or href.startswith("//"):
            continue
        path = urlsplit(urljoin(f"/{page_url}", href)).path.lstrip("/")
        if (site / path).is_file():
            found.append(path)
    return found


def _site_files(root: str, folder: str = "") -> list[str]:
    """Every file under ``root`` by its path relative to it, as Path.rglob("*") + is_file() finds them (no
    symlinked folders followed) at a fraction of the cost: at 5,000 organisations the site has 38,000 files."""
    found = []
    with os.scandir(os.path.join(root, folder)) as entries:
        for entry in entries:
            name = f"{folder}/{entry.name}" if folder else entry.name
            if entry.is_dir(follow_symlinks=False):
                if not folder and entry.name.startswith("."):  # not served (and the build's own, changing)
                    continue
                found += _site_files(root, name)
            elif entry.is_file():
                found.append(name)
    return found


def _version(site: Path) -> str:
    digest = hashlib.sha256()
    root = os.fspath(site)
    # in the order of sorted Paths (part by part), which the version has always been hashed in
    for name in sorted(_site_files(root), key=lambda name: name.split("/")):
        if name.startswith(UNSTABLE) or name == "sw.js" or name.startswith("."):  # build markers are not served
            continue
        digest.update(name.encode())
        with open(os.path.join(root, name), "rb") as file:
            digest.update(file.read())
    return digest.hexdigest()[:16]


def _samples(site: Path) -> list[str]:
    """One page of each kind that is stored later, for its assets."""
    found = []
    for folder in ASSETS_OF_ONE:
        first = next(iter(sorted((site / folder).glob("*/index.html"))), None)
        if first is not None:
            found.append(first.parent.relative_to(site).as_posix() + "/")
    return found


def write_service_worker(site: Path, env: Environment, *, members: bool = False, version_later: bool = False
                         ) -> list[str]:
    """Write sw.js into the site root; returns the precached paths. With ``version_later`` its cache
    version is left as VERSION_LATER, for `finish_service_worker` once nothing else changes the site
    (`kb build` hashes the files while Pagefind indexes them)."""
    pages = _page_urls(site)
    assets = sorted({asset for page in [*pages, *_samples(site)] for asset in _assets_of(site, page)})
    precache = [*pages, *assets, "site.webmanifest"]
    version = VERSION_LATER if version_later else _version(site)
    text = env.get_template("sw.js").render(version=version, precache=precache, offline_page=OFFLINE_PAGE,
                                            data_dir=f"{HELP_DIR}/",
                                            # each edition keeps (and clears) only its own caches on one origin
                                            prefix="kb-members-" if members else "kb-")
    (site / "sw.js").write_text(text, encoding="utf-8")
    return precache


def finish_service_worker(site: Path) -> None:
    """Put the cache version into a sw.js written with ``version_later``: the same sw.js as one written
    with its version at once (the version leaves out sw.js itself, Pagefind's bundles and hidden files,
    so Pagefind may be writing beside it)."""
    worker = site / "sw.js"
    text = worker.read_text(encoding="utf-8")
    later = json.dumps(VERSION_LATER)
    if text.count(later) != 1:
        raise ValueError(f"{worker} does not hold the version to fill in ({later}) exactly once")
    worker.write_text(text.replace(later, json.dumps(_version(site))), encoding="utf-8")


def write_preview_service_worker(site: Path, env: Environment) -> None:
    """`kb serve`: a sw.js that removes any worker and stored copies an earlier visit left (the preview
    registers none: theme/main.html leaves out offline.js)."""
    (site / "sw.js").write_text(env.get_template("sw-preview.js").render(), encoding="utf-8")
