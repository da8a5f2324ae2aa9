"""Hostile input: script tags, event handlers, javascript: links and entities in every free-text
field of every content type appear in the built site only as text, and no script runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Page

from generator.cli import main as kb_main
from generator.host.csp import TOKEN
from tests.conftest import serve
from tests.helpers import make_tree

PAYLOAD = (' <script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>&amp;"\''
           "<a href=javascript:window.__pwned=3>x</a>")
# Keys whose values are free text (everything else is an id, a fixed word, a date, a number or a link).
FREE_TEXT = {
    "name", "summary", "alert", "notes", "limits", "limitations", "street", "locality", "referral_role", "how",
    "response_time", "label", "description", "plural", "scientific_name", "title", "owner_wording",
    "clinical_wording", "text", "note", "before_transport", "during_transport", "do_not", "clinic_on_arrival",
    "escalation", "history", "event", "diagnostics", "procedures", "follow_up", "lessons", "meaning", "action",
    "instead", "target", "explanation", "question", "options", "objectives", "competencies", "body", "role",
    "conditions", "reviewer", "by", "publisher", "location", "when", "first_response", "decision", "transfer",
    "carrier", "warmth", "bonded_companion", "sedation", "documents", "caller_checklist", "reported_by", "starts",
    "stops", "keywords",
}


def poison(value, key: str | None = None):
    if isinstance(value, dict):
        return {k: poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, key) for v in value]
    if isinstance(value, str) and key in FREE_TEXT:
        kept = value[:40]  # bounded, so short fields stay within their length limits
        if kept.rfind("{{") > kept.rfind("}}"):  # not through a threshold macro: half of one is an error
            kept = kept[:kept.rfind("{{")]
        return kept + PAYLOAD
    return value


def poison_tree(tree: Path) -> None:
    for path in [*tree.glob("directory/**/*.yml"), *tree.glob("content/**/*.yml")]:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # keep every scalar as text
        path.write_text(yaml.safe_dump(poison(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in tree.glob("content/first-aid/*.md"):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        data = poison(yaml.load(front, Loader=yaml.BaseLoader))
        path.write_text(f"---\n{yaml.safe_dump(data, allow_unicode=True, sort_keys=False)}---\n{body}\n{PAYLOAD}\n",
                        encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = make_tree(tmp_path_factory.mktemp("hostile"))
    poison_tree(tree)
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build"]) == 0
    return tree / "site"


def live_payload(html: BeautifulSoup) -> list[str]:
    """Elements the payload would have created had it not been escaped."""
    executable = [s for s in html.find_all("script") if (s.get("type") or "text/javascript") == "text/javascript"]
    found = [f"<script>{s.string[:30]}" for s in executable if s.string and "__pwned" in s.string]
    for data in html.find_all("script", type="application/ld+json"):  # data, but must not break out
        found += ["</script> inside JSON-LD"] if "</script" in (data.string or "").lower() else []
    for element in html.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.startswith("on") and "__pwned" in text:
                found.append(f"<{element.name} {name}>")
            if name in ("href", "src", "action") and text.strip().lower().startswith("javascript:"):
                found.append(f"<{element.name} {name}={text[:30]}>")
    return found


def test_hostile_text_is_only_ever_escaped(hostile_site: Path) -> None:
    pages = list(hostile_site.rglob("*.html"))
    reached = 0
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        assert live_payload(BeautifulSoup(raw, "html.parser")) == [], path.relative_to(hostile_site)
        reached += "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in raw
    assert reached > len(pages) // 2, "the payload should reach most pages as text"


def test_every_page_carries_the_content_security_policy(hostile_site: Path) -> None:
    for path in hostile_site.rglob("*.html"):
        raw = path.read_text(encoding="utf-8")
        if "http-equiv=\"refresh\"" in raw:
            continue
        assert 'http-equiv="Content-Security-Policy"' in raw, path
        assert TOKEN not in raw and "script-src 'self' 'wasm-unsafe-eval'" in raw


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    yield from serve(hostile_site)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["get-help/", "directory/", "directory/find/", "organisations/pebblesham-vets/",
                                  "regions/eastmarsh/", "species/guinea-pig/", "triage/gut-stasis/",
                                  "triage/signs/not-eating/", "first-aid/keeping-warm/", "referral/", "referral/form/",
                                  "cases/", "training/oxygen-therapy-for-rodents/", "kit/oxygen-cage/",
                                  "volunteers/eastmarsh-coastal-transport-volunteers/", "metrics/eastmarsh/",
                                  "search/?q=pwned"])
def test_no_script_runs_in_the_browser(page: Page, hostile_url: str, path: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_url + path)
    page.wait_for_load_state("networkidle")
    if path.startswith("search"):
        page.locator("#kb-search-results li").first.wait_for()
    if path.startswith("directory/find"):
        page.locator("#kb-finder-results li").first.wait_for()
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert "window.__pwned=1" in page.locator("body").inner_text()


def test_hostile_text_leaves_the_html_valid(hostile_site: Path) -> None:
    from tests.build.test_html_validity import describe, excused, vnu

    assert [describe(m, hostile_site) for m in vnu(hostile_site) if excused(m) is None] == []
