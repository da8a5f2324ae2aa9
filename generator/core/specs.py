"""Plan the generated pages: one spec per page (URL, template, context, search settings).

Planning reads only the Catalog, so it runs and is tested without mkdocs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from generator.core.catalog import Catalog
from generator.kinds.organisations.availability import NEAREST_OPEN, cover_words, night_cover, status_words
from generator.kinds.organisations.help_data import HELP_DIR, help_data, help_index, help_record
from generator.kinds.organisations.model import Organisation


@dataclass(frozen=True)
class PageSpec:
    src_uri: str  # the Markdown path mkdocs sees, e.g. "organisations/foo.md"
    template: str  # a file in theme/kb/
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    search: bool = True  # indexed by Pagefind
    scripts: tuple[str, ...] = ()  # extra scripts from theme/assets/, by stem
    layout: str | None = None  # a whole-page template in theme/ instead of Material's main.html
    source: str | None = None  # the YAML or Markdown file the page is built from, relative to the root
    history: str | None = None  # the URL of the page's "what changed" page, if it has one
    # The template's output is HTML, handed to Material as is; only pages that embed a Markdown body
    # go through Markdown (most of mkdocs' time at 10,000 entries is spent re-parsing our HTML).
    # Contributors' Markdown is rendered and sanitised before it reaches a template
    # (generator/common/markdown_text.py), so no page of ours needs this today.
    markdown: bool = False
    # headings of the Markdown in the page (Python-Markdown toc_tokens), for Material's table of contents
    toc: list[dict[str, Any]] = field(default_factory=list)
    # guidance pages carry the call bar: who can help now, with the number to ring
    call_bar: bool = False

    @property
    def url(self) -> str:
        """The page's URL relative to the site root, as mkdocs makes it with directory URLs."""
        stem = self.src_uri.removesuffix(".md")
        if stem == "index":
            return ""
        return (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"


@dataclass(frozen=True)
class DataFile:
    """A generated non-page file: JSON the browser scripts fetch, QR codes, generated CSS."""

    src_uri: str
    content: str | bytes


@dataclass(frozen=True)
class TemplateFile:
    """A generated non-page file rendered from a template in theme/kb/ (CSS from data)."""

    src_uri: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def org_url(org_id: str) -> str:
    return f"organisations/{org_id}/"


def plan(catalog: Catalog) -> list[PageSpec]:
    pages: list[PageSpec] = [
        PageSpec("directory/index.md", "directory.html", "Directory",
                 "Every organisation in the network, grouped by region.",
                 {"regions": [(r, catalog.in_region(r.id)) for r in catalog.regions.values()],
                  # a national network: regions and counts here, the organisations on each region's page
                  "listed": len(catalog.organisations) <= catalog.settings.directory_entries_on_one_page}),
        PageSpec("directory/find.md", "finder.html", "Find a clinic",
                 "Filter clinics by species, region and service, and see which can help now.",
                 {"data_index": f"{HELP_DIR}/index.json", "species": list(catalog.species.values()),
                  "regions": list(catalog.regions.values()), "services": list(catalog.services.values())},
                 search=False, scripts=("help", "finder")),
        PageSpec("search.md", "search.html", "Search", "Search the whole site.", {},
                 search=False, scripts=("search",)),
        PageSpec("regions/index.md", "regions.html", "Regions", "The regions the network covers.",
                 {"regions": [(r, catalog.in_region(r.id), night_cover(catalog, r.id))
                              for r in catalog.regions.values()]}),
        PageSpec("species/index.md", "species-index.html", "Species",
                 "Which clinics treat each small-mammal species.",
                 {"species_list": [(s, catalog.treating(s.id)) for s in catalog.species.values()]}),
        PageSpec("services/index.md", "services-index.html", "Services",
                 "Which clinics offer each service.",
                 {"services_list": [(s, catalog.offering(s.id)) for s in catalog.services.values()]}),
    ]
    for region in catalog.regions.values():
        pages.append(PageSpec(
            f"regions/{region.id}.md", "region.html", region.label, region.description,
            {"region": region, "orgs": catalog.in_region(region.id),
             "cover": night_cover(catalog, region.id),
             "has_metrics": any(e.model.region == region.id for e in catalog.metrics.values()),
             "help_data": help_data(catalog, [region.id]),
             "species_counts": [(s, sum(1 for o in catalog.treating(s.id)
                                        if o.location.region == region.id and o.status == "active"))
                                for s in catalog.species.values()]},
            scripts=("help", "region-help")))
    for species in catalog.species.values():
        pages.append(PageSpec(
            f"species/{species.id}.md", "species.html", species.plural,
            f"Clinics in the network that treat {species.plural.lower()}.",
            {"species": species, "by_region": _by_region(catalog, catalog.treating(species.id))}))
    for service in catalog.services.values():
        pages.append(PageSpec(
            f"services/{service.id}.md", "service.html", service.label, service.description,
            {"service": service, "by_region": _by_region(catalog, catalog.offering(service.id))}))
    for entry in sorted(catalog.organisations.values(), key=lambda e: e.id):
        org = entry.model
        pages.append(PageSpec(
            f"organisations/{org.id}.md", "organisation.html", org.name, org.summary,
            {"org": org, "region": catalog.region_of(org),
             "partner": catalog.org(org.after_hours.partner) if org.after_hours.partner else None,
             "partner_of": catalog.partners_of(org.id),
             "record": help_record(catalog, org),
             "cover_words": cover_words(org),
             "source_path": entry.source.display},
            scripts=("help",), source=entry.source.display))
    return pages


def _by_region(catalog: Catalog, orgs: list[Organisation]) -> list[tuple[Any, list[Organisation]]]:
    return [(region, [o for o in orgs if o.location.region == region.id])
            for region in catalog.regions.values()
            if any(o.location.region == region.id for o in orgs)]


def data_files(catalog: Catalog) -> list[DataFile | TemplateFile]:
    """Who can help now, for the browser: one file per region (the finder and the call bar fetch
    only the region they need), an index of regions, and the script with the shared status words."""
    files: list[DataFile | TemplateFile] = [
        DataFile(f"{HELP_DIR}/{rid}.json", json.dumps(help_data(catalog, [rid], everyone_in_region=True),
                                                       separators=(",", ":"), ensure_ascii=False))
        for rid in catalog.regions]
    files.append(DataFile(f"{HELP_DIR}/index.json", json.dumps(help_index(catalog), separators=(",", ":"),
                                                                ensure_ascii=False)))
    files.append(TemplateFile("assets/help.js", "help.js", {"words": status_words(), "nearest_open": NEAREST_OPEN}))
    return files
