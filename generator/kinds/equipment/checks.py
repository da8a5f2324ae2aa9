"""The kit library and volunteer groups: load, check, and answer "where is the nearest one?"."""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt
from typing import Any

from generator.core.catalog import Catalog, Entry, load_entries, load_list
from generator.core.issues import Problem, Problems, Severity, Stage
from generator.core.settings import Settings
from generator.kinds.equipment.model import Equipment, EquipmentType
from generator.kinds.organisations.checks import verification_age
from generator.kinds.organisations.model import Organisation
from generator.kinds.volunteers.model import VolunteerGroup


def load_kit(settings: Settings, catalog: Catalog, problems: Problems) -> None:
    types_file = settings.directory / "equipment-types.yml"
    if types_file.exists() or types_file.is_symlink() or (settings.directory / "equipment").is_dir():
        catalog.equipment_types = load_list(types_file, EquipmentType, settings.root, problems)
        catalog.sources["equipment_types"] = catalog.equipment_types.sources
    context = {"country": "GB", "allow_fictional": settings.demo_data}
    if catalog.regions:
        context["country"] = next(iter(catalog.regions.values())).country
    catalog.equipment = load_entries(settings.directory / "equipment", Equipment, settings, problems,
                                     lambda _data: context)
    catalog.volunteers = load_entries(settings.directory / "volunteers", VolunteerGroup, settings, problems,
                                      lambda _data: context)


def check_kit(catalog: Catalog) -> list[Problem]:
    issues: list[Problem] = []
    today = catalog.settings.today
    for entry in catalog.equipment.values():
        kit, src = entry.model, entry.source
        if kit.holder in catalog.organisations and catalog.org(kit.holder).status == "closed" \
                and kit.status != "retired":
            issues.append(src.problem(("holder",), f"'{kit.holder}' has closed; retire or move this kit"))
        if kit.loanable and kit.access is None:
            issues.append(src.problem(("loanable",), "loanable kit needs access rules: who may borrow it and for "
                                      "how long", hint="add access: {who: [...], max_days: ...}"))
        if kit.last_serviced and kit.last_serviced > today:
            issues.append(src.problem(("last_serviced",), "the service date is in the future"))
        if kit.status == "available" and kit.next_service_due and kit.next_service_due < today:
            issues.append(src.problem(("next_service_due",), f"service overdue since {kit.next_service_due}; "
                                      "the kit library shows it as not available until it is serviced",
                                      hint="service it and update both dates, or set status: in-maintenance",
                                      severity=Severity.WARNING, stage=Stage.CONTENT))
    for entry in catalog.volunteers.values():
        group, src = entry.model, entry.source
        issues += verification_age(catalog, src, group.verified.on)
    return issues


def is_available(kit: Equipment, catalog: Catalog) -> bool:
    """Available to use or borrow today: its status says so and its service is not overdue."""
    if kit.status != "available":
        return False
    return not (kit.next_service_due and kit.next_service_due < catalog.settings.today)


def shown_status(kit: Equipment, catalog: Catalog) -> str:
    if kit.status == "available" and not is_available(kit, catalog):
        return "service overdue"
    return kit.status.replace("-", " ")


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * asin(sqrt(h))


def region_centre(catalog: Catalog, region_id: str) -> tuple[float, float] | None:
    points = [(o.location.coordinates.lat, o.location.coordinates.lon) for o in catalog.in_region(region_id)
              if o.location.coordinates]
    if not points:
        return None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def nearest_available(catalog: Catalog, item: str, region_id: str) -> list[dict[str, Any]]:
    """Available kit of one type for a region: held in the region first, then by distance."""
    return list(catalog.memo(("nearest_kit", item, region_id, len(catalog.equipment)),
                              lambda: _nearest_available(catalog, item, region_id)))


def _nearest_available(catalog: Catalog, item: str, region_id: str) -> list[dict[str, Any]]:
    centre = region_centre(catalog, region_id)
    rows = []
    for kit in catalog.kit_list():
        if kit.item != item or not is_available(kit, catalog):
            continue
        holder: Organisation = catalog.org(kit.holder)
        coords = holder.location.coordinates
        distance = _distance_km(centre, (coords.lat, coords.lon)) if centre and coords else None
        rows.append({"kit": kit, "holder": holder, "in_region": holder.location.region == region_id,
                     "distance_km": round(distance) if distance is not None else None})
    return sorted(rows, key=lambda r: (not r["in_region"], r["distance_km"] if r["distance_km"] is not None
                                       else 10**6, r["holder"].name))


__all__ = ["Entry", "check_kit", "load_kit", "is_available", "nearest_available", "shown_status"]
