"""Shared equipment: what is available today, what an organisation holds, and the nearest available
item of a type for a region."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.common.geo import distance_km
from generator.core.catalog import Catalog
from generator.kinds.equipment.model import Equipment
from generator.kinds.organisations.availability import region_centre
from generator.kinds.organisations.model import Organisation
from generator.kinds.organisations.views import organisation


def equipment_list(catalog: Catalog) -> list[Equipment]:
    return list(catalog.memo(("equipment", len(catalog.equipment)),
                             lambda: sorted((e.model for e in catalog.equipment.values()), key=lambda k: k.id)))


def equipment_of(catalog: Catalog, org_id: str) -> list[Equipment]:
    """What an organisation holds, retired items left out."""
    def by_holder() -> dict[str, list[Equipment]]:
        held: dict[str, list[Equipment]] = {}
        for item in equipment_list(catalog):
            if item.status != "retired":
                held.setdefault(item.holder, []).append(item)
        return held
    return list(catalog.memo(("equipment_by_holder", len(catalog.equipment)), by_holder).get(org_id, []))


def is_available(equipment: Equipment, catalog: Catalog) -> bool:
    """Available to use or borrow today: its status says so and its service is not overdue."""
    if equipment.status != "available":
        return False
    return not (equipment.next_service_due and equipment.next_service_due < catalog.settings.today)


def shown_status(equipment: Equipment, catalog: Catalog) -> str:
    if equipment.status == "available" and not is_available(equipment, catalog):
        return "service overdue"
    return equipment.status.replace("-", " ")


def nearest_available(catalog: Catalog, item: str, region_id: str) -> list[dict[str, Any]]:
    """Available kit of one type for a region: held in the region first, then by distance."""
    return list(catalog.memo(("nearest_equipment", item, region_id, len(catalog.equipment)),
                              lambda: _nearest_available(catalog, item, region_id)))


def _nearest_available(catalog: Catalog, item: str, region_id: str) -> list[dict[str, Any]]:
    centre = region_centre(catalog, region_id)
    rows = []
    for equipment in equipment_list(catalog):
        if equipment.item != item or not is_available(equipment, catalog):
            continue
        holder: Organisation = organisation(catalog, equipment.holder)
        coords = holder.location.coordinates
        distance = distance_km(centre, (coords.lat, coords.lon)) if centre and coords else None
        rows.append({"equipment": equipment, "holder": holder, "in_region": holder.location.region == region_id,
                     "distance_km": round(distance) if distance is not None else None})
    return sorted(rows, key=lambda r: (not r["in_region"], r["distance_km"] if r["distance_km"] is not None
                                       else 10**6, r["holder"].name))


@dataclass(frozen=True)
class EquipmentRow:
    """An item as the kit lists show it: who holds it, and whether it can be used or borrowed today."""

    equipment: Equipment
    holder: Organisation
    available: bool
    status: str


def equipment_row(catalog: Catalog, item: Equipment) -> EquipmentRow:
    return EquipmentRow(item, organisation(catalog, item.holder), is_available(item, catalog),
                        shown_status(item, catalog))
