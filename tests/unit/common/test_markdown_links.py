"""Where links are in Markdown (generator/common/markdown_links.py): inline links, images and
reference definitions, at their line and column; never inside code spans or fenced code."""

from __future__ import annotations

from generator.common.markdown_links import links_in


def _targets(text: str) -> list[str]:
    return [link.target for link in links_in(text)]


def test_inline_link_at_its_line_and_column() -> None:
    [link] = links_in("First line.\nSee [the guide](triage/bleeding.md) now.")
    assert (link.target, link.line, link.column) == ("triage/bleeding.md", 1, 17)


def test_every_form_of_link_is_found_in_order() -> None:
    text = ('[a](one.md "title") ![pic](two.png) [b](<three four/>) [c [nested]](five/)\n'
            "\n[ref]: ../six/ \"a title\"\n")
    assert _targets(text) == ["one.md", "two.png", "three four/", "five/", "../six/"]


def test_a_link_in_a_code_span_is_no_link() -> None:
    assert _targets("Write `[text](page.md)` or ``a ` [x](y.md)`` for a link; [real](real.md).") == ["real.md"]


def test_a_link_in_fenced_code_is_no_link() -> None:
    text = "```markdown\n[a](inside.md)\n```\n~~~\n[b](tilde.md)\n~~~~\n[c](after.md)"
    assert _targets(text) == ["after.md"]


def test_a_fence_closes_only_with_its_own_kind() -> None:
    assert _targets("```\n~~~\n[a](still-code.md)\n```\n[b](out.md)") == ["out.md"]


def test_a_link_whose_text_runs_over_a_line_break_is_a_link() -> None:
    """From a review: "[guide to\\nheatstroke](…)" in a wrapped body was not read."""
    [link] = links_in("read the [guide to\nheatstroke](../../triage/heatstrok/) first")
    assert (link.target, link.line, link.column) == ("../../triage/heatstrok/", 1, 13)
    assert _targets("[not\n\na link](x/)") == []  # a blank line ends the paragraph


def test_an_escaped_bracket_is_no_link() -> None:
    assert _targets("\\[escaped\\](../nowhere/) and [real](real/)") == ["real/"]


def test_html_links_only_where_html_is_published() -> None:
    text = 'see <a href="get-hlp2.md">help</a>'
    assert _targets(text) == []
    assert [link.target for link in links_in(text, html=True)] == ["get-hlp2.md"]
