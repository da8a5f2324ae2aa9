"""The scenario table (tests/scenarios/who-can-help.yml) against the one Python answer to "who can
help now" (generator/kinds/organisations/availability.py) and the guides' urgency."""

from __future__ import annotations

from typing import Any

import pytest

from generator.kinds.organisations.availability import Need, who_can_help
from generator.kinds.triage.urgency import guide_urgency, sign_tier
from tests.scenarios import call_bar_clinic, ids, local_time, scenarios, to_ring

SCENARIOS = scenarios()


def need_of(scenario: dict[str, Any]) -> Need:
    return Need(species=scenario.get("species"), weight_g=scenario.get("weight_g"), service=scenario.get("service"),
                referred=scenario.get("referred", False))


def answer_of(catalog, scenario: dict[str, Any]):
    place = tuple(scenario["place"]) if "place" in scenario else None
    return who_can_help(catalog, at=local_time(scenario), region=scenario.get("region"), place=place,
                        need=need_of(scenario))


def test_the_table_covers_what_the_issue_asks_for() -> None:
    assert len(SCENARIOS) >= 40
    assert len(set(ids(SCENARIOS))) == len(SCENARIOS)
    times = [local_time(s) for s in SCENARIOS]
    assert any(t.weekday() >= 5 for t in times), "a weekend"
    assert any(t.strftime("%m-%d") == "12-28" for t in times), "a bank holiday"
    assert any(t.strftime("%m-%d") in ("12-24", "12-25", "12-26") for t in times), "an exception day"
    assert any(t.hour < 6 for t in times), "overnight"
    assert any(s.get("service") and not s["now"] for s in SCENARIOS), "a service outside its hours"
    assert any("weight_g" in s and s.get("absent") for s in SCENARIOS), "a weight outside a limit"
    assert any(s.get("nearest_open") and s.get("region") == "highcombe" for s in SCENARIOS), "no night clinic"
    assert any("place" in s for s in SCENARIOS), "a shared location"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=ids(SCENARIOS))
def test_scenario(scenario: dict[str, Any], demo_catalog) -> None:
    answer = answer_of(demo_catalog, scenario)
    now = local_time(scenario)
    assert [h.org.id for h in answer.now] == scenario["now"]
    listed = {h.org.id: h for h in [*answer.now, *answer.later, *answer.nearest_open]}
    for org_id, state in scenario.get("states", {}).items():
        assert listed[org_id].status.state.value == state, org_id
    for org_id, words in scenario.get("words", {}).items():
        assert listed[org_id].status.words(now) == words, org_id
    if "later" in scenario:
        assert [h.org.id for h in answer.later][:len(scenario["later"])] == scenario["later"]
    assert [h.org.id for h in answer.nearest_open] == scenario.get("nearest_open", [])
    assert not set(scenario.get("absent", [])) & set(listed)
    for row in answer.now:  # every clinic offered has a number to ring, and it is the one its state needs
        assert row.status.phone is not None


@pytest.mark.parametrize("scenario", [s for s in SCENARIOS if "region" in s and not s.get("service")
                                      and not s.get("referred")], ids=lambda s: s["id"])
def test_the_call_bar_rings_the_clinic_the_scenario_says(scenario: dict[str, Any], demo_catalog) -> None:
    """tests.scenarios.to_ring, the browser tests' rule for the call bar (theme/assets/callbar.js), against
    the hand-worked table: with a weight, the bar answers for the weight Get help remembered."""
    found = to_ring(demo_catalog, scenario["region"], [scenario["species"]], local_time(scenario),
                    scenario.get("weight_g"))
    assert found == call_bar_clinic(scenario)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=ids(SCENARIOS))
def test_scenario_urgency(scenario: dict[str, Any], demo_catalog) -> None:
    """The urgency the owner reads: the sign's tier for their animal (signs.yml), one of the tiers the
    guide shows for it."""
    guide = demo_catalog.problems[scenario["problem"]].model
    assert scenario["species"] in guide.species
    assert scenario["sign"] in [m.sign for m in guide.signs]
    assert sign_tier(demo_catalog, scenario["sign"], scenario["species"]).id == scenario["tier"]
    assert guide_urgency(demo_catalog, guide.id, scenario["species"]).rank <= demo_catalog.tiers[scenario["tier"]].rank
