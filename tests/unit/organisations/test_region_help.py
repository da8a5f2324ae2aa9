"""Who can help in a region (generator/kinds/organisations/availability.py) on a small network built for
each rule: own organisations and partners, the order of the answer, the clinics offered elsewhere, and
places without coordinates (issue 17: mutation-tested; the demo network's scenarios are test_scenarios.py).

The network: in Eastmarsh, Pebblesham Vets (daytime; partner Alpha Vets), Ashby Vets (daytime; partner Zeta
Hospital), Closed Vets (closed), Marsh Rescue (a rescue, not veterinary), No-Map Vets (no coordinates). In
Southhaven: Alpha Vets (daytime), Zeta Hospital and Omega Hospital (open 24 hours, not named as partners)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from generator.core.settings import Settings
from generator.kinds.organisations.availability import (
    Answer,
    State,
    candidates,
    fallback,
    nearest_region,
    who_can_help,
)
from generator.site.pipeline import load_catalog
from tests.helpers import VALID, org_data, with_orgs

LONDON = ZoneInfo("Europe/London")
DAYTIME = [{"days": "mon-fri", "opens": "08:30", "closes": "18:30"}]
MONDAY_NOON = datetime(2026, 11, 23, 12, 0, tzinfo=LONDON)
MONDAY_NIGHT = datetime(2026, 11, 23, 23, 0, tzinfo=LONDON)
EAST = (51.10, 0.40)


def _org(org_id: str, name: str, region: str, coords: tuple[float, float] | None, **changes: Any) -> dict:
    data = org_data()
    data.update(id=org_id, name=name, hours=DAYTIME, exceptions=[], after_hours={"arrangement": "none"})
    data["location"] = {**data["location"], "region": region}
    if coords is None:
        data["location"].pop("coordinates", None)
    else:
        data["location"]["coordinates"] = {"lat": coords[0], "lon": coords[1]}
    # every organisation has its own number (the same number twice is another rule's concern)
    data["contacts"] = {**data["contacts"], "phones": [{"type": "main", "number": f"01632 960{len(org_id) + 100}"}]}
    data.update(changes)
    return data


NETWORK = [
    _org("pebblesham-vets", "Pebblesham Vets", "eastmarsh", (51.10, 0.40),
         after_hours={"arrangement": "partner", "partner": "alpha-vets"}),
    _org("ashby-vets", "Ashby Vets", "eastmarsh", (51.12, 0.42),
         after_hours={"arrangement": "partner", "partner": "zeta-hospital"}),
    _org("closed-vets", "Closed Vets", "eastmarsh", (51.11, 0.41), status="closed"),
    _org("marsh-rescue", "Marsh Rescue", "eastmarsh", (51.11, 0.41), kind="rescue", hours="24/7"),
    _org("no-map-vets", "No-Map Vets", "eastmarsh", None, hours="24/7"),
    _org("alpha-vets", "Alpha Vets", "southhaven", (50.80, -1.10), after_hours={"arrangement": "on-call"}),
    _org("zeta-hospital", "Zeta Hospital", "southhaven", (50.81, -1.08), hours="24/7",
         after_hours={"arrangement": "on-site-24h"}),
    _org("omega-hospital", "Omega Hospital", "southhaven", (50.82, -1.00), hours="24/7",
         after_hours={"arrangement": "on-site-24h"}),
]


@pytest.fixture(scope="module")
def fixture_catalog():
    return load_catalog(Settings(root=VALID, demo_data=True))[0]


@pytest.fixture
def catalog(fixture_catalog):
    return with_orgs(fixture_catalog, *[dict(d) for d in NETWORK])


def test_candidates_are_own_veterinary_organisations_then_partners_round_the_clock_first(catalog) -> None:
    # own: not closed, veterinary; partners from outside, 24-hour ones first (Zeta before Alpha)
    assert [(o.id, partner) for o, partner in candidates(catalog, "eastmarsh")] == [
        ("no-map-vets", None), ("ashby-vets", None), ("pebblesham-vets", None),
        ("zeta-hospital", "eastmarsh"), ("alpha-vets", "eastmarsh")]
    assert [(o.id, partner) for o, partner in candidates(catalog, "southhaven")] == [
        ("omega-hospital", None), ("zeta-hospital", None), ("alpha-vets", None)]


def test_the_answer_at_noon_is_in_region_first(catalog) -> None:
    answer = who_can_help(catalog, at=MONDAY_NOON, region="eastmarsh")
    assert answer.region == "eastmarsh"
    # open in the region first (24 hours before the rest, then by name), then partners
    assert [(h.org.id, h.status.state, h.partner_for) for h in answer.now] == [
        ("no-map-vets", State.OPEN_24H, None), ("ashby-vets", State.OPEN, None),
        ("pebblesham-vets", State.OPEN, None), ("zeta-hospital", State.OPEN_24H, "eastmarsh"),
        ("alpha-vets", State.OPEN, "eastmarsh")]
    assert answer.later == [] and answer.nearest_open == []


def test_the_answer_at_night(catalog) -> None:
    answer = who_can_help(catalog, at=MONDAY_NIGHT, region="eastmarsh")
    assert [(h.org.id, h.status.state) for h in answer.now] == [
        ("no-map-vets", State.OPEN_24H), ("zeta-hospital", State.OPEN_24H), ("alpha-vets", State.ON_CALL)]
    # later: soonest first, then by name
    assert [(h.org.id, h.status.when) for h in answer.later] == [
        ("ashby-vets", datetime(2026, 11, 24, 8, 30, tzinfo=LONDON)),
        ("pebblesham-vets", datetime(2026, 11, 24, 8, 30, tzinfo=LONDON))]


def test_by_distance_from_a_place_unknown_distances_last(catalog) -> None:
    answer = who_can_help(catalog, at=MONDAY_NOON, place=EAST)
    assert answer.region == "eastmarsh"
    assert [h.org.id for h in answer.now] == ["pebblesham-vets", "ashby-vets", "zeta-hospital", "alpha-vets",
                                              "no-map-vets"]
    assert answer.now[0].distance_km == pytest.approx(0.0, abs=0.01)
    assert answer.now[-1].distance_km is None


def test_a_region_given_with_a_place_keeps_the_region(catalog) -> None:
    answer = who_can_help(catalog, at=MONDAY_NOON, region="southhaven", place=EAST)
    assert answer.region == "southhaven"
    assert [h.org.id for h in answer.now] == ["omega-hospital", "zeta-hospital", "alpha-vets"]  # nearest the place


def test_no_region_and_no_place() -> None:
    assert who_can_help(None, at=MONDAY_NOON) == Answer([], [], [], None)


def test_no_coordinates_anywhere_means_no_nearest_region(catalog) -> None:
    bare = with_orgs(catalog, *[_org(d["id"], d["name"], d["location"]["region"], None) for d in NETWORK])
    assert nearest_region(bare, EAST) is None
    assert who_can_help(bare, at=MONDAY_NOON, place=EAST) == Answer([], [], [], None)


def test_when_nobody_can_help_the_nearest_open_clinics_elsewhere(fixture_catalog) -> None:
    # Eastmarsh with daytime practices only, and no partners: at night, open clinics elsewhere, nearest first
    alone = [d for d in NETWORK if d["location"]["region"] == "southhaven"]
    alone += [_org("pebblesham-vets", "Pebblesham Vets", "eastmarsh", (51.10, 0.40)),
              _org("far-hospital", "Far Hospital", "southhaven", None, hours="24/7")]
    catalog = with_orgs(fixture_catalog, *alone)
    taken = {o.id for o, _ in candidates(catalog, "eastmarsh")}
    offered = [o.id for o in fallback(catalog, "eastmarsh")]
    assert taken == {"pebblesham-vets"} and not taken & set(offered)
    # answering at night (24 hours, or on call) nearest to the region's centre; no coordinates last
    assert offered == ["omega-hospital", "zeta-hospital", "alpha-vets", "far-hospital"]
    answer = who_can_help(catalog, at=MONDAY_NIGHT, region="eastmarsh")
    assert answer.now == []
    # open now (an on-call vet elsewhere answers its own area only)
    assert [(h.org.id, h.status.state) for h in answer.nearest_open] == [
        ("omega-hospital", State.OPEN_24H), ("zeta-hospital", State.OPEN_24H), ("far-hospital", State.OPEN_24H)]
    assert answer.nearest_open[-1].distance_km is None


def test_night_cover_for_pages_without_a_clock(catalog) -> None:
    from generator.kinds.organisations.availability import night_cover  # noqa: PLC0415

    # who answers Eastmarsh owners at night: in the region first (24 hours before the rest, then by name), then
    # partners; daytime-only and non-veterinary organisations are not listed
    rows = [(c.org.id, c.partner_for, c.words, c.phone.number) for c in night_cover(catalog, "eastmarsh")]
    assert rows == [
        ("no-map-vets", None, "Open 24 hours, every day", "+441632960111"),
        ("zeta-hospital", "eastmarsh", "Open 24 hours, every day", "+441632960113"),
        ("alpha-vets", "eastmarsh", "Vet on call when closed", "+441632960110")]
    # a referral-only or temporarily closed clinic does not answer owners at night
    referral = with_orgs(catalog, *[dict(d, referral_only=True) if d["id"] == "zeta-hospital" else
                                    dict(d, status="temporarily-closed") if d["id"] == "no-map-vets" else dict(d)
                                    for d in NETWORK])
    assert [c.org.id for c in night_cover(referral, "eastmarsh")] == ["alpha-vets"]


def test_an_on_call_vet_for_its_registered_clients_only_comes_last(catalog) -> None:
    """Pebblesham Vets made an on-call practice (20:00 to midnight) for its registered clients only: at
    23:00 it would come before the partner hospital (the region's own first) and first for an owner beside
    it. Most owners ringing at night are not its clients, so it comes after everyone who takes any owner,
    with words that say so; pages without a clock list it last too."""
    from generator.kinds.organisations.availability import night_cover  # noqa: PLC0415

    clients = {"arrangement": "on-call", "clients_only": True,
               "on_call_hours": [{"days": "daily", "opens": "20:00", "closes": "24:00"}]}
    network = with_orgs(catalog, *[dict(d, after_hours=clients) if d["id"] == "pebblesham-vets" else dict(d)
                                   for d in NETWORK])
    at_night = who_can_help(network, at=MONDAY_NIGHT, region="eastmarsh")
    assert [(h.org.id, h.status.state, h.status.clients_only) for h in at_night.now] == [
        ("no-map-vets", State.OPEN_24H, False), ("zeta-hospital", State.OPEN_24H, False),
        ("pebblesham-vets", State.ON_CALL, True)]
    assert at_night.now[-1].status.words(MONDAY_NIGHT) == (
        "Closed now: vet on call for its registered clients only, ring the main line")
    beside = who_can_help(network, at=MONDAY_NIGHT, place=EAST)
    assert beside.now[-1].org.id == "pebblesham-vets" and beside.now[-1].distance_km == pytest.approx(0, abs=0.01)
    assert [(c.org.id, c.words) for c in night_cover(network, "eastmarsh")] == [
        ("no-map-vets", "Open 24 hours, every day"), ("zeta-hospital", "Open 24 hours, every day"),
        ("pebblesham-vets", "Vet on call for its registered clients only: Every day 20:00–24:00")]
    evening = datetime(2026, 11, 23, 19, 0, tzinfo=LONDON)
    later = next(h for h in who_can_help(network, at=evening, region="eastmarsh").later
                 if h.org.id == "pebblesham-vets")
    assert later.status.words(evening) == "Closed: vet on call for its registered clients only from 20:00"


def test_when_only_on_call_vets_for_their_own_clients_can_help_the_nearest_open_are_offered_too(
        fixture_catalog) -> None:
    """Eastmarsh answered at night only by Pebblesham's on-call vet, for its registered clients only: most
    owners are not its clients, so the open clinics elsewhere are offered after it, as when nobody can
    help; Get help's list without a clock offers them too."""
    from generator.site.get_help import _get_help_regions  # noqa: PLC0415

    alone = [d for d in NETWORK if d["location"]["region"] == "southhaven"]
    alone += [_org("pebblesham-vets", "Pebblesham Vets", "eastmarsh", (51.10, 0.40),
                   after_hours={"arrangement": "on-call", "clients_only": True})]
    catalog = with_orgs(fixture_catalog, *alone)
    answer = who_can_help(catalog, at=MONDAY_NIGHT, region="eastmarsh")
    assert [(h.org.id, h.status.clients_only) for h in answer.now] == [("pebblesham-vets", True)]
    assert [h.org.id for h in answer.nearest_open] == ["omega-hospital", "zeta-hospital"]
    static = _get_help_regions(catalog, ["eastmarsh"])["regions"][0]
    assert [c.org.id for c in static["night"]] == ["pebblesham-vets"]
    assert [o.id for o in static["elsewhere"]] == ["omega-hospital", "zeta-hospital"]
    # a vet on call for everyone: nobody elsewhere is offered
    for_all = with_orgs(catalog, *[d for d in alone if d["id"] != "pebblesham-vets"],
                        _org("pebblesham-vets", "Pebblesham Vets", "eastmarsh", (51.10, 0.40),
                             after_hours={"arrangement": "on-call"}))
    assert who_can_help(for_all, at=MONDAY_NIGHT, region="eastmarsh").nearest_open == []
    assert _get_help_regions(for_all, ["eastmarsh"])["regions"][0]["elsewhere"] == []
