"""nearest_available() against figures worked out by hand from the demo directory (issue 17: the code under
test is not its own oracle).

Each region's centre is the mean of its organisations' coordinates (every organisation of the region,
closed ones too); distances are great-circle distances from that centre, rounded to the kilometre. Worked
out from directory/organisations/*.yml with a separate haversine (R = 6371 km):

    Westmoor centre (8 organisations)  51.02938, -2.30575
      Northvale Veterinary Emergency Centre   85.79 km -> 86
      Northvale Exotic Pet Clinic             86.33 km -> 86  (a tie: then by name, 'Exotic' < 'Veterinary')
      Southhaven Animal Emergency Hospital    88.99 km -> 89
      Southhaven University Veterinary Hosp.  89.57 km -> 90
      Saltwick Veterinary Hospital           183.03 km -> 183
      Mossgate Veterinary Centre             173.68 km -> 174
    Northvale centre (9 organisations)  51.41144, -1.23867
      Northvale Veterinary Emergency Centre    0.19 km -> 0, Northvale Exotic Pet Clinic 1.42 -> 1,
      Southhaven University Veterinary Hosp.  64.09 -> 64, Southhaven Animal Emergency Hospital 67.52 -> 68,
      Southhaven Chinchilla and Degu Clinic   67.36 -> 67, Saltwick Veterinary Hospital 114.70 -> 115
    Eastmarsh centre (8 organisations)  51.05288, 0.25413
      Saltwick Veterinary Hospital 4.20 -> 4, Southhaven University Veterinary Hosp. 94.96 -> 95,
      Southhaven Animal Emergency Hospital 97.52 -> 98, Northvale Exotic Pet Clinic 109.92 -> 110,
      Northvale Veterinary Emergency Centre 111.17 -> 111

The demo's kit (directory/equipment): five oxygen cages, all available, but Northvale Exotic Pet Clinic's
(northvale-oxygen-cage-2) is out on loan from 19 to 25 November 2026, and the demo is read on the 21st;
a capnograph in maintenance at
Northvale Veterinary Emergency Centre and one available at the university hospital; a dental unit on loan in
Northvale and one available in Southhaven (service due 2027-01-15); a doppler on loan in Westmoor and one
available in Eastmarsh; a nebuliser retired in Northvale and one available in Southhaven.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from generator.common.geo import distance_km
from generator.core.loading import Entry
from generator.kinds.equipment.model import Equipment
from generator.kinds.equipment.views import first_available, nearest_available, nearest_candidates
from generator.kinds.organisations.availability import region_centre
from tests.helpers import catalog_with


def _listed(catalog, item: str, region: str) -> list[tuple[str, str, bool, int | None]]:
    return [(row["equipment"].id, row["holder"].name, row["in_region"], row["distance_km"])
            for row in nearest_available(catalog, item, region)]


NEAREST = [
    # no oxygen cage in Westmoor: all are elsewhere, nearest first (equal distances by holder name); the
    # cage on loan is left out wherever it is
    ("oxygen-cage", "westmoor", [
        ("northvale-oxygen-cage-1", "Northvale Veterinary Emergency Centre", False, 86),
        ("southhaven-oxygen-cage-1", "Southhaven Animal Emergency Hospital", False, 89),
        ("southhaven-oxygen-cage-2", "Southhaven University Veterinary Hospital", False, 90),
        ("saltwick-oxygen-cage-1", "Saltwick Veterinary Hospital", False, 183)]),
    # the region's own kit first, then the rest by distance
    ("oxygen-cage", "northvale", [
        ("northvale-oxygen-cage-1", "Northvale Veterinary Emergency Centre", True, 0),
        ("southhaven-oxygen-cage-2", "Southhaven University Veterinary Hospital", False, 64),
        ("southhaven-oxygen-cage-1", "Southhaven Animal Emergency Hospital", False, 68),
        ("saltwick-oxygen-cage-1", "Saltwick Veterinary Hospital", False, 115)]),
    ("oxygen-cage", "eastmarsh", [
        ("saltwick-oxygen-cage-1", "Saltwick Veterinary Hospital", True, 4),
        ("southhaven-oxygen-cage-2", "Southhaven University Veterinary Hospital", False, 95),
        ("southhaven-oxygen-cage-1", "Southhaven Animal Emergency Hospital", False, 98),
        ("northvale-oxygen-cage-1", "Northvale Veterinary Emergency Centre", False, 111)]),
    # in maintenance, on loan and retired kit is never offered, even in the region itself
    ("capnograph", "northvale", [
        ("southhaven-capnograph-1", "Southhaven University Veterinary Hospital", False, 64)]),
    ("dental-unit", "northvale", [
        ("southhaven-dental-unit-1", "Southhaven Chinchilla and Degu Clinic", False, 67)]),
    ("doppler", "westmoor", [("eastmarsh-doppler-1", "Mossgate Veterinary Centre", False, 174)]),
    # a type nobody holds
    ("no-such-kit", "westmoor", []),
]


@pytest.mark.parametrize(("item", "region", "expected"), NEAREST, ids=[f"{i}-{r}" for i, r, _ in NEAREST])
def test_nearest_available_kit_worked_out_by_hand(demo_catalog, item: str, region: str, expected) -> None:
    assert _listed(demo_catalog, item, region) == expected


def test_retired_kit_is_never_offered(demo_catalog) -> None:
    assert [row[1] for row in _listed(demo_catalog, "nebuliser", "northvale")] == ["Southhaven Exotic Vets"]


@pytest.mark.parametrize(("today", "offered"), [
    (date(2027, 1, 14), ["Southhaven Chinchilla and Degu Clinic"]),
    (date(2027, 1, 15), ["Southhaven Chinchilla and Degu Clinic"]),  # due today: still in service
    (date(2027, 1, 16), []),  # a day overdue: not offered
])
def test_kit_overdue_for_service_is_not_offered(demo_catalog, today: date, offered: list[str]) -> None:
    later = catalog_with(demo_catalog, dataclasses.replace(demo_catalog.settings, today=today))
    assert [row[1] for row in _listed(later, "dental-unit", "northvale")] == offered


@pytest.mark.parametrize("today", [date(2026, 11, 21), date(2026, 11, 26), date(2027, 2, 1)])
def test_first_available_is_the_first_nearest_available(demo_catalog, today: date) -> None:
    """A guide names the first kit of each type per region (first_available): the same item as the
    kit page's list, on a day with loans, after them, and after a service fell due."""
    catalog = catalog_with(demo_catalog, dataclasses.replace(demo_catalog.settings, today=today))
    for item in catalog.equipment_types:
        for region in catalog.regions:
            rows = nearest_available(catalog, item, region)
            first = first_available(catalog, item, region)
            assert (first["equipment"].id if first else None) == (rows[0]["equipment"].id if rows else None)


