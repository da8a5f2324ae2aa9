"""The status words (theme/kb/status-words.yml) are read again for every build's environment: kb serve
showed an edit to them only after a restart (the file was read once per process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.catalog import Catalog
from generator.core.settings import Settings
from generator.kinds.organisations import availability
from generator.site.render import make_environment


def test_an_edit_to_the_status_words_reaches_the_next_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    words = tmp_path / "status-words.yml"
    words.write_text(availability.WORDS_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(availability, "WORDS_FILE", words)
    catalog = Catalog(Settings(root=tmp_path, demo_data=True))
    first = make_environment(catalog).globals["words"]
    assert "wordscheck" not in str(first)
    text = words.read_text(encoding="utf-8")
    assert text.count("\nmidnight: ") == 1
    words.write_text(text.replace("\nmidnight: ", "\nmidnight: wordscheck # "), encoding="utf-8")
    assert "wordscheck" in str(make_environment(catalog).globals["words"])
    availability.status_words.cache_clear()  # the repository's own words for the tests after this one
