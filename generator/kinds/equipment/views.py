"""Shared equipment: what is available on a day (status, service date and loan schedule), what an
organisation holds, and the nearest available item of a type for a region.

The browser decides availability again with the same rule (theme/assets/kit-availability.js, fed by
kit_state), because a static kit page can be older than a loan's end; tests/unit/equipment/
test_kit_differential.py runs both on the same cases."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from generator.common.geo import distance_km
from generator.core.catalog import Catalog
from generator.kinds.equipment.model import Equipment, Loan
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


def loan_on(equipment: Equipment, day: date) -> Loan | None:
    """The booked or current loan that has the item away on ``day``, if any."""
    return next((loan for loan in equipment.loans if loan.blocks and loan.covers(day)), None)


def free_from(equipment: Equipment, day: date) -> date | None:
    """When an item away on ``day`` comes back: the day after its loan, or after the loans that follow
    on without a gap. None when it is not away on a loan that day."""
    loan = loan_on(equipment, day)
    if loan is None:
        return None
    back = loan.to + timedelta(days=1)
    while (following := loan_on(equipment, back)) is not None:
        back = following.to + timedelta(days=1)
    return back


def available_on(equipment: Equipment, day: date) -> bool:
    """Usable or borrowable on ``day``: its status says so, its service is not overdue and no loan has
    it away."""
    if equipment.status != "available":
        return False
    if equipment.next_service_due and equipment.next_service_due < day:
        return False
    return loan_on(equipment, day) is None


def is_available(equipment: Equipment, catalog: Catalog) -> bool:
    """Available to use or borrow on the build's day."""
    return available_on(equipment, catalog.settings.today)


def kit_state(equipment: Equipment) -> dict[str, Any]:
    """What the browser needs to apply available_on itself (theme/assets/kit-availability.js)."""
    return {"status": equipment.status,
            "due": equipment.next_service_due.isoformat() if equipment.next_service_due else None,
            "loans": [[loan.from_.isoformat(), loan.to.isoformat()] for loan in equipment.loans if loan.blocks]}


def upcoming_loans(equipment: Equipment, day: date) -> list[Loan]:
    """The booked and current loans that end on or after ``day``, soonest first (borrowers not shown)."""
    return sorted((loan for loan in equipment.loans if loan.blocks and loan.to >= day), key=lambda loan: loan.from_)


def shown_status(equipment: Equipment, catalog: Catalog) -> str:
    today = catalog.settings.today
    if equipment.status == "available" and loan_on(equipment, today):
        return "on loan"
    if equipment.status == "available" and not is_available(equipment, catalog):
        return "service overdue"
    return equipment.status.replace("-", " ")


def nearest_available(catalog: Catalog, item: str, region_id: str, day: date | None = None) -> list[dict[str, Any]]:
    """Kit of one type available on ``day`` (the build's day by default) for a region: held in the
    region first, then by distance."""
    return list(_available(catalog, item, region_id, day or catalog.settings.today))


def first_available(catalog: Catalog, item: str, region_id: str) -> dict[str, Any] | None:
    """The first of nearest_available's answer, found without checking every other candidate."""
    return next(_available(catalog, item, region_id, catalog.settings.today), None)


def _available(catalog: Catalog, item: str, region_id: str, day: date) -> Iterator[dict[str, Any]]:
    return (row for row in _candidates(catalog, item, region_id) if available_on(row["equipment"], day))


def nearest_candidates(catalog: Catalog, item: str, region_id: str) -> list[dict[str, Any]]:
    """Every item of one type whose status is available, in nearest-first order, whatever the day: the
    browser picks the ones free on its own day from these (the order never depends on the day)."""
    return list(_candidates(catalog, item, region_id))


def _candidates(catalog: Catalog, item: str, region_id: str) -> Iterator[dict[str, Any]]:
    """nearest_candidates, worked out only as far as it is read."""
    return iter(catalog.memo(("nearest_equipment", item, region_id, len(catalog.equipment)),
                             lambda: _Remembered(_nearest_first(catalog, item, region_id))))


def _nearest_first(catalog: Catalog, item: str, region_id: str) -> Iterator[dict[str, Any]]:
    """The region's own items first, then the others, each part by distance from the region's centre
    and then by holder. Readers stop after a few items, almost always inside the region: the others'
    distances are worked out only when a reader gets that far (for every type and region they made
    the kit pages quadratic in the size of the network)."""
    centre = region_centre(catalog, region_id)
    held = _available_by_item_and_region(catalog).get(item, {})
    yield from _by_distance(catalog, centre, region_id, held.get(region_id, []))
    yield from _by_distance(catalog, centre, region_id,
                            [equipment for region, items in held.items() if region != region_id for equipment in items])


