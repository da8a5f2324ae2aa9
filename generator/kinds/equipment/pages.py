"""Plan the kit library: kit by region and by type, and for each type the nearest available item in
every region, with what the browser needs to choose them again on its own day.

Up to `kit_entries_on_one_page` items (mkdocs.yml extra) the library lists every item by region, and up
to as many entries (its items and the nearest candidates it carries for each region) a type's page
lists every item of the type with the nearest for each region. Beyond (a national network
shares thousands of items) the library lists the regions with their counts, each region's kit on its
own page (kit/regions/<region>/), and a type's page lists the regions, each with a page of the
nearest available for that region and the items of the type held there (kit/<type>/<region>/): kit
is lent within a region, and a clinician looks for the nearest."""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.core.specs import PageSpec
from generator.kinds.equipment.views import (
    NEAREST_SHOWN,
    EquipmentRow,
    equipment_list,
    equipment_row,
    nearest_rows,
    type_split,
)
from generator.kinds.vocabularies.views import by_region


def plan_equipment(catalog: Catalog) -> list[PageSpec]:
    if not catalog.equipment:
        return []
    items = equipment_list(catalog)
    types_used = [t for t in catalog.equipment_types.values() if any(k.item == t.id for k in items)]
    module_titles = {mid: e.model.title for mid, e in catalog.get("modules", {}).items()}
    limit = catalog.settings.kit_entries_on_one_page
    held_in = by_region(catalog.regions.values(),
                        [equipment_row(catalog, k) for k in items if k.status != "retired"], _holder_region)
    split = sum(len(rows) for _, rows in held_in) > limit
    pages = [PageSpec("kit/index.md", "equipment-library.html", "Kit library",
                      "Shared equipment across the network, by region and by type, and who can borrow it.",
                      {"types": types_used, "by_region": held_in, "listed": not split,
                       "region_pages": [(r, rows, f"kit/regions/{r.id}/") for r, rows in held_in if rows]},
                      scripts=KIT_SCRIPTS)]
    having = {r.id for r, rows in held_in if rows}

    def region_kit(region_id: str) -> str:
        """Where the library lists a region's kit: its own page, its part of the library, or (split,
        with none there) the library's list of regions."""
        if not split:
            return f"kit/#kit-{region_id}"
        return f"kit/regions/{region_id}/" if region_id in having else "kit/#regions"

    if split:
        pages += [PageSpec(f"kit/regions/{r.id}.md", "equipment-region.html", f"Kit in {r.label}",
                           f"Shared equipment held in {r.label}, and who can borrow it.",
                           {"region": r, "items": rows}, scripts=KIT_SCRIPTS)
                  for r, rows in held_in if rows]
    for kind in types_used:
        rows = [equipment_row(catalog, k) for k in items if k.item == kind.id]
        context = {"equipment_type": kind, "module_titles": module_titles, "shown": NEAREST_SHOWN, "region": None}
        nearest = [(r, nearest_rows(catalog, kind.id, r.id)) for r in catalog.regions.values()]
        if not type_split(catalog, kind.id):
            pages.append(PageSpec(
                f"kit/{kind.id}.md", "equipment-type.html", kind.label, kind.description,
                {**context, "items": rows, "region_pages": [], "nearest": nearest},
                scripts=KIT_SCRIPTS + ("kit-region",)))
            continue
        held = {r.id: in_it for r, in_it in by_region(catalog.regions.values(), rows, _holder_region)}
        pages.append(PageSpec(
            f"kit/{kind.id}.md", "equipment-type.html", kind.label, kind.description,
            {**context, "items": [], "nearest": [],
             "region_pages": [(r, held[r.id], f"kit/{kind.id}/{r.id}/") for r in catalog.regions.values()]},
            scripts=KIT_SCRIPTS))
        pages += [PageSpec(
            f"kit/{kind.id}/{r.id}.md", "equipment-type.html", f"{kind.label} in {r.label}",
            f"The nearest available {kind.label.lower()} for {r.label}, and those held there.",
            {**context, "region": r, "items": held[r.id], "region_pages": [], "region_kit": region_kit(r.id),
             "nearest": [(r, near)]},
            scripts=KIT_SCRIPTS + ("kit-region",)) for r, near in nearest]
    return pages


# the browser's availability rule, and the kit rows it says again for the reader's day
KIT_SCRIPTS = ("kit-availability", "kit-rows")

def _holder_region(row: EquipmentRow) -> str:
    return row.holder.location.region
