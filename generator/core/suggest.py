"""'Did you mean …?' for unknown keys, ids and vocabulary words."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable


def closest(word: str, options: Iterable[str]) -> str | None:
    choices = list(options)
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found else None


def did_you_mean(word: object, options: Iterable[str]) -> str:
    if not isinstance(word, str):
        return ""
    match = closest(word, options)
    return f"did you mean '{match}'?" if match else ""


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
