"""Doses (issue 16): the forms are in tests/examples/invalid/; here, what is not a dose, and that files
that fail validation, and every content type, are scanned."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.common.doses import find_dose
from generator.core.settings import Settings
from generator.site.pipeline import load_catalog
from tests.helpers import make_tree


@pytest.mark.parametrize("text", [
    "Oxygen cages for patients under 2 kg.", "Hamsters under 50 g decompensate fast.", "ZZ2 3MG", "ZZ2 5ML",
    "Give oxygen at 2 litres a minute.", "Within 2 hours.", "A few drops of water on the lips.",
    "Guinea pigs over 1 kg.", "One unit of the hospital.", "Several units in the network.", "Two oxygen cages.",
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
