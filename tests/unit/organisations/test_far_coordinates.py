"""Coordinates far from every other clinic of the region are a warning (latitude and longitude swapped,
a sign dropped): owners who share their location would be offered the wrong clinic first. Eastmarsh's
fixture clinics lie within about 20 km of each other."""

from __future__ import annotations

import pytest

from generator.core.settings import Settings
from generator.kinds.organisations.availability_checks import check_availability
from generator.site.pipeline import load_catalog
from tests.helpers import VALID, org_data, with_orgs

ORG_IDS = sorted(p.stem for p in (VALID / "directory" / "organisations").glob("*.yml"))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(Settings(root=VALID, demo_data=True))[0]


@pytest.mark.parametrize(("coordinates", "found"), [
    ({"lat": 51.104, "lon": 0.402}, None),  # where it is
    ({"lat": 51.9, "lon": 0.9}, None),  # 95 km away: a large region, perhaps
    ({"lat": 0.402, "lon": 51.104}, "latitude and longitude look swapped: lat: 51.104, lon: 0.402"),
    ({"lat": 51.104, "lon": -4.402}, "check them on a map"),  # a dropped digit and a sign: 335 km west
])
def test_coordinates_far_from_the_regions_other_clinics(catalog, coordinates: dict, found: str | None) -> None:
    moved = org_data("pebblesham-vets")
    moved["location"] = {**moved["location"], "coordinates": coordinates}
    network = with_orgs(catalog, moved, *[org_data(o) for o in ORG_IDS if o != "pebblesham-vets"])
    problems = [p for p in check_availability(network, []) if p.field == "location.coordinates"]
    if found is None:
        assert problems == []
    else:
        [problem] = problems
        assert "km from the other clinics of eastmarsh" in problem.message and found in problem.hint
