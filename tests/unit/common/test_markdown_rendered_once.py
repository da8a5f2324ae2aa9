"""Contributors' Markdown is rendered once per text (kb serve renders the same guides on every rebuild),
and each caller still gets headings of its own to keep."""

from __future__ import annotations

from generator.common.markdown_text import _rendered, render_markdown

TEXT = "## Keep warm\n\nWrap in a towel.\n\n### Then\n\nRing the clinic <now>.\n"


def test_the_same_text_is_converted_once_and_reads_the_same() -> None:
    _rendered.cache_clear()
    first = render_markdown(TEXT)
    second = render_markdown(TEXT)
    assert _rendered.cache_info().hits == 1
    assert first.html == second.html and "&lt;now&gt;" in first.html  # raw HTML still shown as text
    assert [t["name"] for t in first.toc] == ["Keep warm"] and first.toc[0]["children"][0]["name"] == "Then"


def test_each_caller_gets_headings_of_its_own() -> None:
    first = render_markdown(TEXT)
    first.toc[0]["children"].clear()
    first.toc.append({"name": "added"})
    again = render_markdown(TEXT)
    assert [t["name"] for t in again.toc] == ["Keep warm"] and again.toc[0]["children"][0]["name"] == "Then"
