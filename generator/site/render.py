"""Render page specs with the Jinja templates in theme/kb/ into the files mkdocs reads: filters and helpers
only; what a page shows comes complete in its spec's context."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    meta,
    pass_context,
    select_autoescape,
)
from jinja2.bccache import Bucket
from jinja2.runtime import missing
from markupsafe import Markup, escape

from generator.common.dates import long_date
from generator.common.notices import closed_by_alerts, notices
from generator.common.phones import normalise
from generator.common.schedule import hours_summary, span_words, weekly_table
from generator.core.catalog import Catalog
from generator.core.content_type import ContentType
from generator.core.settings import THEME
from generator.core.specs import PageSpec, TemplateFile
from generator.kinds import REGISTRY
from generator.kinds.cases.model import band_words
from generator.kinds.organisations.availability import (
    clients_only_words,
    cover_words,
    phones_without_a_clock,
    status_words,
)
from generator.kinds.organisations.jsonld import organisation_jsonld
from generator.kinds.organisations.views import vcard_path
from generator.kinds.training.pages import session_file
from generator.site.fragments import RenderedOnce, fragment_globals
from generator.site.page_address import RENDERING
from generator.site.search_words import TYPES as SEARCH_TYPES

TEMPLATES = THEME / "kb"


@lru_cache(maxsize=1024)
def _parts(url: str) -> tuple[str, ...]:
    """The folders of a page's URL: a page links from its own URL dozens to hundreds of times."""
    return tuple(part for part in url.split("/") if part)


def relative_url(from_url: str, to_url: str) -> str:
    """Link from one directory-style page URL to another site path ('' is the home page)."""
    # The same answer as posixpath.relpath for these normalised paths, without its os calls: at
    # 10,000 entries the site has about a million links.
    here = _parts(from_url)
    there = [part for part in to_url.split("/") if part]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    if rel == ".":
        return "./"
    return rel + "/" if to_url in ("", "/") or to_url.endswith("/") else rel


@pass_context
def _link(context: Any, target: str) -> str:
    page_url = context.resolve_or_missing("page_url")  # without raising KeyError, as get() does inside
    return relative_url(RENDERING.get() if page_url is missing or page_url is None else page_url, target)


@lru_cache(maxsize=65536)
def _phone_display(e164: str) -> str:
    return normalise(e164, None, allow_fictional=True).display


@pass_context
def _json_ld(context: Any, org: Any, region: Any) -> dict[str, Any]:
    return organisation_jsonld(org, region, context["site_url"] + context["page_url"])


def _zip_labels(ids: list[str], vocabulary: dict[str, Any]) -> list[tuple[str, str]]:
    """[(id, label)] for select options, from a vocabulary of terms with labels."""
    return [(i, vocabulary[i].label) for i in ids if i in vocabulary]


