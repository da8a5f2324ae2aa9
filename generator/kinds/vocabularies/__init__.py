"""The controlled vocabularies of the directory (directory/<name>.yml): regions, species, services,
kinds of organisation and languages. Vocabularies are data files, not Python constants.

May import generator.core and generator.common."""

from __future__ import annotations

from generator.core.collection import terms
from generator.core.content_type import ContentType
from generator.kinds.vocabularies.checks import check_region_calendars
from generator.kinds.vocabularies.model import Language, OrganisationKind, Region, Service, Species


def _vocabulary(name: str, model: type, title: str, description: str, url: str | None = None,
                checks: tuple = ()) -> ContentType:
    return ContentType(name, model, file=f"directory/{name}.yml", is_list=True, schema=f"{name}.schema.json",
                       export=terms(name, title, description, model, url), examples=name, terms=True,
                       checks=checks)


REGIONS = _vocabulary("regions", Region, "Regions", "The regions the network covers.", "regions/{id}/",
                      checks=(check_region_calendars,))
SPECIES = _vocabulary("species", Species, "Species", "The small-mammal species the network cares for.",
                      "species/{id}/")
SERVICES = _vocabulary("services", Service, "Services", "The services organisations offer.", "services/{id}/")
KINDS = _vocabulary("kinds", OrganisationKind, "Kinds of organisation", "What kind of organisation each entry is.")
LANGUAGES = _vocabulary("languages", Language, "Languages", "Languages organisations speak.")

TYPES = (REGIONS, SPECIES, SERVICES, KINDS, LANGUAGES)
