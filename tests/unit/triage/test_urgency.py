"""Urgency per species from signs.yml (one source for pages, checks and scenarios), numbers quoted
from the data, and the checks that keep prose, notes and tier advice consistent with it."""

from __future__ import annotations

import pytest

from generator.kinds.triage.quoting import Context, badge_findings, macro_findings, prose_findings, quote
from generator.kinds.triage.urgency import escalations, guide_urgency, sign_limit, sign_tier, tier_advice


def test_a_sign_has_its_own_tier_for_each_species(demo_catalog) -> None:
    assert sign_tier(demo_catalog, "not-eating", "guinea-pig").id == "golden-hour"
    assert sign_tier(demo_catalog, "not-eating", "rat").id == "same-day"
    assert sign_tier(demo_catalog, "seizure", "gerbil").id == "same-day"
    assert sign_tier(demo_catalog, "seizure", "rat").id == "emergency-now"
    assert [t.id for t, _ in escalations(demo_catalog, "seizure", "gerbil")] == ["emergency-now"]
    assert escalations(demo_catalog, "seizure", "rat") == []
    with pytest.raises(ValueError):
        sign_tier(demo_catalog, "wet-tail", "rat")  # wet tail is a hamster sign


def test_a_guide_is_as_urgent_as_its_most_urgent_sign_for_that_species(demo_catalog) -> None:
    assert guide_urgency(demo_catalog, "gut-stasis", "guinea-pig").id == "emergency-now"  # bloated belly
    assert guide_urgency(demo_catalog, "scurvy", "guinea-pig").id == "golden-hour"  # not eating
    assert guide_urgency(demo_catalog, "dental-problems", "rat").id == "same-day"
    assert guide_urgency(demo_catalog, "dental-problems", "guinea-pig").id == "golden-hour"
    with pytest.raises(ValueError):
        guide_urgency(demo_catalog, "scurvy", "rat")


def test_numbers_come_from_signs_yml(demo_catalog) -> None:
    assert sign_limit(demo_catalog, "not-eating", "guinea-pig").words() == "6 hours"
    assert sign_limit(demo_catalog, "not-eating", "rat") is None
    assert sign_limit(demo_catalog, "difficult-birth", "rat").words() == "30 minutes"  # the sign's own number
    assert sign_limit(demo_catalog, "difficult-birth", "guinea-pig").words() == "20 minutes"
    assert sign_limit(demo_catalog, "seizure", "gerbil").words() == "1 minute"
    assert quote("after {{not-eating:hamster}} or {{difficult-birth}}", demo_catalog) == "after 12 hours or 30 minutes"
    # the pages and the exports see the words, never the macro
    page = demo_catalog.first_aid["guinea-pig-first-aid"]
    assert "{{" not in page.body and "has not eaten for 6 hours" in page.body


def test_unknown_macros_are_findings(demo_catalog) -> None:
    found = [f.message for f in macro_findings("{{no-such-sign}} {{not-eating:horse}} {{wet-tail:rat}} "
                                               "{{collapse:rat}}", demo_catalog)]
    assert found == ["{{no-such-sign}} names no sign in signs.yml",
                     "{{not-eating:horse}} names no species",
                     "{{wet-tail:rat}}: the sign 'wet-tail' does not apply to rat",
                     "{{collapse:rat}}: signs.yml gives 'collapse' no number for rat"]


@pytest.mark.parametrize(("text", "broken"), [
    ("has not eaten for {{not-eating:guinea-pig}, or", ["{{not-eating:guinea-pig}"]),
    ("for {not-eating:guinea-pig}} or", ["{not-eating:guinea-pig}}"]),
    ("open {{not-eating and more", ["{{not-eating and more"]),
    ("not-eating}} then", ["not-eating}}"]),
    ("{{ Not-Eating }} or {{not eating}}", ["{{ Not-Eating }}", "{{not eating}}"]),
    ("one brace each side: {not-eating:hamster}", ["{not-eating:hamster}"]),
    ("{{not-eating:guinea-pig}} whole, then {{not-eating:guinea-pig}", ["{{not-eating:guinea-pig}"]),
    # whole macros, Markdown's attribute lists and braces around words that are not signs are not macros
    ("{{not-eating:guinea-pig}} and {{ difficult-birth }}", []),
    ("{: .note} {#first} a {set} of", []),
])
def test_half_written_macros_are_findings(demo_catalog, text: str, broken: list[str]) -> None:
    found = macro_findings(text, demo_catalog)
    assert [f.token for f in found] == broken
    assert all("is not a whole macro" in f.message for f in found)
    for f in found:  # where each is, for the line and column
        assert text.find(f.token, f.offset) == f.offset


@pytest.mark.parametrize(("text", "problem"), [
    ("Phone a vet if your guinea pig has not eaten for 24 hours.", "'24 hours' for not eating differs"),
    ("A hamster that has not eaten for several hours needs a vet.", "'several hours' for not eating is vague"),
    ("If it has not eaten for 6 hours, or passed no droppings for 6 hours, phone.",
     "'6 hours' for no droppings differs"),
    ("A gerbil fit that lasts 5 minutes is an emergency.", "'5 minutes' for seizure (fit) differs"),
    ("Chinchillas overheat in rooms above 30 °C.", "'30 °C' for overheating (heatstroke) differs"),
])
def test_hand_written_numbers_that_differ_are_found(demo_catalog, text: str, problem: str) -> None:
    found = prose_findings(text, Context(tuple(demo_catalog.species)), demo_catalog)
    assert [f.message for f in found if problem in f.message], [f.message for f in found]


@pytest.mark.parametrize("text", [
    "A guinea pig that has not eaten for 6 hours needs a vet within the hour.",
    "Not eating for {{not-eating:hamster}} is urgent.",
    "Breathing trouble can start 12 to 36 hours after chewing a cable.",  # a span, not a sign's number
    "A guinea pig that has stopped eating needs a vet within an hour.",  # a deadline
    "Keep pressing for a few minutes.",  # names no sign
])
def test_numbers_that_agree_or_are_not_thresholds_pass(demo_catalog, text: str) -> None:
    assert prose_findings(text, Context(tuple(demo_catalog.species)), demo_catalog) == []


def test_a_note_may_only_name_its_badges_urgency(demo_catalog) -> None:
    everyone = tuple(demo_catalog.species)
    assert badge_findings("Guinea pigs need a vet within the hour.", "not-eating", everyone, demo_catalog) == []
    found = badge_findings("Any pet that stops eating can wait until the same day.", "not-eating", everyone,
                           demo_catalog)
    assert [f.token for f in found] == ["same day"]
    assert "guinea pigs" in found[0].message and "rats" not in found[0].message


def test_a_guide_replaces_tier_advice_it_contradicts(demo_catalog) -> None:
    now = demo_catalog.tiers["emergency-now"]
    generic = [a.text for a in now.advice]
    heatstroke = demo_catalog.problems["heatstroke"].model
    shown = tier_advice(demo_catalog, heatstroke, now)
    assert len(shown) == len(generic) and shown != generic
    assert any("never warm a pet that has overheated" in line for line in shown)
    assert not any("Keep it warm" in line for line in shown)
    # the generic line itself carries the exception, for tier cards and Get help
    assert any("unless it has overheated" in line for line in generic)
    assert tier_advice(demo_catalog, demo_catalog.problems["bleeding"].model, now) == generic
