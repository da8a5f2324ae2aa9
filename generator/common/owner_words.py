"""Owners' own words (theme/kb/search-words.yml): aliases that search replaces with the words the
guides use ("cavy" is "guinea pig", "poo" is "droppings"), and the stop words a question drops. Read
by search (generator/site/search_words.py) and by the check of clinical numbers, which takes the
species' aliases (only names that mean nothing else) for that species."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from generator.core.settings import THEME

WORDS_FILE = THEME / "kb" / "search-words.yml"


@cache
def owner_words() -> dict[str, Any]:
    """Aliases (the species' own among them), the species' aliases alone, stop words, and the words of
    owners looking for a clinic (on the Get help page, for search), lower-cased.
    Read once per build: `owner_words.cache_clear()` as a build starts (`kb serve` shows an edit)."""
    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    lower = lambda mapping: {key.lower(): value.lower() for key, value in (mapping or {}).items()}  # noqa: E731
    species = lower(data.get("species_aliases"))
    return {"aliases": {**lower(data["aliases"]), **species}, "species_aliases": species,
            "stop_words": [word.lower() for word in data["stop_words"]],
            "clinic_words": [word.lower() for word in data.get("clinic_words") or []]}