def _by_distance(catalog: Catalog, centre: tuple[float, float] | None, region_id: str,
                 items: list[Equipment]) -> list[dict[str, Any]]:
    rows = []
    for equipment in items:
        holder: Organisation = organisation(catalog, equipment.holder)
        coords = holder.location.coordinates
        distance = distance_km(centre, (coords.lat, coords.lon)) if centre and coords else None
        rows.append({"equipment": equipment, "holder": holder, "in_region": holder.location.region == region_id,
                     "distance_km": round(distance) if distance is not None else None})
    # ties (holders of one name at one distance) go by the item's id, as in the whole list sorted at once
    return sorted(rows, key=lambda r: (r["distance_km"] if r["distance_km"] is not None else 10**6, r["holder"].name,
                                       r["equipment"].id))


class _Remembered:
    """An iterator's items, worked out once as far as any reader has read, for every later reader."""

    def __init__(self, items: Iterator[dict[str, Any]]) -> None:
        self._items = items
        self._seen: list[dict[str, Any]] = []

    def __iter__(self) -> Iterator[dict[str, Any]]:
        index = 0
        while True:
            if index == len(self._seen):
                following = next(self._items, None)
                if following is None:
                    return
                self._seen.append(following)
            yield self._seen[index]
            index += 1


def _available_by_item_and_region(catalog: Catalog) -> dict[str, dict[str, list[Equipment]]]:
    """Items whose status is available, by type and by their holder's region."""
    def grouped() -> dict[str, dict[str, list[Equipment]]]:
        by_item: dict[str, dict[str, list[Equipment]]] = {}
        for equipment in equipment_list(catalog):
            if equipment.status == "available":
                region = organisation(catalog, equipment.holder).location.region
                by_item.setdefault(equipment.item, {}).setdefault(region, []).append(equipment)
        return by_item
    return catalog.memo(("equipment_available_by_item", len(catalog.equipment)), grouped)


NEAREST_SHOWN = 5  # items listed per region (theme/assets/kit-region.js shows as many)


def nearest_rows(catalog: Catalog, item: str, region_id: str) -> list[dict[str, Any]]:
    """The candidates the page carries, nearest first, each marked shown when it is one of the first
    NEAREST_SHOWN available on the build's day (nearest_available's answer); the browser redoes the
    choice for its own day. The list stops at the NEAREST_SHOWN-th item with no loan from the build's
    day on: on any later day those are still free (unless their service falls due), so nothing
    further could be chosen, and a large network's page stays small."""
    today = catalog.settings.today
    rows, shown, settled = [], 0, 0
    for row in _candidates(catalog, item, region_id):
        equipment = row["equipment"]
        free = available_on(equipment, today) and shown < NEAREST_SHOWN
        shown += free
        rows.append({**row, "shown": free, "state": kit_state(equipment)})
        settled += available_on(equipment, today) and not upcoming_loans(equipment, today)
        if settled == NEAREST_SHOWN:
            break
    return rows


def type_split(catalog: Catalog, item: str) -> bool:
    """Whether a kit type has a page per region (kit/<type>/<region>/): when its items and the
    candidates it carries for every region are more than `kit_entries_on_one_page` (at 40 regions the
    candidates weigh as much as 200 items)."""
    def split_types() -> dict[str, bool]:
        limit = catalog.settings.kit_entries_on_one_page
        counts: dict[str, int] = {}
        for equipment in equipment_list(catalog):
            counts[equipment.item] = counts.get(equipment.item, 0) + 1
        return {kind: count + sum(len(nearest_rows(catalog, kind, region)) for region in catalog.regions) > limit
                for kind, count in counts.items()}
    return catalog.memo(("kit_type_split", len(catalog.equipment)), split_types).get(item, False)


def type_page_for(catalog: Catalog, item: str, region_id: str) -> tuple[str, str]:
    """Where a kit type's nearest available for a region is listed, as (page, fragment): the type's
    page for the region, or the region's part of the type's page."""
    if type_split(catalog, item):
        return f"kit/{item}/{region_id}/", ""
    return f"kit/{item}/", f"near-{region_id}"


@dataclass(frozen=True)
class EquipmentRow:
    """An item as the kit lists show it: who holds it, and whether it can be used or borrowed today."""

    equipment: Equipment
    holder: Organisation
    available: bool
    status: str
    back: date | None  # away on a loan today: the day it is free again
    loans: list[Loan]  # booked and current loans, soonest first
    state: dict[str, Any]  # kit_state: the browser says again whether it is available on its own day
    type_page: tuple[str, str]  # the nearest of its type for its holder's region (type_page_for)


def equipment_row(catalog: Catalog, item: Equipment) -> EquipmentRow:
    today = catalog.settings.today
    holder = organisation(catalog, item.holder)
    return EquipmentRow(item, holder, is_available(item, catalog), shown_status(item, catalog),
                        free_from(item, today), upcoming_loans(item, today), kit_state(item),
                        type_page_for(catalog, item.item, holder.location.region))
