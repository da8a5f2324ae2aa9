"""theme/kb's macro files are imported without the page's context, so that Jinja makes each module once
per build instead of once per page (about a tenth of our templates' time at 5,000 organisations). A
macro then sees only the environment's globals and its arguments; the links it makes are relative to
the page being rendered (generator/site/render.py)."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import meta, nodes

from generator.core.catalog import Catalog
from generator.core.settings import Settings
from generator.core.specs import PageSpec
from generator.site.render import TEMPLATES, make_environment, render_body

IMPORT = re.compile(r'{%-?\s*(?:import\s+"([^"]+)"\s+as\s+\w+|from\s+"([^"]+)"\s+import\s+[^%]*?)'
                    r'\s*(with context)?\s*-?%}')
MACRO_OWN = {"caller", "varargs", "kwargs", "loop"}


def _imports() -> dict[str, set[bool]]:
    """Each imported template in theme/kb, and whether it is imported with the page's context."""
    found: dict[str, set[bool]] = {}
    for page in TEMPLATES.glob("*.html"):
        for match in IMPORT.finditer(page.read_text(encoding="utf-8")):
            found.setdefault(match.group(1) or match.group(2), set()).add(bool(match.group(3)))
    return found


def test_the_macro_files_imported_without_the_page_need_nothing_of_it(tmp_path: Path) -> None:
    env = make_environment(Catalog(Settings(root=tmp_path, demo_data=True)))
    imports = _imports()
    without = sorted(name for name, ways in imports.items() if False in ways)
    assert {"macros.html", "alert-macros.html", "metrics-macros.html"} <= set(without)
    for name in without:
        tree = env.parse((TEMPLATES / name).read_text(encoding="utf-8"))
        # the file's own macros and imports
        module = {node.name for node in tree.find_all(nodes.Macro)} | {
            node.target for node in tree.find_all(nodes.Import)}
        for macro in tree.find_all(nodes.Macro):
            body = nodes.Template(macro.body, lineno=macro.lineno).set_environment(env)
            # a name the macro sets in a branch and reads there is reported by Jinja as possibly
            # free: it is the macro's own
            own = {node.name for node in macro.find_all(nodes.Name) if node.ctx in ("store", "param")}
            needs = meta.find_undeclared_variables(body) - own - module - MACRO_OWN - set(env.globals)
            assert not needs, (f"{name}: {macro.name}() reads {sorted(needs)} from the page: pass them, "
                               "or import the file with context")


def test_a_macros_links_are_relative_to_the_page_being_rendered(demo_catalog, tmp_path: Path) -> None:
    (tmp_path / "rows.html").write_text('{% import "macros.html" as m %}{{ m.org_row(org) }}', encoding="utf-8")
    env = make_environment(demo_catalog, templates=[tmp_path, TEMPLATES])
    org = next(iter(demo_catalog.organisations.values())).model
    # one environment, as in a build: the module made for the first page serves the others
    for url in ("species/rat/eastmarsh/", "", "regions/eastmarsh/", "species/rat/eastmarsh/"):
        spec = PageSpec(url + "index.md", "rows.html", "Rows", "", {"org": org})
        assert spec.url == url
        assert f'href="{"../" * url.count("/")}organisations/{org.id}/"' in render_body(env, spec), url
