"""Owners' words (theme/kb/search-words.yml) are read again for every build: the clinical check takes
its species aliases for the species, so `kb serve` must see an edit to them without a restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.common import owner_words
from generator.core.settings import Settings
from generator.kinds.triage.quoting import Context, prose_findings
from generator.site.pipeline import load_catalog
from tests.helpers import VALID

SENTENCE = "A wheekster that has not eaten for 12 hours needs a vet."


def test_an_edit_to_the_species_aliases_reaches_the_next_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    words = tmp_path / "search-words.yml"
    text = owner_words.WORDS_FILE.read_text(encoding="utf-8")
    words.write_text(text, encoding="utf-8")
    monkeypatch.setattr(owner_words, "WORDS_FILE", words)
    try:
        settings = Settings(root=VALID, demo_data=True)
        catalog, _ = load_catalog(settings)
        everyone = Context(tuple(catalog.species))
        assert prose_findings(SENTENCE, everyone, catalog) == []  # no species named: a hamster's 12 will do
        assert text.count("\nspecies_aliases:\n") == 1
        words.write_text(text.replace("\nspecies_aliases:\n", "\nspecies_aliases:\n  wheekster: guinea pig\n"),
                         encoding="utf-8")
        catalog, _ = load_catalog(settings)
        assert [f.token for f in prose_findings(SENTENCE, everyone, catalog)] == ["12"]  # a guinea pig's is 6
    finally:
        owner_words.owner_words.cache_clear()  # the repository's own words for the tests after this one
