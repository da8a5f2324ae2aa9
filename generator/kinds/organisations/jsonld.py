"""schema.org JSON-LD for organisation pages (VeterinaryCare or AnimalShelter with hours, address and contact
points)."""

from __future__ import annotations

from typing import Any

from generator.common.hours import DAY_NAMES
from generator.common.schedule import is_always_open
from generator.kinds.organisations.availability import open_phone
from generator.kinds.organisations.model import Organisation
from generator.kinds.vocabularies.model import Region

_CONTACT_TYPES = {"main": "customer service", "emergency": "emergency", "after-hours": "emergency",
                  "referrals": "referrals"}
# schema.org puts VeterinaryCare under MedicalOrganization and Organization only, so the Place
# properties used here (geo, opening hours) need LocalBusiness beside it. Rescues and shelters are
# AnimalShelter, which is a LocalBusiness.
_SHELTER_KINDS = ("rescue", "shelter")


def _types(org: Organisation) -> list[str] | str:
    return "AnimalShelter" if org.kind in _SHELTER_KINDS else ["VeterinaryCare", "LocalBusiness"]


def _clock(value: str) -> str:
    """schema.org Time has no 24:00: the last minute of the day stands for midnight."""
    return "23:59" if value == "24:00" else value


def organisation_jsonld(org: Organisation, region: Region, page_url: str) -> dict[str, Any]:
    address = org.location.address
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": _types(org),
        "@id": page_url,
        "url": page_url,
        "name": org.name,
        "description": org.summary,
        "telephone": open_phone(org).number,  # its own line, as a search engine shows it by day
        "address": {
            "@type": "PostalAddress",
            "streetAddress": address.street,
            "addressLocality": address.locality,
            "addressRegion": region.label,
            "addressCountry": address.country,
        },
        "areaServed": {"@type": "AdministrativeArea", "name": region.label},
        "contactPoint": [
            {"@type": "ContactPoint", "telephone": p.number, "contactType": _CONTACT_TYPES[p.type]}
            for p in org.contacts.phones
        ],
        "openingHoursSpecification": _opening_hours(org),
    }
    if org.exceptions:
        data["specialOpeningHoursSpecification"] = _special_hours(org)
    if address.postcode:
        data["address"]["postalCode"] = address.postcode
    if org.contacts.email:
        data["email"] = org.contacts.email
    if org.contacts.website:
        data["sameAs"] = [org.contacts.website]
    if org.location.coordinates:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": org.location.coordinates.lat,
                       "longitude": org.location.coordinates.lon}
    if org.languages:
        data["knowsLanguage"] = list(org.languages)
    return data


def _opening_hours(org: Organisation) -> list[dict[str, Any]]:
    days = lambda ids: [f"https://schema.org/{DAY_NAMES[d]}" for d in ids]  # noqa: E731
    if is_always_open(org.hours):
        return [{"@type": "OpeningHoursSpecification", "dayOfWeek": days(DAY_NAMES), "opens": "00:00",
                 "closes": "23:59"}]
    return [{"@type": "OpeningHoursSpecification", "dayOfWeek": days(p.days), "opens": p.opens,
             "closes": _clock(p.closes)} for p in org.hours]


def _special_hours(org: Organisation) -> list[dict[str, Any]]:
    """Holidays and other dates with their own hours; closed all day is opens = closes = 00:00."""
    specs = []
    for exception in org.exceptions:
        day = exception.date.isoformat()
        specs.append({"@type": "OpeningHoursSpecification", "validFrom": day, "validThrough": day,
                      "opens": "00:00" if exception.closed else exception.opens,
                      "closes": "00:00" if exception.closed else _clock(exception.closes)})
    return specs
