"""First aid pages in the order owners read them, for everyone or for one species."""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.core.loading import MarkdownEntry


def first_aid_pages(catalog: Catalog) -> list[MarkdownEntry]:
    return sorted(catalog.first_aid.values(), key=lambda e: (e.model.order, e.model.title.lower()))


def first_aid_for_species(catalog: Catalog, species_id: str) -> list[MarkdownEntry]:
    return [e for e in first_aid_pages(catalog) if "all" in e.model.species or species_id in e.model.species]
