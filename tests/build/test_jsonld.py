"""The JSON-LD on every organisation page of the demo build, checked against the schema.org types it
uses: every property on a typed node is one schema.org defines for (one of) its types, the fields
search engines need are there, and values are well formed.

The property table is taken from schema.org release 30.0 (schemaorg/schemaorg,
data/releases/30.0/schemaorg-current-https-types.csv), written as each type's own properties plus
those it inherits:
  Thing > Organization > MedicalOrganization > VeterinaryCare (so VeterinaryCare is *not* a
  LocalBusiness or Place in schema.org: opening hours and geo need LocalBusiness beside it);
  Thing > Organization + Place > LocalBusiness > AnimalShelter;
  Thing > Place > AdministrativeArea;
  Thing > Intangible > StructuredValue > ContactPoint > PostalAddress;
  StructuredValue > OpeningHoursSpecification, GeoCoordinates (StructuredValue adds no properties).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.kinds.organisations.availability import open_phone
from generator.kinds.organisations.views import orgs
from tests.helpers import page

THING = {"additionalType", "alternateName", "description", "disambiguatingDescription", "identifier", "image",
         "mainEntityOfPage", "name", "owner", "potentialAction", "sameAs", "subjectOf", "url"}
ORGANIZATION = THING | {
    "acceptedPaymentMethod", "actionableFeedbackPolicy", "address", "agentInteractionStatistic", "aggregateRating",
    "alumni", "areaServed", "award", "awards", "brand", "companyRegistration", "contactPoint", "contactPoints",
    "correctionsPolicy", "department", "dissolutionDate", "diversityPolicy", "diversityStaffingReport", "duns",
    "email", "employee", "employees", "ethicsPolicy", "event", "events", "faxNumber", "founder", "founders",
    "foundingDate", "foundingLocation", "funder", "funding", "globalLocationNumber", "hasCertification",
    "hasCredential", "hasGS1DigitalLink", "hasMemberProgram", "hasMerchantReturnPolicy", "hasOfferCatalog", "hasPOS",
    "hasProductReturnPolicy", "hasShippingService", "interactionStatistic", "isicV4", "iso6523Code", "keywords",
    "knowsAbout", "knowsLanguage", "legalAddress", "legalName", "legalRepresentative", "leiCode", "location", "logo",
    "makesOffer", "member", "memberOf", "members", "naics", "nonprofitStatus", "numberOfEmployees",
    "ownershipFundingInfo", "owns", "parentOrganization", "publishingPrinciples", "review", "reviews", "seeks",
    "serviceArea", "skills", "slogan", "sponsor", "subOrganization", "taxID", "telephone", "unnamedSourcesPolicy",
    "vatID"}
PLACE = THING | {
    "additionalProperty", "address", "aggregateRating", "amenityFeature", "branchCode", "containedIn",
    "containedInPlace", "containsPlace", "event", "events", "faxNumber", "geo", "geoContains", "geoCoveredBy",
    "geoCovers", "geoCrosses", "geoDisjoint", "geoEquals", "geoIntersects", "geoOverlaps", "geoTouches", "geoWithin",
    "globalLocationNumber", "hasCertification", "hasDriveThroughService", "hasGS1DigitalLink", "hasMap",
    "isAccessibleForFree", "isicV4", "keywords", "latitude", "logo", "longitude", "map", "maps",
    "maximumAttendeeCapacity", "openingHoursSpecification", "photo", "photos", "publicAccess", "review", "reviews",
    "slogan", "smokingAllowed", "specialOpeningHoursSpecification", "telephone", "tourBookingPage"}
LOCAL_BUSINESS = ORGANIZATION | PLACE | {"branchOf", "currenciesAccepted", "floorLevel", "openingHours",
                                         "paymentAccepted", "priceRange"}
MEDICAL_ORGANIZATION = ORGANIZATION | {"healthPlanNetworkId", "isAcceptingNewPatients", "medicalSpecialty"}
CONTACT_POINT = THING | {"areaServed", "availableLanguage", "contactOption", "contactType", "email", "faxNumber",
                         "hoursAvailable", "productSupported", "serviceArea", "telephone"}
ALLOWED: dict[str, set[str]] = {
    "VeterinaryCare": MEDICAL_ORGANIZATION,
    "LocalBusiness": LOCAL_BUSINESS,
    "AnimalShelter": LOCAL_BUSINESS,
    "AdministrativeArea": PLACE,
    "ContactPoint": CONTACT_POINT,
    "PostalAddress": CONTACT_POINT | {"addressCountry", "addressLocality", "addressRegion", "extendedAddress",
                                      "postOfficeBoxNumber", "postalCode", "streetAddress"},
    "OpeningHoursSpecification": THING | {"closes", "dayOfWeek", "opens", "validFrom", "validThrough"},
    "GeoCoordinates": THING | {"address", "addressCountry", "elevation", "latitude", "longitude", "postalCode"},
}
# What search engines and directory crawlers need in practice, per type.
REQUIRED: dict[str, set[str]] = {
    "VeterinaryCare": {"@id", "name", "url", "telephone", "address"},
    "AnimalShelter": {"@id", "name", "url", "telephone", "address"},
    "PostalAddress": {"streetAddress", "addressLocality", "addressCountry"},
    "ContactPoint": {"telephone", "contactType"},
    "OpeningHoursSpecification": {"opens", "closes"},
    "GeoCoordinates": {"latitude", "longitude"},
    "AdministrativeArea": {"name"},
}
DAYS = {f"https://schema.org/{d}" for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                            "Sunday")}
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")  # schema.org Time: no 24:00
E164 = re.compile(r"^\+[1-9]\d{6,14}(;ext=\d+)?$")  # an extension kept as RFC 3966 writes it


def _types(node: dict[str, Any]) -> list[str]:
    value = node.get("@type")
    return value if isinstance(value, list) else [value]


def _nodes(value: Any) -> list[dict[str, Any]]:
    """Every typed node in a JSON-LD document, the top one first."""
    found = []
    if isinstance(value, dict):
        if "@type" in value:
            found.append(value)
        for item in value.values():
            found += _nodes(item)
    elif isinstance(value, list):
        for item in value:
            found += _nodes(item)
    return found


def problems_in(document: dict[str, Any]) -> list[str]:
    """What is wrong with one organisation's JSON-LD, as sentences; empty when it is right."""
    problems = []
    if document.get("@context") != "https://schema.org":
        problems.append(f"@context is {document.get('@context')!r}")
    for node in _nodes(document):
        types = _types(node)
        unknown = [t for t in types if t not in ALLOWED]
        if unknown:
            problems.append(f"type {unknown} is not in the table")
            continue
        allowed = set().union(*(ALLOWED[t] for t in types))
        extra = sorted(k for k in node if not k.startswith("@") and k not in allowed)
        if extra:
            problems.append(f"{types}: schema.org defines no {extra} for these types")
        for t in types:
            missing = REQUIRED.get(t, set()) - set(node)
            if missing:
                problems.append(f"{t} lacks {sorted(missing)}")
        if "OpeningHoursSpecification" in types:
            problems += _hours_problems(node)
        if "telephone" in node and not E164.match(node["telephone"]):
            problems.append(f"{types} telephone {node['telephone']!r} is not E.164 (with any ;ext=)")
        if "addressCountry" in node and not re.match(r"^[A-Z]{2}$", node["addressCountry"]):
            problems.append(f"addressCountry {node['addressCountry']!r} is not ISO 3166-1 alpha-2")
        if "GeoCoordinates" in types and not (-90 <= node["latitude"] <= 90 and -180 <= node["longitude"] <= 180):
            problems.append(f"coordinates out of range: {node}")
    return problems


