"""Doses (issues 16 and 17): every unit, case, number word and fraction as tables, with what is not a
dose; that files that fail validation, and every content type, are scanned. The located messages are
in tests/examples/invalid/."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.common.doses import doses_in, find_dose, maybe_dose, strings
from generator.core.settings import Settings
from generator.site.pipeline import load_catalog
from tests.helpers import make_tree

# every spelling of every drug unit, after a figure
UNITS = ["mg", "milligram", "milligrams", "milligramme", "milligrammes", "mcg", "µg", "μg", "ug", "microgram",
         "micrograms", "microgramme", "ml", "mls", "millilitre", "millilitres", "milliliter", "milliliters", "cc",
         "mcl", "µl", "μl", "microlitre", "microlitres", "microliter", "IU", "I.U.", "international unit",
         "international units", "mmol", "millimole", "millimoles", "mEq", "milliequivalent", "milliequivalents",
         "unit", "units", "drop", "drops", "tablet", "tablets", "capsule", "capsules", "pill", "pills"]


@pytest.mark.parametrize("unit", UNITS)
def test_every_drug_unit_is_a_dose(unit: str) -> None:
    for amount in ("2", "0.5", "0,5", ".5", "1/2", "½", "2 ½"):
        found = find_dose(f"Give {amount} {unit} at home.")
        assert found is not None, f"{amount} {unit}"
    assert find_dose(f"Give 2{unit} now") is not None or unit[0].isalpha() and " " in unit


@pytest.mark.parametrize("text", ["2 ML", "2 Ml", "2 mL", "5 MG", "5 Mg", "100 IU", "100 iu", "100 Iu", "3 MMOL",
                                  "2 MEQ", "2 Tablets", "2 DROPS", "5 MCG", "5 MG/KG", "5 Mg Per Kg",
                                  "FIVE MILLIGRAMS", "Two Tablets", "HALF A TABLET"])
def test_doses_are_found_whatever_the_case(text: str) -> None:
    found = find_dose(f"Then {text} by mouth.")
    assert found is not None and found.text.lower().startswith(text.lower().split()[0]), text


@pytest.mark.parametrize("words", ["one", "two", "three", "five", "ten", "twelve", "twenty", "twenty-five",
                                   "one hundred", "a hundred and fifty", "half", "a half", "quarter", "a quarter",
                                   "one and a half", "two and a half", "thirty", "a third"])
@pytest.mark.parametrize("unit", ["milligrams", "ml", "micrograms", "millilitres", "IU", "mmol", "tablets", "drops",
                                  "capsules", "pills"])
def test_amounts_in_words_are_doses(words: str, unit: str) -> None:
    assert find_dose(f"Give {words} {unit} twice a day.") is not None, f"{words} {unit}"


@pytest.mark.parametrize("text", ["half a tablet", "a quarter of a tablet", "one tablet", "one drop", "two units",
                                  "twenty units of insulin", "1 unit", "ten drops",
                                  # from a contributor review: the article as the amount, tenths, spoons, pumps
                                  "Give a tenth of a millilitre of Metacam.", "Give a millilitre of Metacam.",
                                  "an ml by mouth", "a fifth of a ml", "Give 1 teaspoon of sugar water.",
                                  "Give 1 tsp of honey.", "Give 2 pumps of Metacam.", "half a teaspoonful",
                                  "two tablespoons", "1 tbsp"])
def test_counted_units_after_any_amount(text: str) -> None:
    assert find_dose(text) is not None


# an amount without a number is a dose when what is measured is a medicine (from a contributor review:
# "a few drops of Metacam" passed), and not when it is water, food or blood
@pytest.mark.parametrize("text", ["Give a few drops of Metacam.", "a drop of meloxicam",
                                  "several drops of the antibiotic", "a couple of drops of Calpol",
                                  "a few pumps of Metacam", "A DROP OF IBUPROFEN",
                                  "some drops of your pain medicine", "a single drop of liquid paracetamol",
                                  "a few drops of the vet's medicine", "a few drops of the vet’s medicine",
                                  "few drops of Baytril",
                                  # from a review of the above: other amounts, words between, quotes, links,
                                  # names missing from the list, the trade mark sign
                                  "a couple drops of Metacam", "a few Metacam drops", "a tiny drop of meloxicam",
                                  "a few drops of Rimadyl", "a few drops of amoxicillin", "a squirt of Metacam",
                                  "a few drops of “Metacam", "a few drops of [Metacam", "a few more drops of Metacam",
                                  "a drop or two of Metacam", "a dropperful of Metacam", "a dab of Metacam",
                                  "a dose of Metacam", "a few drops of liquid children's ibuprofen",
                                  "a few drops of some leftover Metacam", "a few drops of CBD oil",
                                  "a smear of flea treatment", "two or three drops of the wormer"])
def test_a_vague_amount_of_a_medicine_is_a_dose(text: str) -> None:
    found = find_dose(text)
    assert found is not None and found.text == text.rstrip(".").removeprefix("Give "), (text, found)


def test_a_trade_mark_sign_after_the_medicine_is_still_its_name() -> None:
    assert find_dose("a few drops of Metacam™ now") is not None
    assert find_dose("a few drops of Metacam® now") is not None


@pytest.mark.parametrize("text", ["A few drops of water on the lips.", "a few drops of sugar water", "a drop of honey",
                                  "a few drops of blood from the nose", "drops of Metacam", "a drop in temperature",
                                  "a few drops of the juice", "Never give human medicines such as ibuprofen.",
                                  "a drop of metacamel",
                                  # warnings: an amount that is refused, not given
                                  "Never give your pet even a drop of ibuprofen or paracetamol from your cupboard.",
                                  "Not a single drop of paracetamol is safe for a rat.",
                                  "Don't give them a drop of aspirin.", "Do not put a drop of medicine-free saline in.",
                                  "A few drops of drug-free saline.", "a drop of sugar water on the lips",
                                  "drops of saline eyewash", "Some medicines are dangerous."])
def test_a_vague_amount_of_anything_else_is_not_a_dose(text: str) -> None:
    assert find_dose(text) is None


def test_a_refusal_earlier_in_the_sentence_is_not_a_refusal_of_the_dose() -> None:
    found = find_dose("If it is not eating, give a few drops of Metacam.")
    assert found is not None and found.text == "a few drops of Metacam"
    assert find_dose("Never give more than 5 mg.") is not None  # a figure is a dose, refused or not


def test_every_dose_in_a_text_is_found() -> None:
    assert [(d.text, d.start) for d in doses_in("Give 5 mg now, then a few drops of Metacam, then 2 ml.")] == [
        ("5 mg", 5), ("a few drops of Metacam", 20), ("2 ml", 49)]


@pytest.mark.parametrize(("text", "start"), [("Then add a millilitre", 9), ("Then add a few drops of Metacam.", 9),
                                             ("Then add 5 **mg**", 9), ("and half a tablet", 4),
                                             # from a review: markup or an entity inside the dose
                                             ("- Call the vet, then give a few drops of **Metacam** on the way.", 26),
                                             ("Always phone first. A few&nbsp;drops of Metacam helped,", 20)])
def test_a_dose_is_placed_where_it_starts_in_the_text_as_written(text: str, start: int) -> None:
    found = find_dose(text)
    assert found is not None and found.start == start, found


@pytest.mark.parametrize("text", ["5 mg/kg", "5 mg per kg", "5 mg a kg", "5 g per kg", "5 g/kg", "2 grams per kilo",
                                  "micrograms per kilogram", "ml/kg", "5 ml per kg per day", "0.1 ml/kg every 8 h",
                                  "5 mg per kilogramme", "1 tablet per kg", "10 mg/kg/day"])
def test_any_amount_per_kilogram_is_a_dose(text: str) -> None:
    assert find_dose(text) is not None


@pytest.mark.parametrize(("text", "found"), [
    ("5&nbsp;mg", "5 mg"), ("5 \u338e", "5 mg"), ("5 **mg**", "5 mg"), ("5\u200bmg", "5mg"), ("\uff15 mg", "5 mg"),
    ("5 _ml_", "5 ml"), ("5 &#109;g", "5 mg"), ("5 &mu;g", "5 μg"), ("5 &micro;l", "5 μl"), ("5 &#xb5;g", "5 μg"),
])
def test_doses_are_read_as_a_reader_sees_them(text: str, found: str) -> None:
    result = find_dose(text)
    assert result is not None and result.text == found, (text, result)


@pytest.mark.parametrize("text", [
    "Oxygen cages for patients under 2 kg.", "Hamsters under 50 g decompensate fast.", "ZZ2 3MG", "ZZ2 5ML",
    "Give oxygen at 2 litres a minute.", "Within 2 hours.", "A few drops of water on the lips.",
    "Guinea pigs over 1 kg.", "One unit of the hospital.", "Several units in the network.", "Two oxygen cages.",
    "Suggest a small piece of a human tablet", "a unit of the network", "the intensive care unit",
    "weighed 850 g", "Keep the room at 20 °C.", "Offer greens: two handfuls.", "ZZ2 3MG is the postcode",
    "Hamsters (25-50 g) and mice (20 g).", "Mg is magnesium.", "ML means machine learning.", "milligrams matter",
    "a drop in temperature", "pills of hay", "in 2 minutes", "5 km away",
    "a fifth of guinea pigs", "the tenth day", "a pump for oxygen", "a teaspoon shape", "an mlx file",
])
def test_weights_and_counts_are_not_doses(text: str) -> None:
    assert find_dose(text) is None


@pytest.mark.parametrize(("folder", "name"), [("directory/equipment", None), ("directory/volunteers", None),
                                              ("content/cases", None), ("content/training", None)])
def test_every_content_type_is_scanned_even_when_invalid(tmp_path: Path, folder: str, name: None) -> None:
    tree = make_tree(tmp_path)
    path = next((tree / folder).glob("*.yml"))
    path.write_text(path.read_text(encoding="utf-8") + "surplus: Give 0.5 ml at home.\n", encoding="utf-8")
    _, problems = load_catalog(Settings(root=tree, demo_data=True))
    lines = [p.text() for p in problems.sorted()]
    assert any("surplus: unknown field 'surplus'" in line for line in lines), lines
    assert any("surplus: '0.5 ml' looks like a dose" in line for line in lines), lines


# The quick pre-check that lets most texts skip the large pattern must never skip a dose: a unit at the
# very start, a unit right after a figure, a dose hidden behind a compatibility character.
@pytest.mark.parametrize(("text", "maybe"), [
    ("mg per kg of body weight", True), ("ml", True), ("5mg", True), ("give 5mg", True), ("a 5 ml syringe", True),
    ("５ ㎎", True), ("5\u200bml", True), ("give 5 &mu;g", True), ("5 &#181;g", True),
    ("1 tsp", True), ("2 pumps", True), ("a tablespoon", True), ("1 teaspoon", True), ("1 tbsp", True),
    ("a plain sentence", False), ("Smith & Sons", False), ("the smog of the programme", False), ("", False),
])
def test_the_quick_pre_check_never_skips_a_dose(text: str, maybe: bool) -> None:
    assert maybe_dose(text) is maybe


def test_a_unit_at_the_start_of_the_text_is_a_dose() -> None:
    assert find_dose("mg per kg of body weight") is not None
    assert find_dose("5mg").text == "5mg"


def test_every_string_in_nested_data_is_scanned_with_its_path() -> None:
    data = {"name": "a", "items": ["b", {"notes": ["c", 3]}], "count": 2}
    assert list(strings(data)) == [(("name",), "a"), (("items", 0), "b"), (("items", 1, "notes", 0), "c")]
