"""First aid pages in the order owners read them, for everyone or for one species."""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.core.loading import MarkdownEntry
from generator.kinds.vocabularies.model import Species


def first_aid_pages(catalog: Catalog) -> list[MarkdownEntry]:
    return sorted(catalog.first_aid.values(), key=lambda e: (e.model.order, e.model.title.lower()))


def first_aid_for_species(catalog: Catalog, species_id: str) -> list[MarkdownEntry]:
    return [e for e in first_aid_pages(catalog) if "all" in e.model.species or species_id in e.model.species]


def species_guides_title(species: Species) -> str:
    """The title of a species' page of problem guides and first aid (first-aid/species/<id>/); search
    (generator/site/search_words.py) offers the page under the same title."""
    return f"{species.plural}: problem guides and first aid"
