"""Organisations that are probably the same place twice: an entry copied to start a new one and given
a new id, but still carrying the other's name, phone number or address. A warning at each of the
two files naming the other (which one is the copy is not known; in a pull request the new file's
warning is the one shown on its lines), so a reviewer looks before a place is published twice."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from generator.core.catalog import Catalog
from generator.core.issues import Issue, Severity, Stage
from generator.core.loading import Entry
from generator.kinds.organisations.model import Organisation


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


def _marks(org: Organisation) -> Iterator[tuple[tuple, Callable[[], str], tuple]]:
    """What identifies a place, each with the field it is written in and its name for the message (made
    only for a message: a phone number's national form is most of the cost of reading it)."""
    yield ("name", _plain(org.name)), lambda: "the same name", ("name",)
    for i, phone in enumerate(org.contacts.phones):
        yield (("phone", phone.number), lambda phone=phone: f"the phone number {phone.phone.display}",
               ("contacts", "phones", i, "number"))
    address = org.location.address
    if address.street and address.postcode:
        yield (("address", _plain(address.street), _plain(address.postcode)), lambda: "the same address",
               ("location", "address", "street"))


def check_likely_copies(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    holders: dict[tuple, list[tuple[Entry[Organisation], Callable[[], str], tuple]]] = {}
    for entry in sorted(catalog.organisations.values(), key=lambda e: e.source.display):
        for mark, words, path in _marks(entry.model):
            holders.setdefault(mark, []).append((entry, words, path))
    problems, paired = [], set()
    for shared in holders.values():
        for entry, words, path in shared:
            for other, _, _ in shared:
                if other is entry or (entry.id, other.id) in paired:
                    continue
                paired.add((entry.id, other.id))  # one warning per entry and pair, at the first detail shared
                problems.append(entry.source.problem(
                    path, f"{words()} as {other.source.display}: is this the same organisation?",
                    hint="if one was copied to start the other, change every detail; if they are the same "
                         "place, keep one file", severity=Severity.WARNING, stage=Stage.CONTENT))
    return problems
