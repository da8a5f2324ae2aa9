"""theme/kb's macro files are imported without the page's context, so that Jinja makes each module once
per build instead of once per page (organisation, case and service pages 8-10% faster at 5,000). A
macro then sees only the environment's globals and its arguments; the links it makes are relative to
the page being rendered (generator/site/render.py)."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, meta, nodes

from generator.core.catalog import Catalog
from generator.core.settings import Settings
from generator.core.specs import PageSpec
from generator.site.plan import plan_pages
from generator.site.render import TEMPLATES, make_environment, render_body

IMPORT = re.compile(r"""{%-?\s*(?:import\s+(["'])(.+?)\1\s+as\s+\w+|from\s+(["'])(.+?)\3\s+import\s+[^%]*?)"""
                    r"\s*((?:with|without) context)?\s*-?%}")
MACRO_OWN = {"caller", "varargs", "kwargs", "loop"}


def _imports() -> dict[str, set[bool]]:
    """Each imported template in theme/kb, and whether it is imported with the page's context."""
    found: dict[str, set[bool]] = {}
    for page in TEMPLATES.rglob("*.html"):
        for match in IMPORT.finditer(page.read_text(encoding="utf-8")):
            found.setdefault(match.group(2) or match.group(4), set()).add(match.group(5) == "with context")
    return found


def _outside_names(env: Environment, name: str) -> dict[str, set[str]]:
    """For each macro of a template: the names it reads from outside itself (its arguments, defaults
    included, names it sets before reading them, and the file's own macros and imports are its own)."""
    bare = env.overlay()  # the same filters and syntax; no globals, which Jinja's meta leaves out
    bare.globals = {}
    tree = bare.parse((TEMPLATES / name).read_text(encoding="utf-8"))
    module = {node.name for node in tree.find_all(nodes.Macro)} | {node.target for node in tree.find_all(nodes.Import)}
    reads = {}
    for macro in tree.find_all(nodes.Macro):
        body = nodes.Template([nodes.Output(list(macro.defaults)), *macro.body]).set_environment(bare)
        first: dict[str, str] = {}
        for node in [*macro.args, *macro.defaults, *macro.body]:
            for found in (node, *node.find_all(nodes.Name)):
                if isinstance(found, nodes.Name):
                    first.setdefault(found.name, found.ctx)
        # Jinja reports a name set in a branch as possibly free: it is the macro's own if set before read
        own = {n for n, ctx in first.items() if ctx in ("store", "param")}
        reads[macro.name] = meta.find_undeclared_variables(body) - own - module - MACRO_OWN
    return reads


def test_the_macro_files_imported_without_the_page_need_nothing_of_it(demo_catalog, tmp_path: Path) -> None:
    env = make_environment(Catalog(Settings(root=tmp_path, demo_data=True)))
    without = sorted(name for name, ways in _imports().items() if False in ways)
    assert {"macros.html", "alert-macros.html", "metrics-macros.html"} <= set(without)
    globals_read: set[str] = set()
    for name in without:
        for macro, reads in _outside_names(env, name).items():
            assert reads <= set(env.globals), (f"{name}: {macro}() reads {sorted(reads - set(env.globals))} from "
                                               "the page: pass them, or import the file with context")
            # link() is the one helper that finds the page without its context (render_body)
            needs_page = {g for g in reads if getattr(env.globals[g], "jinja_pass_arg", None) and g != "link"}
            assert not needs_page, f"{name}: {macro}() calls {sorted(needs_page)}, which read the page's context"
            globals_read |= reads
    # a page that passed a value under a global's name would give its own templates that value, and
    # the macros (without its context) the global
    for spec in plan_pages(demo_catalog):
        assert not globals_read & set(spec.context), (spec.src_uri, sorted(globals_read & set(spec.context)))


def test_a_macros_links_are_relative_to_the_page_being_rendered(demo_catalog, tmp_path: Path) -> None:
    (tmp_path / "rows.html").write_text('{% import "macros.html" as m %}{{ m.org_row(org) }}', encoding="utf-8")
    env = make_environment(demo_catalog, templates=[tmp_path, TEMPLATES])
    org = next(iter(demo_catalog.organisations.values())).model
    # one environment, as in a build: the module made for the first page serves the others
    for url in ("species/rat/eastmarsh/", "", "regions/eastmarsh/", "species/rat/eastmarsh/"):
        spec = PageSpec(url + "index.md", "rows.html", "Rows", "", {"org": org})
        assert spec.url == url
        assert f'href="{"../" * url.count("/")}organisations/{org.id}/"' in render_body(env, spec), url
