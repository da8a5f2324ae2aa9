"""Identifying details in cases (issue 16): the forms are in tests/examples/invalid/cases/; here, what
must not be flagged, and that an invalid case is still scanned."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.common.deidentify import find_identifiers
from generator.core.settings import Settings
from generator.site.pipeline import load_catalog
from tests.helpers import make_tree


@pytest.mark.parametrize("text", [
    "Seen on day 3 and again at +30 min; weighed 120 g, then 115 g.",
    "You may need 2 visits; the 5th may be the last.",
    "Body condition 3/5; T4 to L2 checked; score 2-3.",
    "Oxygen at 2 litres per minute for one or two hours.",
    "Recheck in 7 days. Version 1.2.3 of the protocol.",
    "The guinea pig was a Christmas present.",
])
def test_clinical_text_is_not_flagged(text: str) -> None:
    assert list(find_identifiers(text)) == []


def test_a_case_with_a_schema_mistake_is_still_scanned(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    case = next((tree / "content/cases").glob("*.yml"))
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("outcome:", "owner_phone: x\noutcome:", 1).replace(
        "history: >-\n", "history: >-\n  Owner at jane@owner.example.\n", 1), encoding="utf-8")
    _, problems = load_catalog(Settings(root=tree, demo_data=True))
    messages = [p.message for p in problems.sorted()]
    assert "cases must not identify owners or animals: remove the field 'owner_phone'" in messages
    assert any("'jane@owner.example' looks like an e-mail address" in m for m in messages), messages
