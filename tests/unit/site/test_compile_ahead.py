"""Templates compiled before `kb build` forks its second page-writing process (generator/site/render.py
`compile_ahead`): every template a page names for extends, include or import is compiled then, so
neither process compiles it again while writing pages; a name made while rendering is compiled then."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment, TemplateNotFound, TemplateSyntaxError

from generator.site.render import compile_ahead

TEMPLATES = {
    "page.html": '{% extends "base.html" %}{% import "macros.html" as m %}'
                 '{% block body %}{{ m.hello(name) }}{% include "part-" ~ kind ~ ".html" %}{% endblock %}',
    "base.html": '<main>{% block body %}{% endblock %}</main>{% include "footer.html" %}',
    "macros.html": '{% macro hello(name) %}Hello {{ name }}{% endmacro %}',
    "footer.html": "<footer>{% include 'missing.html' ignore missing %}</footer>",
    "part-a.html": "[a]",
    "unused.html": "{{ never }}",
}


def _compiles(env: Environment) -> list[str]:
    compiled: list[str] = []
    compile_source = env.compile

    def counting(source, name=None, filename=None, raw=False, defer_init=False):  # noqa: ANN001, ANN202
        compiled.append(name)
        return compile_source(source, name, filename, raw, defer_init)

    env.compile = counting  # type: ignore[method-assign]
    return compiled


def test_every_template_a_page_names_is_compiled_ahead() -> None:
    env = Environment(loader=DictLoader(TEMPLATES), auto_reload=False)
    assert compile_ahead(env, {"page.html"}) == {"page.html", "base.html", "macros.html", "footer.html"}
    compiled = _compiles(env)
    assert env.get_template("page.html").render(name="Pip", kind="a") == "<main>Hello Pip[a]</main><footer></footer>"
    assert compiled == ["part-a.html"]  # its name is made while rendering


def test_a_missing_name_is_left_to_the_render_that_asks_for_it() -> None:
    env = Environment(loader=DictLoader({"page.html": '{% include "gone.html" %}'}), auto_reload=False)
    assert compile_ahead(env, {"page.html", "nowhere.html"}) == {"page.html"}
    with pytest.raises(TemplateNotFound):
        env.get_template("page.html").render()


def test_a_broken_template_no_page_renders_does_not_fail_the_build() -> None:
    """Named only in a branch no page takes: without compiling ahead it was never compiled."""
    env = Environment(loader=DictLoader({
        "page.html": '{% if old %}{% include "old.html" %}{% else %}new{% endif %}',
        "old.html": "{{ value | no_such_filter }}{% if %}"}), auto_reload=False)
    assert compile_ahead(env, {"page.html"}) == {"page.html"}
    assert env.get_template("page.html").render(old=False) == "new"
    with pytest.raises(TemplateSyntaxError):
        env.get_template("page.html").render(old=True)


def test_a_second_call_reads_only_what_the_first_did_not_compile() -> None:
    """`kb build` compiles its pages' templates while it waits for the open data's summary, then those
    of the pages planned after it: the first call's templates are neither read nor parsed again."""
    loader = DictLoader({**TEMPLATES, "data.html": '{% extends "base.html" %}{% block body %}data{% endblock %}'})
    read: list[str] = []
    get_source = loader.get_source

    def counting(environment, name):  # noqa: ANN001, ANN202
        read.append(name)
        return get_source(environment, name)

    loader.get_source = counting  # type: ignore[method-assign]
    env = Environment(loader=loader, auto_reload=False)
    first = compile_ahead(env, {"page.html"})
    read.clear()
    compiled = _compiles(env)
    assert compile_ahead(env, {"page.html", "data.html"}, known=first) == first | {"data.html"}
    assert read == ["data.html", "data.html"]  # its source, then get_template's load: base.html is known
    assert compiled == ["data.html"]
