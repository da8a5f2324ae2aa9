"""vCards (3.0, the version every phone imports) made with vobject: one per organisation, so owners
can store a clinic before they need it, and one per region with the clinics that answer at night."""

from __future__ import annotations

import uuid

import vobject

from generator.common.schedule import hours_summary
from generator.core.catalog import Catalog
from generator.kinds.organisations.availability import night_cover
from generator.kinds.organisations.model import Organisation
from generator.kinds.organisations.views import orgs, region_of

# Stable across builds and site addresses, so a re-imported card updates the stored contact.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:small-mammal-emergency-network:vcard")
PRODID = "-//Small Mammal Emergency Network//Open data//EN"


def vcard_path(org: Organisation) -> str | None:
    # A closed organisation gets no card: a stored number that no longer answers is worse than none.
    return None if org.status == "closed" else f"api/vcards/{org.id}.vcf"


def region_vcard_path(region_id: str) -> str:
    return f"api/vcards/regions/{region_id}.vcf"


def region_clinics(catalog: Catalog, region_id: str) -> list[Organisation]:
    """Who to store for a region: the clinics that answer its owners at night, as Get help and the
    region page list them (generator/availability.night_cover)."""
    return [cover.org for cover in night_cover(catalog, region_id)]


def org_vcard(catalog: Catalog, org: Organisation, site_url: str) -> str:
    card = vobject.vCard()
    card.add("prodid").value = PRODID
    card.add("uid").value = f"urn:uuid:{uuid.uuid5(NAMESPACE, org.id)}"
    card.add("fn").value = org.name
    card.add("n").value = vobject.vcard.Name()
    card.add("org").value = [org.name]
    card.add("x-abshowas").value = "COMPANY"  # Apple Contacts: show as a company, not a person
    kind = catalog.kinds.get(org.kind)
    card.add("categories").value = ["Small mammal emergency care", kind.label if kind else org.kind]
    first = org.first_call
    for index, phone in enumerate(org.contacts.phones, start=1):
        tel = card.add("tel", group=f"item{index}")
        tel.value = phone.phone.dial
        tel.type_param = ["WORK", "VOICE", "PREF"] if phone is first else ["WORK", "VOICE"]
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
    card.add("rev").value = org.verified.on.isoformat()  # a date from the data, never the clock
    return card.serialize()


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

    def card(org: Organisation) -> str:
        if org.id not in cards:
            cards[org.id] = org_vcard(catalog, org, site_url)
        return cards[org.id]

    for org in sorted(orgs(catalog), key=lambda o: o.id):
        path = vcard_path(org)
        if path:
            files[path] = card(org)
    for region in catalog.regions.values():
        clinics = region_clinics(catalog, region.id)
        if clinics:
            files[region_vcard_path(region.id)] = "".join(card(o) for o in clinics)
    return files
