"""Adding a content type touches one Python file outside its own folder: the registry line. Shown by a
throw-away type defined here (its model, folder, reference, check, page, template, export and private
field) that the phases load, validate, check, plan, render and export when it is appended to
REGISTRY, with no other module edited. And the registry is the one list: every phase loops over it."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from generator.common.fields import Id, KbModel, ShortText
from generator.core.catalog import Catalog
from generator.core.collection import Collection, entries
from generator.core.content_type import ContentType
from generator.core.issues import Issue, Severity
from generator.core.references import ref
from generator.core.settings import Settings
from generator.core.specs import PageSpec
from generator.exports.api import api_documents
from generator.exports.licence import CC_BY_4
from generator.exports.openapi import openapi_document
from generator.exports.public import collections, private_fields
from generator.kinds import REGISTRY
from generator.site.pipeline import load_catalog, load_order
from generator.site.plan import plan_pages
from generator.site.render import TEMPLATES, make_environment, render_body
from tests.helpers import make_tree


class Widget(KbModel):
    id: Id
    title: ShortText
    species: list[Id]
    secret: ShortText  # private: never published


def check_widgets(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    return [e.source.problem(("title",), "a widget's title names what it is for")
            for e in catalog["widgets"].values() if e.model.title.lower() == "widget"]


def plan_widgets(catalog: Catalog) -> list[PageSpec]:
    return [PageSpec(f"widgets/{e.id}.md", "widget.html", e.model.title, "A widget.",
                     {"widget": e.model, "species": [catalog.species[s] for s in e.model.species]})
            for e in sorted(catalog["widgets"].values(), key=lambda e: e.id)]


def export_widgets(catalog: Catalog, site_url: str, public: Any) -> Collection:
    return Collection("widgets", "Widgets", "Widgets for small mammals.", Widget,
                      entries([e.model for e in catalog["widgets"].values()], lambda w: f"widgets/{w.id}/",
                              site_url, public))


WIDGETS = ContentType(
    "widgets", Widget, folder="content/widgets", url="widgets/{id}/",
    references=(ref("species.*", "species", "species"),), checks=(check_widgets,), pages=plan_widgets,
    export=export_widgets, private={Widget: frozenset({"secret"})})
WITH_WIDGETS = (*REGISTRY, WIDGETS)  # the one line a new type adds


def _tree(tmp_path: Path, *, broken: bool = True) -> Path:
    tree = make_tree(tmp_path / "tree")
    folder = tree / "content" / "widgets"
    folder.mkdir()
    (folder / "warming-pad.yml").write_text("id: warming-pad\ntitle: Warming pad\nspecies: [rat, hamster]\n"
                                            "secret: the canary 7f3a\n", encoding="utf-8")
    if broken:  # a build stops at issues, so only the checks see this one
        (folder / "plain.yml").write_text("id: plain\ntitle: Widget\nspecies: [ratt]\nsecret: s\ncolour: red\n",
                                          encoding="utf-8")
    return tree


def test_a_new_type_is_loaded_validated_and_checked(tmp_path: Path) -> None:
    catalog, issues = load_catalog(Settings(root=_tree(tmp_path), demo_data=True), WITH_WIDGETS)
    assert catalog["widgets"]["warming-pad"].model.title == "Warming pad"
    shown = [i.text() for i in issues.sorted() if i.severity != Severity.NOTE]
    assert shown == [
        "content/widgets/plain.yml:2:8: error: title: a widget's title names what it is for",
        "content/widgets/plain.yml:3:11: error: species[0]: unknown species 'ratt' (did you mean 'rat'?)",
        "content/widgets/plain.yml:5:1: error: colour: unknown field 'colour' "
        "(the fields here are: id, title, species, secret)",
    ]


def test_a_new_type_is_paged_and_templated(tmp_path: Path) -> None:
    catalog, issues = load_catalog(Settings(root=_tree(tmp_path, broken=False), demo_data=True), WITH_WIDGETS)
    assert not issues.failing(strict=True)
    specs = {spec.src_uri: spec for spec in plan_pages(catalog, WITH_WIDGETS)}
    assert specs["widgets/warming-pad.md"].context["widget"].title == "Warming pad"
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "widget.html").write_text(textwrap.dedent("""\
        {% import "macros.html" as m with context %}
        <h1>{{ widget.title }}</h1>
        <p>For {% for s in species %}<a href="{{ link('species/' ~ s.id ~ '/') }}">{{ s.plural | lower }}</a>
        {%- if not loop.last %} and {% endif %}{% endfor %}.</p>
        """), encoding="utf-8")
    env = make_environment(catalog, templates=[templates, TEMPLATES], registry=WITH_WIDGETS)
    html = render_body(env, specs["widgets/warming-pad.md"])
    assert "<h1>Warming pad</h1>" in html
    assert '<a href="../../species/rat/">rats</a> and <a href="../../species/hamster/">hamsters</a>' in html
    assert "canary" not in html


def test_a_new_type_is_exported_without_its_private_fields(tmp_path: Path) -> None:
    catalog, _ = load_catalog(Settings(root=_tree(tmp_path, broken=False), demo_data=True), WITH_WIDGETS)
    found = collections(catalog, "https://example.org/", WITH_WIDGETS)
    assert [c.name for c in found][-1] == "widgets"
    documents = api_documents(found, CC_BY_4, "Fixture network")
    assert documents["api/v1/widgets/warming-pad.json"] == {
        "id": "warming-pad", "title": "Warming pad", "species": ["rat", "hamster"],
        "url": "https://example.org/widgets/warming-pad/"}
    assert "widgets" in [t["type"] for t in documents["api/v1/index.json"]["types"]]
    schema = openapi_document(found, [], CC_BY_4, "Fixture network", private_fields(WITH_WIDGETS))
    widget = schema["components"]["schemas"]["WidgetsEntry"]
    assert "title" in widget["properties"] and "secret" not in widget["properties"]


def test_every_type_is_loaded_and_planned_from_the_registry_alone(tmp_path: Path) -> None:
    """Leaving a type out of the registry leaves it out of every phase: nothing else lists it."""
    tree = make_tree(tmp_path / "tree")
    full, _ = load_catalog(Settings(root=tree, demo_data=True))
    assert full.cases and any(spec.src_uri.startswith("cases/") for spec in plan_pages(full))
    without = tuple(t for t in REGISTRY if t.name != "cases")
    catalog, issues = load_catalog(Settings(root=tree, demo_data=True), without)
    assert "cases" not in catalog
    # nothing reads its files any more, and the check of unread files says so (and nothing else)
    about_cases = [i for i in issues.items if i.path.startswith("content/cases/")]
    assert about_cases and all(i.message.startswith("this file is not read") for i in about_cases)
    assert not any(spec.src_uri.startswith("cases/") for spec in plan_pages(catalog, without))
    assert "cases" not in [c.name for c in collections(catalog, "", without)]


def test_types_are_loaded_after_the_types_they_need() -> None:
    order = [t.name for t in load_order(REGISTRY)]
    assert sorted(order) == sorted(t.name for t in REGISTRY)
    for ctype in REGISTRY:
        for needed in ctype.needs:
            assert order.index(needed) < order.index(ctype.name)
    assert len({t.name for t in REGISTRY}) == len(REGISTRY), "each content type is in the registry once"
