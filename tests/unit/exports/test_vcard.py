"""The vCards are written line by line (generator/exports/vcard.py); vobject is the reference: every
card must be byte for byte what vobject serialises for the same contact, text that needs escaping
and long lines of multi-byte characters included."""

from __future__ import annotations

import io
import random
import uuid

import pytest
import vobject
from vobject.base import backslashEscape, foldOneLine

from generator.exports.vcard import NAMESPACE, PRODID, _note, fold, org_vcard, text
from generator.kinds.organisations.model import Organisation
from generator.kinds.organisations.views import orgs, region_of

# characters of one to four UTF-8 octets, and every character the escapes touch
ALPHABET = "ab ;,\\\n–é中🐹:\"'"


def vobject_card(catalog, org: Organisation, site_url: str) -> str:
    """The card as vobject's own objects build and serialise it (how the export was first written)."""
    card = vobject.vCard()
    card.add("prodid").value = PRODID
    card.add("uid").value = f"urn:uuid:{uuid.uuid5(NAMESPACE, org.id)}"
    card.add("fn").value = org.name
    card.add("n").value = vobject.vcard.Name()
    card.add("org").value = [org.name]
    card.add("x-abshowas").value = "COMPANY"
    kind = catalog.kinds.get(org.kind)
    card.add("categories").value = ["Small mammal emergency care", kind.label if kind else org.kind]
    for index, phone in enumerate(org.contacts.phones, start=1):
        tel = card.add("tel", group=f"item{index}")
        tel.value = phone.phone.dial
        tel.type_param = ["WORK", "VOICE", "PREF"] if phone is org.first_call else ["WORK", "VOICE"]
        card.add("x-ablabel", group=f"item{index}").value = phone.shown_label
    if org.contacts.email:
        email = card.add("email")
        email.value = org.contacts.email
        email.type_param = ["INTERNET", "WORK"]
    if org.contacts.website:
        card.add("url").value = org.contacts.website
    address = org.location.address
    adr = card.add("adr")
    adr.value = vobject.vcard.Address(street=address.street, city=address.locality,
                                      region=region_of(catalog, org).label, code=address.postcode or "",
                                      country=address.country)
    adr.type_param = ["WORK"]
    if org.location.coordinates:
        card.add("geo").value = f"{org.location.coordinates.lat};{org.location.coordinates.lon}"
    card.add("note").value = _note(org, site_url)
    card.add("rev").value = org.verified.on.isoformat()
    return card.serialize()


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randrange(60, 260))) for _ in range(count)]


def test_every_demo_card_is_what_vobject_writes(demo_catalog) -> None:
    for org in orgs(demo_catalog):
        assert org_vcard(demo_catalog, org, "https://example.org/kb/") == vobject_card(demo_catalog, org,
                                                                                        "https://example.org/kb/")


@pytest.mark.parametrize("seed", range(4))
def test_awkward_text_is_escaped_and_folded_as_vobject_does(demo_catalog, seed: int) -> None:
    org = next(o for o in orgs(demo_catalog) if o.contacts.email and o.contacts.website and o.location.coordinates)
    name, summary, street, label, alert = _texts(5, seed)
    phones = [p.model_copy(update={"label": label}) for p in org.contacts.phones]
    awkward = org.model_copy(update={
        "name": name[:80], "summary": summary, "alert": alert,
        "contacts": org.contacts.model_copy(update={"phones": phones}),
        "location": org.location.model_copy(update={
            "address": org.location.address.model_copy(update={"street": street, "postcode": None})})})
    card = org_vcard(demo_catalog, awkward, "https://example.org/")
    assert card == vobject_card(demo_catalog, awkward, "https://example.org/")
    assert vobject.readOne(card).note.value.startswith(summary)


def test_fold_and_escape_match_vobject() -> None:
    for line in [*_texts(400, 7), "x" * 74, "x" * 75, "x" * 76, "x" * 149, "x" * 150, "é" * 74, "é" * 75]:
        written = _vobject_fold(line)
        assert fold(line) == written, line
        assert text(line) == backslashEscape(line)


def _vobject_fold(line: str) -> str:
    buffer = io.StringIO()
    foldOneLine(buffer, line)
    return buffer.getvalue()
