"""A page whose body is ours (HTML rendered later) skips mkdocs' Markdown conversion: it must end up
exactly as mkdocs' own conversion of its empty body would leave it, and a page that does carry
Markdown is still converted."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.host.html_pages import skip_markdown


def _page(tmp_path: Path, markdown: str) -> tuple[Page, MkDocsConfig, Files]:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n"
                                         "markdown_extensions: [toc, attr_list, md_in_html, admonition]\n")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    config.plugins._current_plugin = "kb"  # as while a plugin event runs: the page is one of ours
    file = File.generated(config, "organisations/a.md", content=markdown)
    page = Page(None, file, config)
    page.read_source(config)
    return page, config, Files([file])


def _state(page: Page) -> tuple:
    return (page.content, list(page.toc), page._title_from_render, page.present_anchor_ids,
            page.links_to_anchors)


def test_an_empty_body_ends_as_mkdocs_would_leave_it(tmp_path: Path) -> None:
    front = '---\n{"title": "A"}\n---\n\n'
    converted, config, files = _page(tmp_path, front)
    converted.render(config, files)
    skipped, config, files = _page(tmp_path, front)
    skip_markdown(skipped)
    skipped.render(config, files)
    assert _state(skipped) == _state(converted) == ("", [], None, set(), {})


def test_a_body_with_markdown_is_still_converted(tmp_path: Path) -> None:
    page, config, files = _page(tmp_path, "# Hello\n\nSome *text*.\n")
    skip_markdown(page)
    page.render(config, files)
    assert "<em>text</em>" in page.content and [item.title for item in page.toc] == ["Hello"]


def test_json_front_matter_reads_as_mkdocs_reads_it(tmp_path: Path) -> None:
    meta = {"title": "Rats &amp; mice: “quoted” \\ back\tslash", "description": "Clinics no. 1: yes/no, 24/7",
            "kb": {"search": True, "scripts": ["help"], "source": None, "history": "x/y/", "call_bar": False},
            "template": "get-help.html"}
    source = "---\n" + json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n---\n\n"
    by_yaml, config, _ = _page(tmp_path, source)
    by_json, config, _ = _page(tmp_path, source)
    skip_markdown(by_json)
    by_json.read_source(config)
    assert (by_json.markdown, by_json.meta) == (by_yaml.markdown, by_yaml.meta) == ("", meta)
