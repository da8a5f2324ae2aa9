"""The policy's inline-script finder sees every script a browser would run."""

from __future__ import annotations

import pytest

from generator.host.csp import TOKEN, UnexpectedInlineScript, apply_policy, inline_scripts


def test_finds_inline_scripts_of_every_executable_type() -> None:
    html = ('<script>a()</script><SCRIPT type="module">b()</SCRIPT ><script type=text/javascript>c()</script>'
            '<script type="application/ld+json">{"x": 1}</script><script src="x.js"></script>'
            '<script data-src="x.js">d()</script><script\ntype="text/javascript"\n>e()</script>')
    assert inline_scripts(html) == ["a()", "b()", "c()", "d()", "e()"]


def test_script_text_ends_at_the_first_closing_tag() -> None:
    assert inline_scripts('<script>var s = "</script><script>x()</script>') == ['var s = "', "x()"]


def test_an_unknown_inline_script_fails_and_known_ones_are_hashed() -> None:
    page = f'<meta content="script-src \'self\' {TOKEN}"><script>__md_scope=new URL("..")</script>'
    assert "'sha256-" in apply_policy(page, "x.md")
    with pytest.raises(UnexpectedInlineScript):
        apply_policy(page + "<script data-src=x>alert(1)</script>", "x.md")


def test_live_reload_allows_the_servers_script_but_still_refuses_ours() -> None:
    page = f'<meta content="script-src \'self\' {TOKEN}"><script>__md_scope=new URL("..")</script>'
    served = apply_policy(page, "x.md", live_reload=True)
    assert "'unsafe-inline'" in served and "'sha256-" not in served  # a hash would switch unsafe-inline off
    with pytest.raises(UnexpectedInlineScript):
        apply_policy(page + "<script>alert(1)</script>", "x.md", live_reload=True)
