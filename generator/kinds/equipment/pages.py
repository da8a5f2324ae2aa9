"""Plan the kit library: kit by region and by type, and for each type the nearest available item in
every region, with what the browser needs to choose them again on its own day."""

from __future__ import annotations

from typing import Any

from generator.core.catalog import Catalog
from generator.core.specs import PageSpec
from generator.kinds.equipment.views import (
    available_on,
    equipment_list,
    equipment_row,
    kit_state,
    nearest_candidates,
    upcoming_loans,
)
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
                                     for r in catalog.regions.values()]},
                      scripts=KIT_SCRIPTS)]
    for kind in types_used:
        pages.append(PageSpec(
            f"kit/{kind.id}.md", "equipment-type.html", kind.label, kind.description,
            {"equipment_type": kind, "items": [equipment_row(catalog, k) for k in items if k.item == kind.id],
             "nearest": [(r, nearest_rows(catalog, kind.id, r.id)) for r in catalog.regions.values()],
             "module_titles": module_titles, "shown": NEAREST_SHOWN},
            scripts=KIT_SCRIPTS + ("kit-region",)))
    return pages


# the browser's availability rule, and the kit rows it says again for the reader's day
KIT_SCRIPTS = ("kit-availability", "kit-rows")
NEAREST_SHOWN = 5  # items listed per region (theme/assets/kit-region.js shows as many)


def nearest_rows(catalog: Catalog, item: str, region_id: str) -> list[dict[str, Any]]:
    """The candidates the page carries, nearest first, each marked shown when it is one of the first
    NEAREST_SHOWN available on the build's day (nearest_available's answer); the browser redoes the
    choice for its own day. The list stops at the NEAREST_SHOWN-th item with no loan from the build's
    day on: on any later day those are still free (unless their service falls due), so nothing
    further could be chosen, and a large network's page stays small."""
    today = catalog.settings.today
    rows, shown, settled = [], 0, 0
    for row in nearest_candidates(catalog, item, region_id):
        equipment = row["equipment"]
        free = available_on(equipment, today) and shown < NEAREST_SHOWN
        shown += free
        rows.append({**row, "shown": free, "state": kit_state(equipment)})
        settled += available_on(equipment, today) and not upcoming_loans(equipment, today)
        if settled == NEAREST_SHOWN:
            break
    return rows
