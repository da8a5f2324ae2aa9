"""Content-Security-Policy: no inline script except mkdocs-material's two known bootstrap snippets
(allowed by hash, page by page, because one embeds the page's relative base path), no script from
any other origin, nothing loaded from third parties. The policy is a meta tag in the templates; the
build fills in the hashes and fails if any other inline script appears."""

from __future__ import annotations

import base64
import hashlib
import re

TOKEN = "__KB_SCRIPT_HASHES__"
# Material's inline scripts, recognised by how they start (partials/javascripts/*.html).
KNOWN_INLINE = ("__md_scope=new URL(", "var target=document.getElementById(location.hash")
EXECUTABLE_TYPES = ("", "text/javascript", "module", "application/javascript")


class UnexpectedInlineScript(ValueError):
    pass


# A script element's text ends at the first "</script" (HTML's raw-text rule), so this finds every
# script element a browser would run; what it might over-match ("<script" in a comment) can only
# fail the build, never let a script through. It replaced html.parser, a quarter of a 10k-entry build.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SRC = re.compile(r"(?:^|\s)src\s*=", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    """The text of every executable script element without a src."""
    scripts = []
    for attributes, text in _SCRIPT.findall(html):
        kind = _TYPE.search(attributes)
        if (kind.group(1) if kind else "").strip().lower() in EXECUTABLE_TYPES and not _SRC.search(attributes):
            scripts.append(text)
    return scripts


def apply_policy(html: str, page: str, *, live_reload: bool = False) -> str:
    """Fill the policy's script hashes; refuse any inline script that is not one of Material's.
    With ``live_reload`` (`kb serve` only) inline scripts are allowed instead of hashed: mkdocs'
    server injects its reload script into every page it sends, and any hash would switch that off."""
    if TOKEN not in html:
        return html
    hashes = []
    for script in inline_scripts(html):
        if not script.startswith(KNOWN_INLINE):
            raise UnexpectedInlineScript(f"{page}: an inline script that is not part of the theme: "
                                         f"{script[:60]!r}")
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return html.replace(TOKEN, "'unsafe-inline'" if live_reload else " ".join(dict.fromkeys(hashes)), 1)
