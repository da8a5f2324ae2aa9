"""Pages made from our HTML templates hand mkdocs only their front matter (their body is rendered in
on_page_context, just before mkdocs writes them). mkdocs would still read that front matter with
PyYAML's pure-Python loader and build a Markdown converter, with every extension, to convert an empty
body: together over a millisecond per page, seconds at national scale. `skip_markdown` reads the
front matter as the JSON it is (JSON is YAML: the same values) and gives the page what the
conversion would have given it."""

from __future__ import annotations

import json
import logging
import types
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta

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


def _read_json_front_matter(page: Page, config: Any) -> None:
    source = config.plugins.on_page_read_source(page=page, config=config)
    if source is None:
        source = page.file.content_string
    match = meta.YAML_RE.match(source)  # split where mkdocs splits
    try:
        data = json.loads(match.group(1)) if match else None
    except ValueError:
        data = None
    if not isinstance(data, dict):  # not ours after all: read it the ordinary way
        Page.read_source(page, config)
        return
    page.markdown, page.meta = source[match.end():].lstrip("\n"), data


def skip_markdown(page: Page) -> None:
    page.read_source = types.MethodType(_read_json_front_matter, page)  # type: ignore[method-assign]
    page.render = types.MethodType(_render_empty, page)  # type: ignore[method-assign]
