"""vCards (3.0, the version every phone imports): one per organisation, so owners can store a clinic
before they need it, and one per region with the clinics that answer at night.

The cards are written line by line, byte for byte as vobject serialises them (the tests build every
card with vobject too and compare, and read every published card back with it). Building them with
vobject's objects took 10 of the 30 seconds the exports needed at 5,000 organisations, nearly all of
it in its per-line object model (a behaviour lookup, an escape, a fold and an un-escape for each line);
the rules it applies are short: RFC 2426 text escapes, and lines folded at 75 octets.
"""

from __future__ import annotations

import uuid

from generator.common.schedule import hours_summary
from generator.core.catalog import Catalog
from generator.exports.ids import uuid5_in
from generator.kinds.organisations.availability import night_cover
from generator.kinds.organisations.model import Organisation
from generator.kinds.organisations.views import orgs, region_of

# Stable across builds and site addresses, so a re-imported card updates the stored contact.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:small-mammal-emergency-network:vcard")
_ID_OF = uuid5_in(NAMESPACE)
PRODID = "-//Small Mammal Emergency Network//Open data//EN"
CATEGORY = "Small mammal emergency care"
# vobject writes these first, then every other property by name (a stable sort: lines of one
# property keep their order)
FIRST = ("VERSION", "PRODID", "UID")
LINE_OCTETS = 75


def vcard_path(org: Organisation) -> str | None:
    # A closed organisation gets no card: a stored number that no longer answers is worse than none.
    return None if org.status == "closed" else f"api/vcards/{org.id}.vcf"


def region_vcard_path(region_id: str) -> str:
    return f"api/vcards/regions/{region_id}.vcf"


def region_clinics(catalog: Catalog, region_id: str) -> list[Organisation]:
    """Who to store for a region: the clinics that answer its owners at night, as Get help and the
    region page list them (generator/availability.night_cover)."""
    return [cover.org for cover in night_cover(catalog, region_id)]


def text(value: str) -> str:
    """A TEXT value with RFC 2426's escapes (backslash, semicolon, comma, and newlines as \\n)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """One content line with its CRLF, folded as vobject folds: a line of 75 characters or more is cut
    before the octet that would make a line longer than 75 (continuations start with a space, so
    they hold 74), never inside a UTF-8 character."""
    if len(line) < LINE_OCTETS:  # vobject counts characters here, octets below
        return line + "\r\n"
    data = line.encode("utf-8")
    parts = []
    start, limit = 0, LINE_OCTETS
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation octet: the character started before the cut
            cut -= 1
        parts.append(data[start:cut])
        start, limit = cut, LINE_OCTETS - 1
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8") + "\r\n"


def card(properties: list[tuple[str, str]]) -> str:
    """One vCard from (property name, unfolded line) pairs, in vobject's order."""
    ordered = sorted(properties, key=lambda p: (FIRST.index(p[0]), "") if p[0] in FIRST else (len(FIRST), p[0]))
    return "".join(fold(line) for line in ["BEGIN:VCARD", *(line for _, line in ordered), "END:VCARD"])


def org_vcard(catalog: Catalog, org: Organisation, site_url: str) -> str:
    kind = catalog.kinds.get(org.kind)
    address = org.location.address
    first = org.first_call
    properties = [
        ("VERSION", "VERSION:3.0"),
        ("PRODID", f"PRODID:{text(PRODID)}"),
        ("UID", f"UID:urn:uuid:{_ID_OF(org.id)}"),
        ("FN", f"FN:{text(org.name)}"),
        ("N", "N:;;;;"),  # required in 3.0; empty, as for a company
        ("ORG", f"ORG:{text(org.name)}"),
        ("X-ABSHOWAS", "X-ABSHOWAS:COMPANY"),  # Apple Contacts: show as a company, not a person
        ("CATEGORIES", f"CATEGORIES:{text(CATEGORY)},{text(kind.label if kind else org.kind)}"),
    ]
    for index, phone in enumerate(org.contacts.phones, start=1):
        types = "WORK,VOICE,PREF" if phone is first else "WORK,VOICE"
        properties.append(("TEL", f"item{index}.TEL;TYPE={types}:{text(phone.phone.dial)}"))
        properties.append(("X-ABLABEL", f"item{index}.X-ABLABEL:{text(phone.shown_label)}"))
    if org.contacts.email:
        properties.append(("EMAIL", f"EMAIL;TYPE=INTERNET,WORK:{text(org.contacts.email)}"))
    if org.contacts.website:
        properties.append(("URL", f"URL:{text(org.contacts.website)}"))
    # post office box; extended address; street; locality; region; postal code; country
    fields = ("", "", address.street, address.locality, region_of(catalog, org).label, address.postcode or "",
              address.country)
    properties.append(("ADR", "ADR;TYPE=WORK:" + ";".join(text(f) for f in fields)))
    if org.location.coordinates:  # a structured value: its semicolon is not escaped
        properties.append(("GEO", f"GEO:{org.location.coordinates.lat};{org.location.coordinates.lon}"))
    properties.append(("NOTE", f"NOTE:{text(_note(org, site_url))}"))
    properties.append(("REV", f"REV:{text(org.verified.on.isoformat())}"))  # a date from the data, never the clock
    return card(properties)


def _note(org: Organisation, site_url: str) -> str:
    lines = [org.summary, f"Hours: {hours_summary(org.hours)}."]
    if org.alert:
        lines.append(f"Notice: {org.alert}")
    if org.after_hours.notes:
        lines.append(f"After hours: {org.after_hours.notes}")
    lines.append(f"Details verified on {org.verified.on.isoformat()}; check before you travel: "
                 f"{site_url}organisations/{org.id}/")
    return "\n".join(lines)


def vcard_files(catalog: Catalog, site_url: str) -> dict[str, str]:
    files = {}
    cards: dict[str, str] = {}  # each organisation serialised once; region files reuse the cards

    def card_of(org: Organisation) -> str:
        if org.id not in cards:
            cards[org.id] = org_vcard(catalog, org, site_url)
        return cards[org.id]

    for org in sorted(orgs(catalog), key=lambda o: o.id):
        path = vcard_path(org)
        if path:
            files[path] = card_of(org)
    for region in catalog.regions.values():
        clinics = region_clinics(catalog, region.id)
        if clinics:
            files[region_vcard_path(region.id)] = "".join(card_of(o) for o in clinics)
    return files
