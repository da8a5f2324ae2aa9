"""Content-Security-Policy: no inline script except mkdocs-material's two known bootstrap snippets
(allowed by hash, page by page, because one embeds the page's relative base path), no script from
any other origin, nothing loaded from third parties. The policy is a meta tag in the templates; the
build fills in the hashes and fails if any other inline script appears."""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

TOKEN = "__KB_SCRIPT_HASHES__"
# Material's inline scripts, recognised by how they start (partials/javascripts/*.html).
KNOWN_INLINE = ("__md_scope=new URL(", "var target=document.getElementById(location.hash")
EXECUTABLE_TYPES = ("", "text/javascript", "module", "application/javascript")


class UnexpectedInlineScript(ValueError):
    pass


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            values = dict(attrs)
            executable = (values.get("type") or "").strip().lower() in EXECUTABLE_TYPES
            self._current = [] if executable and "src" not in values else None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    parser = _InlineScripts()
    parser.feed(html)
    return parser.scripts


def apply_policy(html: str, page: str) -> str:
    """Fill the policy's script hashes; refuse any inline script that is not one of Material's."""
    if TOKEN not in html:
        return html
    hashes = []
    for script in inline_scripts(html):
        if not script.startswith(KNOWN_INLINE):
            raise UnexpectedInlineScript(f"{page}: an inline script that is not part of the theme: "
                                         f"{script[:60]!r}")
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return html.replace(TOKEN, " ".join(dict.fromkeys(hashes)), 1)
