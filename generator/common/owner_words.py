"""Owners' own words (theme/kb/search-words.yml): aliases that search replaces with the words the
guides use ("cavy" is "guinea pig", "poo" is "droppings"), and the stop words a question drops. Read
by search (generator/site/search_words.py) and by the check of clinical numbers, which takes an
alias of a species' name for that species."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from generator.core.settings import THEME

WORDS_FILE = THEME / "kb" / "search-words.yml"


@cache
def owner_words() -> dict[str, Any]:
    """Aliases and stop words, lower-cased."""
    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    return {"aliases": {key.lower(): value.lower() for key, value in data["aliases"].items()},
            "stop_words": [word.lower() for word in data["stop_words"]]}
