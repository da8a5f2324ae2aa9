"""What planning hands to rendering: one PageSpec per page (URL, template, complete context, search
settings), and the generated files that are not pages (DataFile, TemplateFile).

Planners (generator/kinds/<type>/pages.py, generator/site/) read only the Catalog, so they run and
are tested without mkdocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class PageSpec:
    src_uri: str  # the Markdown path mkdocs sees, e.g. "organisations/foo.md"
    template: str  # a file in theme/kb/
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    search: bool = True  # indexed by Pagefind
    scripts: tuple[str, ...] = ()  # extra scripts from theme/assets/, by stem
    layout: str | None = None  # a whole-page template in theme/ instead of Material's main.html
    source: str | None = None  # the YAML or Markdown file the page is built from, relative to the root
    history: str | None = None  # the URL of the page's "what changed" page, if it has one
    # The template's output is HTML, handed to Material as is; only pages that embed a Markdown body
    # go through Markdown (most of mkdocs' time at 10,000 entries is spent re-parsing our HTML).
    # Contributors' Markdown is rendered and sanitised before it reaches a template
    # (generator/common/markdown_text.py), so no page of ours needs this today.
    markdown: bool = False
    # headings of the Markdown in the page (Python-Markdown toc_tokens), for Material's table of contents
    toc: list[dict[str, Any]] = field(default_factory=list)
    # guidance pages carry the call bar: who can help now, with the number to ring, for a pet of one
    # of the species the page is for (a clinic that sees no gerbils is no answer on a gerbil's guide)
    call_bar: bool = False
    call_bar_species: tuple[tuple[str, str], ...] = ()  # (id, label)

    @property
    def url(self) -> str:
        """The page's URL relative to the site root, as mkdocs makes it with directory URLs."""
        return page_url(self.src_uri)


def page_url(src_uri: str) -> str:
    """The URL of the page mkdocs makes from the Markdown file ``src_uri`` (directory URLs): a planned
    page's and a hand-written page's alike ("triage/index.md" -> "triage/", "about.md" -> "about/")."""
    stem = src_uri.rsplit(".", 1)[0] if "." in src_uri.rsplit("/", 1)[-1] else src_uri
    if stem == "index":
        return ""
    return (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"


@dataclass(frozen=True)
class DataFile:
    """A generated non-page file: JSON the browser scripts fetch, QR codes, generated CSS."""

    src_uri: str
    content: str | bytes


@dataclass(frozen=True)
class TemplateFile:
    """A generated non-page file rendered from a template in theme/kb/ (CSS from data)."""

    src_uri: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def pages_by_source(specs: list[PageSpec]) -> dict[str, PageSpec]:
    """Each source file's own page (not its history page)."""
    by_source: dict[str, PageSpec] = {}
    for spec in specs:
        if spec.source and spec.template != "changes.html":
            by_source.setdefault(spec.source, spec)
    return by_source
