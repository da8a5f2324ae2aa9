"""Plan the first aid pages: the index, one page per first aid page (its Markdown rendered and
sanitised here), and one page per species with its guides and first aid."""

from __future__ import annotations

from generator.common.markdown_text import render_markdown
from generator.core.catalog import Catalog
from generator.core.specs import PageSpec
from generator.kinds.first_aid.views import first_aid_for_species, first_aid_pages, species_guides_title
from generator.kinds.organisations.help_data import with_call_bar
from generator.kinds.triage.views import guides_for_species


def plan_first_aid_index(catalog: Catalog) -> list[PageSpec]:
    if not catalog.tiers:  # first aid sits beside the triage guides it points to
        return []
    return [with_call_bar(PageSpec("first-aid/index.md", "first-aid-index.html", "First aid for owners",
                                   "What you can safely do before and on the way to the vet.",
                                   {"pages": first_aid_pages(catalog)}), catalog.species.values())]


def plan_first_aid(catalog: Catalog) -> list[PageSpec]:
    if not catalog.tiers:
        return []
    pages = []
    for entry in first_aid_pages(catalog):
        body = render_markdown(entry.body)
        spec = PageSpec(f"first-aid/{entry.id}.md", "first-aid.html", entry.model.title, entry.model.summary,
                        {"page": entry.model, "body": body.html}, toc=body.toc,
                        source=entry.source.display, history=f"first-aid/{entry.id}/changes/")
        covered = [s for s in catalog.species.values() if "all" in entry.model.species or s.id in entry.model.species]
        pages.append(with_call_bar(spec, covered))
    for species in catalog.species.values():
        spec = PageSpec(f"first-aid/species/{species.id}.md", "first-aid-species.html",
                        species_guides_title(species), f"Problem guides and first aid for {species.plural.lower()}.",
                        {"species": species, "guides": guides_for_species(catalog, species.id),
                         "pages": first_aid_for_species(catalog, species.id)})
        pages.append(with_call_bar(spec, [species]))
    return pages
