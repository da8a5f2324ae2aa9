"""Volunteer groups (directory/volunteers/): groups, never individuals, that transport and foster
animals, reached through a coordinating organisation.

May import generator.core, generator.common and the kinds below it (organisations)."""

from __future__ import annotations

from typing import Any

from generator.common.freshness import verification_age
from generator.core.catalog import Catalog
from generator.core.collection import Collection, entries
from generator.core.content_type import ContentType
from generator.core.issues import Issue
from generator.core.references import ref
from generator.kinds.volunteers.model import VolunteerGroup
from generator.kinds.volunteers.pages import plan_volunteers

URL = "volunteers/{id}/"


def _context(data: Any, catalog: Catalog) -> dict[str, Any]:
    country = next(iter(catalog.regions.values())).country if catalog.regions else "GB"
    return {"country": country, "allow_fictional": catalog.settings.demo_data}


def check_volunteers(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    return [issue for entry in catalog.volunteers.values()
            for issue in verification_age(catalog.settings, entry.source, entry.model.verified.on)]


def _export(catalog: Catalog, site_url: str, public: Any) -> Collection:
    return Collection("volunteer-groups", "Volunteer groups", "Volunteer groups that transport and foster animals.",
                      VolunteerGroup, entries([e.model for e in catalog.volunteers.values()],
                                              lambda g: URL.format(id=g.id), site_url, public))


VOLUNTEERS = ContentType(
    "volunteers", VolunteerGroup, folder="directory/volunteers", new="volunteer-group",
    schema="volunteer-group.schema.json", url=URL, needs=("regions",), context=_context,
    references=(
        ref("regions.*", "regions", "region"),
        ref("coordinator.organisation", "organisations", "organisation", list_options=False),
    ),
    checks=(check_volunteers,), pages=plan_volunteers, export=_export, examples="volunteers")

TYPES = (VOLUNTEERS,)