def json_attribute(data: Any) -> Markup:
    """Data for a single-quoted HTML attribute: compact JSON whose ', &, < and > are escaped the
    JSON way, so the attribute needs no entities (a third of the size of entity-escaped JSON)."""
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    for char, escaped in (("&", "\\u0026"), ("'", "\\u0027"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    return Markup(text)


def species_list(species: Mapping[str, Any], org: Any) -> str:
    """The species an organisation treats, in words: "rats, mice and guinea pigs"."""
    names = [species[c.species].plural.lower() for c in org.species if c.species in species]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


class _CompiledTemplates(BytecodeCache):
    """Compiled templates kept for the life of the process, so `kb serve` does not compile every
    template again on each rebuild. Jinja checks each template's source checksum: an edited template
    is compiled afresh."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED = _CompiledTemplates()
# mkdocs' own theme environment (Material's templates and our overrides) gets a cache of its own:
# the two environments compile with different settings
THEME_COMPILED = _CompiledTemplates()


class _FlatGlobals(Environment):
    """Each template's globals are one dict, not Jinja's ChainMap over the environment's: every page
    copies its template's globals into a new context and checks them against each template it imports,
    and through a ChainMap both run in Python, about a tenth of an organisation page. A template sees
    the globals as they were when it was loaded: ours are all set before the first one is (Jinja's own
    documentation says not to change them after)."""

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


def make_environment(catalog: Catalog, site_url: str = "", templates: Path | Sequence[Path] = TEMPLATES,
                     registry: tuple[ContentType, ...] = REGISTRY) -> Environment:
    """The templates' environment. Pages get everything they show in their context from their planner;
    the globals are the vocabularies' terms (labels by id, `terms.species[id]`), the clock and helpers
    that compute nothing from the catalog."""
    env = _FlatGlobals(
        loader=FileSystemLoader([str(templates)] if isinstance(templates, Path) else [str(t) for t in templates]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=COMPILED,
        # a new environment is made for every build, so a template cannot change within its life:
        # no stat() of every template on every page
        auto_reload=False,
    )
    # the status words are read again for every build: `kb serve` shows an edit to their file
    status_words.cache_clear()
    terms = {ctype.name: catalog[ctype.name] for ctype in registry if ctype.terms and ctype.name in catalog}
    species = terms.get("species", {})
    # demo_as_of: a demo is read at extra.demo_data_as_of, and scripts that decide by the day use it too
    env.globals.update(link=_link, terms=terms, today=catalog.settings.today, site_url=site_url,
                       members=catalog.settings.members,
                       demo_as_of=catalog.settings.demo_as_of,
                       weekly_table=weekly_table, json_ld=_json_ld, words=status_words(), cover_words=cover_words,
                       phones_without_a_clock=phones_without_a_clock, clients_only_words=clients_only_words,
                       species_list=lambda org: species_list(species, org), hours_summary=hours_summary,
                       span_words=span_words, session_file=session_file, vcard_of=vcard_path, search_types=SEARCH_TYPES,
                       **fragment_globals(RenderedOnce()),
                       # closed by an alert as the site is built: lists give them no number to ring
                       closed_by_alerts=closed_by_alerts(notices(catalog), catalog.settings.now))
    env.filters.update(long_date=long_date, phone_display=_phone_display, zip_labels=_zip_labels, band=band_words,
                       json_attr=json_attribute, species_plural=lambda sid: species[sid].plural.lower())
    return env


def compile_ahead(env: Environment, names: Iterable[str], known: Iterable[str] = ()) -> set[str]:
    """Compile the named templates and every template they name for extends, include or import, so
    that processes forked after this share them (Jinja compiles on first use: after a fork, each
    process compiled every template again). A name made while rendering is compiled then, as before,
    and a missing or broken one is left to the render that uses it (a template named only in a branch
    no page takes never fails the build). ``known`` are names an earlier call compiled, with those they
    name: skipped. Returns the names compiled, with ``known``."""
    waiting, seen, compiled = list(names), set(known), set(known)
    while waiting and env.loader is not None:
        name = waiting.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source, _, _ = env.loader.get_source(env, name)
            env.get_template(name)
        except TemplateError:  # missing or broken: left to the render that uses it, as without this
            continue
        compiled.add(name)
        waiting += [found for found in meta.find_referenced_templates(env.parse(source)) if found]
    return compiled


def render_file(env: Environment, spec: TemplateFile) -> str:
    return env.get_template(spec.template).render(**spec.context)


def render_page(env: Environment, spec: PageSpec) -> str:
    """Front matter plus the rendered body, ready to hand to mkdocs as a generated file."""
    return front_matter(spec) + render_body(env, spec)


def render_body(env: Environment, spec: PageSpec) -> str:
    rendering = RENDERING.set(spec.url)
    try:
        return env.get_template(spec.template).render(page_url=spec.url, spec=spec, **spec.context)
    finally:
        RENDERING.reset(rendering)


def front_matter(spec: PageSpec) -> str:
    """The page's metadata block (title, description, layout, search and source) for mkdocs."""
    # mkdocs' own Jinja environment does not autoescape and Material prints the title and
    # description raw into <title> and <meta>, so they are handed over as escaped HTML text.
    meta = {"title": str(escape(spec.title)), "description": str(escape(spec.description)),
            "kb": {"search": spec.search, "scripts": list(spec.scripts), "source": spec.source,
                   "history": spec.history, "call_bar": spec.call_bar,
                   "call_bar_species": list(spec.call_bar_species)}}
    if spec.layout:
        meta["template"] = spec.layout
    # JSON is YAML, and writing it is far faster than yaml.safe_dump
    front = json.dumps(meta, ensure_ascii=False, sort_keys=True)
    return f"---\n{front}\n---\n\n"
