"""'Did you mean …?' for unknown keys, ids and vocabulary words."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

# Words whose opposite is spelt alike: 'max_weight_g' is not a slip for 'min_weight_g', and following
# that hint would turn a largest patient into a smallest one.
_OPPOSITES = (("min", "max"), ("opens", "closes"), ("start", "end"), ("first", "last"), ("before", "after"))


def closest(word: str, options: Iterable[str]) -> str | None:
    choices = list(options)
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    if not found or _opposite(word.lower(), found[0]):
        return None
    return lowered[found[0]]


def _opposite(word: str, match: str) -> bool:
    pairs = [*_OPPOSITES, *((two, one) for one, two in _OPPOSITES)]
    return any(a in word and word.replace(a, b) == match for a, b in pairs)


def did_you_mean(word: object, options: Iterable[str]) -> str:
    if not isinstance(word, str):
        return ""
    match = closest(word, options)
    return f"did you mean '{match}'?" if match else ""


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# Words contributors write for the words ids and names use.
_SAME_WORD = {"vets": "veterinary", "vet": "veterinary", "veterinarians": "veterinary", "hosp": "hospital",
              "uni": "university", "centre": "center", "ctr": "center", "st": "saint", "&": "and",
              "poop": "dropping", "poo": "dropping", "pee": "urine", "wee": "urine"}


def _words(text: str) -> list[str]:
    words = [word for word in slugify(text.replace("&", " and ")).split("-") if word]
    words = [word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
             for word in words]
    return [_SAME_WORD.get(word, word) for word in words]


def _word_match(word: str, words: list[str]) -> float:
    if word in words:
        return 1.0
    best = max((difflib.SequenceMatcher(None, word, other).ratio() for other in words), default=0.0)
    return best if best >= 0.8 else 0.0


def suggest_id(value: str, names: Mapping[str, Iterable[str]]) -> str | None:
    """The existing id that ``value`` most likely means, or None when none is clearly meant.

    ``names`` gives each id with its names (a label, a plural, an organisation's name). A value is
    matched word by word against each id and name, rarer words counting for more ("Kettlemoor Vets"
    means kettlemoor-veterinary-practice, not westmoor-market-vets, although both are a few letters
    away), and as a whole with its spaces and hyphens removed ("west-moor" means westmoor). Only an
    id that exists is ever returned."""
    query = _words(value)
    if not query or not names:  # nothing written, or nothing to choose from (an empty vocabulary)
        return None
    candidates = {entry_id: [_words(text) for text in (entry_id, *texts)] for entry_id, texts in names.items()}
    vocabulary = {entry_id: sorted({w for words in forms for w in words}) for entry_id, forms in candidates.items()}
    weights = [1 / max(1, sum(1 for words in vocabulary.values() if _word_match(word, words))) for word in query]
    joined = "".join(query)
    scores = {}
    for entry_id, forms in candidates.items():
        by_words = sum(w * _word_match(word, vocabulary[entry_id]) for word, w in zip(query, weights, strict=True))
        whole = max(_whole_match(joined, "".join(form)) for form in forms)
        scores[entry_id] = max(by_words / sum(weights), whole)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    best_id, best = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    return best_id if best >= 0.6 and best - runner_up >= 0.2 else None


def _whole_match(written: str, name: str) -> float:
    """The value as one word against a name as one word: nearly the same, or one the start of the
    other ("heatstroke" for heatstroke-signs)."""
    if len(written) >= 5 and len(name) >= 5 and (name.startswith(written) or written.startswith(name)):
        return 0.9
    ratio = difflib.SequenceMatcher(None, written, name).ratio()
    return ratio if ratio >= 0.85 else 0.0
