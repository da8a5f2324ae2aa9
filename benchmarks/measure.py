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
    made = []

    def record(request) -> None:  # Playwright tags handlers, so this must be a function
        made.append(request)

    # every request made counts, not only those that finished: offline, a link to a font host fails,
    # and it is still a third-party request the page makes
    page.on("request", record)
    if not reuse:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    if then is not None:
        then(page)
        page.wait_for_load_state("networkidle")
    page.remove_listener("request", record)
    for request in made:
        if request.url.startswith("data:"):
            continue
        if not request.url.startswith(origin):
            load.third_party.append(request.url)
        load.requests += 1
        if request.failure is None and request.response() is not None:
            sizes = request.sizes()
            load.bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return load
