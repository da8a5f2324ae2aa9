"""Load a page in Chromium on a phone viewport and count what it transferred."""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import Page


@dataclass
class Load:
    url: str
    requests: int = 0
    bytes: int = 0  # compressed, as transferred (body plus headers)
    third_party: list[str] = field(default_factory=list)


def measure(page: Page, url: str, origin: str, then=None, reuse: bool = False) -> Load:
    """Load ``url`` with an empty cache (and optionally do ``then(page)``); count page requests.
    With ``reuse``, the page already shown is used and only what ``then`` downloads is counted."""
    load = Load(url)
    finished = []

    def record(request) -> None:  # Playwright tags handlers, so this must be a function
        finished.append(request)

    page.on("requestfinished", record)
    if not reuse:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    if then is not None:
        then(page)
        page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", record)
    for request in finished:
        if request.url.startswith("data:"):
            continue
        if not request.url.startswith(origin):
            load.third_party.append(request.url)
        sizes = request.sizes()
        load.requests += 1
        load.bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return load