def _hours_problems(node: dict[str, Any]) -> list[str]:
    problems = [f"{key} {node.get(key)!r} is not HH:MM" for key in ("opens", "closes")
                if not CLOCK.match(str(node.get(key)))]
    if "dayOfWeek" in node:
        if not node["dayOfWeek"] or set(node["dayOfWeek"]) - DAYS:
            problems.append(f"dayOfWeek {node['dayOfWeek']} are not schema.org day URLs")
    elif {"validFrom", "validThrough"} <= set(node):
        for key in ("validFrom", "validThrough"):
            try:
                date.fromisoformat(node[key])
            except (TypeError, ValueError):
                problems.append(f"{key} {node[key]!r} is not a date")
    else:
        problems.append("hours apply to no day: neither dayOfWeek nor validFrom/validThrough")
    return problems


@pytest.fixture(scope="module")
def documents(demo_site: Path, demo_catalog) -> dict[str, dict[str, Any]]:
    found = {}
    for org in orgs(demo_catalog):
        scripts = page(demo_site, f"organisations/{org.id}").select("script[type='application/ld+json']")
        assert len(scripts) == 1, org.id
        found[org.id] = json.loads(scripts[0].string)
    return found


def test_every_organisation_page_has_valid_json_ld(documents: dict[str, dict[str, Any]], demo_catalog) -> None:
    assert len(documents) == len(demo_catalog.organisations) > 20
    problems = {oid: found for oid, document in documents.items() if (found := problems_in(document))}
    assert problems == {}


def test_json_ld_round_trips_the_directory(documents: dict[str, dict[str, Any]], demo_catalog) -> None:
    for org in orgs(demo_catalog):
        data = documents[org.id]
        assert data["name"] == org.name
        assert data["@id"] == data["url"] and data["url"].endswith(f"/organisations/{org.id}/")
        assert data["telephone"] == open_phone(org).number  # its own line by day, not an after-hours line
        assert [c["telephone"] for c in data["contactPoint"]] == [p.number for p in org.contacts.phones]
        assert len(data["openingHoursSpecification"]) == len(org.hours)
        assert len(data.get("specialOpeningHoursSpecification", [])) == len(org.exceptions)
        expected = "AnimalShelter" if org.kind in ("rescue", "shelter") else ["VeterinaryCare", "LocalBusiness"]
        assert data["@type"] == expected
    # the demo data exercises exceptions open until midnight (24:00 in the data)
    assert any(e.closes == "24:00" for o in orgs(demo_catalog) for e in o.exceptions)


def test_the_check_catches_what_schema_org_does_not_allow(documents: dict[str, dict[str, Any]]) -> None:
    good = next(d for d in documents.values() if d["@type"] != "AnimalShelter" and "geo" in d)
    assert problems_in(good) == []
    # VeterinaryCare alone is no Place: opening hours and geo are not its properties
    assert any("openingHoursSpecification" in p for p in problems_in({**good, "@type": "VeterinaryCare"}))
    assert any("lacks ['telephone']" in p for p in problems_in({k: v for k, v in good.items() if k != "telephone"}))
    broken_hours = {**good, "openingHoursSpecification": [{"@type": "OpeningHoursSpecification", "opens": "08:00",
                                                           "closes": "24:00", "dayOfWeek": ["Monday"]}]}
    found = problems_in(broken_hours)
    assert any("24:00" in p for p in found) and any("day URLs" in p for p in found)
    assert any("E.164" in p for p in problems_in({**good, "telephone": "01632 960100"}))
    assert any("openingHour" in p for p in problems_in({**good, "openingHour": "Mo-Fr"}))
