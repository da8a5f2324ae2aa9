"""Contributors' Markdown (first-aid bodies, training sections) as safe HTML, and the sanitiser that the
hand-written pages in content/pages go through too.

Raw HTML in a contributor's Markdown is shown as text. What Markdown itself can produce is then
cleaned with an allow-list (nh3, the Ammonia sanitiser): only plain document tags, links to https:,
mailto: and tel: or within the site, no protocol-relative links, no event handlers, styles or other
attributes. Attribute lists (`{: … }`) are not enabled for contributors' fields at all; the
hand-written pages keep them for Material's button classes only.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field
from typing import Any

import markdown
import nh3
from markupsafe import Markup

URL_SCHEMES = {"https", "mailto", "tel"}
_TAGS = {"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "code", "pre", "blockquote",
         "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "sup", "sub", "del",
         "div", "abbr"}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"},
               **{f"h{level}": {"id"} for level in range(1, 7)}}
_ADMONITIONS = {"admonition", "note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger",
                "bug", "example", "quote"}
_FIELD_CLASSES = {"div": _ADMONITIONS, "p": {"admonition-title"}}
# hand-written pages (content/pages) use attribute lists for Material's buttons, and nothing else
_PAGE_CLASSES = {**_FIELD_CLASSES, "a": {"md-button", "md-button--primary"}}


def _relative(url: str) -> str | None:
    """Links within the site stay; '//host/…' and '\\\\host' lead off the site without saying so."""
    stripped = url.strip()
    return None if stripped.startswith(("//", "\\", "/\\")) else url


def sanitise(html: str, *, classes: dict[str, set[str]] | None = None) -> str:
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
                     allowed_classes=classes if classes is not None else _FIELD_CLASSES, url_relative=_relative,
                     strip_comments=True)


def sanitise_page(html: str) -> str:
    """A hand-written page's HTML after Markdown."""
    return sanitise(html, classes=_PAGE_CLASSES)


@dataclass(frozen=True)
class RenderedMarkdown:
    html: Markup
    toc: list[dict[str, Any]] = field(default_factory=list)  # Python-Markdown's toc_tokens, for the page's TOC


def render_markdown(text: str) -> RenderedMarkdown:
    """A contributor's Markdown as sanitised HTML, with the headings for the page's table of contents."""
    html, toc = _rendered(text)
    return RenderedMarkdown(html, copy.deepcopy(toc))  # the headings are lists and dicts: the caller's own


# `kb serve` renders the same guides and pages again on every rebuild: Markdown and sanitising were
# a tenth of a rebuild of the demo
@functools.lru_cache(maxsize=4096)
def _rendered(text: str) -> tuple[Markup, list[dict[str, Any]]]:
    converter = markdown.Markdown(extensions=["toc", "tables", "admonition", "sane_lists"],
                                  extension_configs={"toc": {"permalink": False}})
    html = converter.convert(text.replace("&", "&amp;").replace("<", "&lt;"))  # raw HTML stays text
    return Markup(sanitise(html)), list(getattr(converter, "toc_tokens", []))
