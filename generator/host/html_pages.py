"""Pages made from our HTML templates hand mkdocs only their front matter (their body is rendered in
on_page_context, just before mkdocs writes them). mkdocs would still build a Markdown converter,
with every extension, to convert each one's empty body: about a millisecond per page, seconds at
national scale. `skip_markdown` gives such a page what that conversion would have given it."""

from __future__ import annotations

import logging
import types
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

LOG = logging.getLogger("mkdocs.structure.pages")


def _render_empty(page: Page, config: Any, files: Any) -> None:
    if page.markdown is not None and page.markdown.strip():  # not empty after all: convert it
        Page.render(page, config, files)
        return
    page.content = ""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    if LOG.getEffectiveLevel() > logging.DEBUG:  # as Page.render
        page.links_to_anchors = {}


def skip_markdown(page: Page) -> None:
    page.render = types.MethodType(_render_empty, page)  # type: ignore[method-assign]
