"""Plan the volunteer groups: an index by region and one page per group."""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.core.specs import PageSpec
from generator.kinds.organisations.views import organisation
from generator.kinds.volunteers.views import volunteers_in


def plan_volunteers(catalog: Catalog) -> list[PageSpec]:
    if not catalog.volunteers:
        return []
    groups = sorted((e.model for e in catalog.volunteers.values()), key=lambda g: g.name.lower())
    pages = [PageSpec("volunteers/index.md", "volunteers.html", "Volunteer groups",
                      "Volunteer groups that transport and foster small mammals, by region.",
                      {"by_region": [(r, volunteers_in(catalog, r.id)) for r in catalog.regions.values()]})]
    for group in groups:
        pages.append(PageSpec(f"volunteers/{group.id}.md", "volunteer-group.html", group.name, group.summary,
                              {"group": group, "coordinator": organisation(catalog, group.coordinator.organisation)},
                              source=catalog.volunteers[group.id].source.display))
    return pages
