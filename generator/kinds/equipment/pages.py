"""Plan the kit library: kit by region and by type, and for each type the nearest available item in
every region."""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.core.specs import PageSpec
from generator.kinds.equipment.views import equipment_list, equipment_row, nearest_available
from generator.kinds.organisations.views import organisation


def plan_equipment(catalog: Catalog) -> list[PageSpec]:
    if not catalog.equipment:
        return []
    items = equipment_list(catalog)
    types_used = [t for t in catalog.equipment_types.values() if any(k.item == t.id for k in items)]
    module_titles = {mid: e.model.title for mid, e in catalog.get("modules", {}).items()}
    pages = [PageSpec("kit/index.md", "equipment-library.html", "Kit library",
                      "Shared equipment across the network, by region and by type, and who can borrow it.",
                      {"types": types_used,
                       "by_region": [(r, [equipment_row(catalog, k) for k in items if k.status != "retired"
                                          and organisation(catalog, k.holder).location.region == r.id])
                                     for r in catalog.regions.values()]})]
    for kind in types_used:
        pages.append(PageSpec(
            f"kit/{kind.id}.md", "equipment-type.html", kind.label, kind.description,
            {"equipment_type": kind, "items": [equipment_row(catalog, k) for k in items if k.item == kind.id],
             "nearest": [(r, nearest_available(catalog, kind.id, r.id)[:5]) for r in catalog.regions.values()],
             "module_titles": module_titles},
            scripts=("kit-region",)))
    return pages
