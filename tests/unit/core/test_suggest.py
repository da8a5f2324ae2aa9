"""'Did you mean' names only ids that exist, found by name as well as by id (issue 20), and a role is
told apart from a person's name."""

from __future__ import annotations

import pytest

from generator.common.roles import is_role
from generator.core.suggest import closest, suggest_id

ORGANISATIONS = {
    "kettlemoor-veterinary-practice": ["Kettlemoor Veterinary Practice"],
    "westmoor-market-vets": ["Westmoor Market Vets"],
    "westmoor-small-animal-rescue": ["Westmoor Small Animal Rescue"],
    "northvale-veterinary-emergency-centre": ["Northvale Veterinary Emergency Centre"],
    "northvale-exotic-pet-clinic": ["Northvale Exotic Pet Clinic"],
}
SPECIES = {"rat": ["Rat", "Rats"], "guinea-pig": ["Guinea pig", "Guinea pigs"], "hamster": ["Hamster", "Hamsters"],
           "chinchilla": ["Chinchilla", "Chinchillas"], "degu": ["Degu", "Degus"]}
REGIONS = {"westmoor": ["Westmoor"], "eastmarsh": ["Eastmarsh"], "southhaven": ["Southhaven"]}


@pytest.mark.parametrize(("written", "names", "meant"), [
    ("Kettlemoor Vets", ORGANISATIONS, "kettlemoor-veterinary-practice"),  # not westmoor-market-vets
    ("kettlemoor-vets", ORGANISATIONS, "kettlemoor-veterinary-practice"),
    ("Northvale emergency", ORGANISATIONS, "northvale-veterinary-emergency-centre"),
    ("westmore market vets", ORGANISATIONS, "westmoor-market-vets"),
    ("guinea-pigs", SPECIES, "guinea-pig"),
    ("Guinea Pigs", SPECIES, "guinea-pig"),
    ("chinchila", SPECIES, "chinchilla"),
    ("west-moor", REGIONS, "westmoor"),
    ("South Haven", REGIONS, "southhaven"),
])
def test_the_id_meant_is_found_by_id_or_name(written: str, names: dict, meant: str) -> None:
    assert suggest_id(written, names) == meant


@pytest.mark.parametrize(("written", "names"), [
    ("vets", ORGANISATIONS),  # every practice is vets: no one is meant
    ("Westmoor", {k: v for k, v in ORGANISATIONS.items() if k.startswith("westmoor")}),  # two equally
    ("mouse", SPECIES), ("xyz", REGIONS), ("", REGIONS),
])
def test_nothing_is_suggested_when_no_id_is_clearly_meant(written: str, names: dict) -> None:
    assert suggest_id(written, names) is None


@pytest.mark.parametrize("text", ["Practice manager", "Duty exotics vet", "Rescue coordinator",
                                  "Head veterinary nurse", "Network clinical lead (exotics vet)",
                                  "Equipment library desk", "Night team lead"])
def test_roles_are_roles(text: str) -> None:
    assert is_role(text)


@pytest.mark.parametrize("text", ["Jane Smith", "Dr Amira Patel", "J. Smith", "Mrs O'Neill", "Tom"])
def test_names_are_not_roles(text: str) -> None:
    assert not is_role(text)


@pytest.mark.parametrize(("word", "options", "meant"), [
    ("opnes", ["opens", "closes"], "opens"),
    ("min_wieght_g", ["species", "min_weight_g", "notes"], "min_weight_g"),
    # from a contributor review: the opposite is never the word meant (following the hint turned a
    # largest patient into a smallest one)
    ("max_weight_g", ["species", "min_weight_g", "notes"], None),
    ("min_weight_g", ["max_weight_g"], None),
    ("closes", ["opens"], None),
    ("end_date", ["start_date"], None),
])
def test_a_field_is_never_taken_for_its_opposite(word: str, options: list[str], meant: str | None) -> None:
    assert closest(word, options) == meant
