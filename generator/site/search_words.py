"""The owners' search vocabulary, built from the content: what the search page corrects a query
towards before Pagefind runs, what it can still offer offline, and the A to Z of guides.

Every guidance page an owner may look for (problem guides, signs, first aid, each species' first aid,
urgency levels, Get help) is one entry: its title, address, type and the other names owners use for
it (keywords, the phrases a sign is said as, species names). The aliases and stop words are data
(theme/kb/search-words.yml). The same entries give the search page its corrections and the A to Z
page its list, so a word that search understands is also on the page that works without JavaScript.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.common.owner_words import owner_words
from generator.core.catalog import Catalog
from generator.core.specs import PageSpec
from generator.kinds.first_aid.views import first_aid_pages, species_guides_title
from generator.kinds.triage.views import guides, tiers_by_rank

# The type of each guidance page, as its search filter names it and search results label it
TYPES = {"guide": "Problem guide", "sign": "Sign", "first-aid": "First aid", "tier": "Urgency level",
         "get-help": "Get help", "triage": "Triage"}
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchEntry:
    title: str
    url: str  # relative to the site root
    type: str  # one of TYPES' labels
    phrases: tuple[str, ...] = ()  # other names owners use: keywords, species names


def words_of(text: str) -> list[str]:
    """Lower-case words as search sees them: apostrophes dropped ("won't" is "wont")."""
    return WORD.findall(text.lower().replace("'", "").replace("\u2019", ""))


def _unique(phrases: list[str], title: str) -> tuple[str, ...]:
    seen = {title.lower()}
    out = []
    for phrase in phrases:
        if phrase.lower() not in seen:
            seen.add(phrase.lower())
            out.append(phrase)
    return tuple(out)


def search_entries(catalog: Catalog) -> list[SearchEntry]:
    """Every guidance page owners look for, with the names they use for it, in the order search
    prefers them when a question is exactly one of their names: Get help, problem guides, each
    species' guides, first aid, signs, urgency levels."""
    entries = [SearchEntry("Get help now", "get-help/", TYPES["get-help"], _unique(owner_words()["clinic_words"], ""))]
    for guide in guides(catalog):
        entries.append(SearchEntry(guide.title, f"triage/{guide.id}/", TYPES["guide"],
                                   _unique(list(guide.keywords), guide.title)))
    aliases = owner_words()["aliases"]
    for species in catalog.species.values():
        names = [species.label, species.plural]
        names += [alias for alias, meaning in aliases.items() if meaning in (n.lower() for n in names)]
        entries.append(SearchEntry(species_guides_title(species), f"first-aid/species/{species.id}/",
                                   TYPES["first-aid"], _unique(names, "")))
    for page in first_aid_pages(catalog):
        entries.append(SearchEntry(page.model.title, f"first-aid/{page.id}/", TYPES["first-aid"],
                                   _unique(list(page.model.keywords), page.model.title)))
    for sign in sorted(catalog.signs.values(), key=lambda s: s.label.lower()):
        entries.append(SearchEntry(sign.label, f"triage/signs/{sign.id}/", TYPES["sign"],
                                   _unique(list(sign.keywords), sign.label)))
    for tier in tiers_by_rank(catalog):
        entries.append(SearchEntry(f"{tier.label}: {tier.target}", f"triage/tiers/{tier.id}/", TYPES["tier"],
                                   _unique([tier.label, *tier.said_as], "")))
    return entries


def _known_words(catalog: Catalog, entries: list[SearchEntry], words: dict[str, Any]) -> list[str]:
    """Words the guidance uses: the browser never 'corrects' these (a real word close to a name,
    such as "bites" or "mice", must stay as typed)."""
    texts: list[str] = []
    for entry in entries:
        texts += [entry.title, *entry.phrases]
    for guide in guides(catalog):
        texts += [guide.summary, *guide.owner.before_transport, *guide.owner.during_transport, *guide.owner.do_not]
    for sign in catalog.signs.values():
        texts += [sign.owner_wording, *sign.said_as]
    for page in first_aid_pages(catalog):
        texts.append(page.model.summary)
    for tier in catalog.tiers.values():
        texts += [tier.meaning, tier.action]
    for term in [*catalog.regions.values(), *catalog.services.values(), *catalog.species.values()]:
        texts.append(term.label)
    texts += [*words["aliases"], *words["aliases"].values(), *words["stop_words"]]
    return sorted({w for text in texts for w in words_of(text) if not w.isdigit()})


def search_vocabulary(catalog: Catalog) -> dict[str, Any]:
    """What theme/assets/search.js needs to correct a query and to answer offline, compactly."""
    entries = search_entries(catalog)
    words = owner_words()
    return {
        "entries": [[e.title, e.url, e.type, list(e.phrases)] for e in entries],
        # names search corrects towards besides the entries': regions and services (directory pages)
        "names": sorted({t.label for t in [*catalog.regions.values(), *catalog.services.values()]}),
        "aliases": words["aliases"],
        "stop": words["stop_words"],
        "known": _known_words(catalog, entries, words),
    }


def a_to_z(catalog: Catalog) -> list[tuple[str, list[tuple[str, SearchEntry]]]]:
    """The A to Z of guides: every entry under its title and under each other name owners use, by
    first letter: [(letter, [(name, entry), …]), …]."""
    rows: dict[tuple[str, str], tuple[str, SearchEntry]] = {}
    for entry in search_entries(catalog):
        for name in (entry.title, *entry.phrases):
            label = name[:1].upper() + name[1:]
            rows.setdefault((label.lower(), entry.url), (label, entry))
    letters: dict[str, list[tuple[str, SearchEntry]]] = {}
    for (key, _url), row in sorted(rows.items()):
        first = key[:1].upper()
        letters.setdefault(first if first.isalpha() else "#", []).append(row)
    return sorted(letters.items())


def plan_a_to_z(catalog: Catalog) -> list[PageSpec]:
    """The A to Z page: the guides by name, for search without JavaScript (none without the triage scale)."""
    if not catalog.tiers:
        return []
    return [PageSpec("a-z.md", "a-z.html", "Guides A to Z",
                     "Every problem guide, sign and first-aid page, by name and by the words owners use.",
                     {"letters": a_to_z(catalog)}, search=False)]