def _sorted_at_once(catalog, item: str, region: str) -> list[str]:
    """The order as one sort of every available item of the type (ids in order, a stable sort): the
    region's own first, then by rounded distance from the region's centre (none: last), then by the
    holder's name."""
    centre = region_centre(catalog, region)

    def key(equipment) -> tuple:
        holder = catalog.organisations[equipment.holder].model
        coords = holder.location.coordinates
        distance = round(distance_km(centre, (coords.lat, coords.lon))) if centre and coords else 10**6
        return (holder.location.region != region, distance, holder.name)

    items = sorted((e.model for e in catalog.equipment.values()
                    if e.model.item == item and e.model.status == "available"), key=lambda e: e.id)
    return [e.id for e in sorted(items, key=key)]


def test_ties_keep_the_order_of_one_sort(demo_catalog) -> None:
    """Holders of one name at one distance (here: every holder renamed, half without coordinates)
    and items of several regions interleaved by id: the candidates, worked out region by region,
    come in the order of the whole list sorted at once (review of the lazy candidates, ninth session)."""
    holders = sorted(demo_catalog.organisations)
    base = demo_catalog.equipment["northvale-oxygen-cage-2"]
    extra = {}
    for n in range(12):
        data = {**base.model.model_dump(by_alias=True, exclude={"loans"}), "id": f"twin-cage-{n:02d}",
                "holder": holders[n % len(holders)], "loans": []}
        extra[data["id"]] = Entry(Equipment.model_validate(data, context={"allow_fictional": True}), base.source)
    twins = {}
    for number, (org_id, entry) in enumerate(sorted(demo_catalog.organisations.items())):
        location = entry.model.location
        if number % 2:
            location = location.model_copy(update={"coordinates": None})
        twins[org_id] = dataclasses.replace(
            entry, model=entry.model.model_copy(update={"name": "Twin Vets", "location": location}))
    catalog = catalog_with(demo_catalog, organisations=twins, equipment={**demo_catalog.equipment, **extra})
    for region in catalog.regions:
        assert [row["equipment"].id for row in nearest_candidates(catalog, "oxygen-cage", region)] \
            == _sorted_at_once(catalog, "oxygen-cage", region), region
