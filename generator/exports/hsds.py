"""The directory in Open Referral HSDS 3.0 (https://docs.openreferral.org/): organizations, their
services (one per service an organisation offers), locations with addresses and schedules, phones,
service areas, languages, and the network's vocabularies as taxonomies.

Files follow the HSDS API's shapes as static files: `organizations.json` and `services.json` are
single pages of list results, `organizations/<id>.json` and `services/<id>.json` are fully nested.
Ids are UUIDs derived from the network's own ids, so they never change between builds.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.common.hours import DAYS, HoursException, Period
from generator.core.catalog import Catalog
from generator.exports.ids import uuid5_in
from generator.kinds.organisations.model import Organisation, ServiceOffer
from generator.kinds.organisations.views import orgs, region_of
from generator.kinds.vocabularies.model import Region

HSDS_VERSION = "3.0"
FOLDER = "api/hsds"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:small-mammal-emergency-network:hsds")
_ID_OF = uuid5_in(NAMESPACE)
STATUS = {"active": "active", "temporarily-closed": "temporarily closed", "closed": "defunct"}
BYDAY = dict(zip(DAYS, ("MO", "TU", "WE", "TH", "FR", "SA", "SU"), strict=True))
TAXONOMIES = {"services": "Services offered", "species": "Species treated", "kinds": "Kinds of organisation"}


def uid(*parts: str) -> str:
    return _ID_OF("/".join(parts))


class _Hsds:
    """Builds the HSDS objects for one catalog; every method is a pure function of the data. An
    organisation's parts (phones, location, summary) are built once and shared by its own file and
    its services' files: the JSON is the same whether an object is shared or a copy."""

    def __init__(self, catalog: Catalog, site_url: str) -> None:
        self.catalog = catalog
        self.site_url = site_url
        self.services = catalog.services
        self.species = catalog.species
        self.language_names = catalog.languages
        self.terms: dict[tuple[str, str], dict[str, Any]] = {}

    # ---- taxonomies ----------------------------------------------------------------------
    def taxonomy(self, name: str) -> dict[str, Any]:
        return {"id": uid("taxonomy", name), "name": name, "description": TAXONOMIES[name]}

    def term(self, taxonomy: str, term_id: str) -> dict[str, Any]:
        key = (taxonomy, term_id)
        if key not in self.terms:  # one object per term: services carry the same few terms 190,000 times
            term = getattr(self.catalog, taxonomy)[term_id]
            self.terms[key] = {"id": uid("term", taxonomy, term_id), "code": term_id, "name": term.label,
                               "description": term.description, "taxonomy": taxonomy,
                               "taxonomy_id": uid("taxonomy", taxonomy)}
        return self.terms[key]

    def attribute(self, link_id: str, entity: str, link_type: str, taxonomy: str, term_id: str,
                  value: str | None = None) -> dict[str, Any]:
        term = self.term(taxonomy, term_id)
        found = {"id": uid("attribute", link_id, taxonomy, term_id), "link_id": link_id, "link_entity": entity,
                 "link_type": link_type, "taxonomy_term_id": term["id"], "taxonomy_term": term}
        if value:
            found["value"] = value
        return found

    # ---- the parts of an organisation ----------------------------------------------------
    def phones(self, org: Organisation, organization_id: str) -> list[dict[str, Any]]:
        found = []
        for p in org.contacts.phones:
            phone = {"id": uid("phone", org.id, p.type, p.number), "organization_id": organization_id,
                     "number": p.phone.e164, "type": "voice", "description": p.shown_label}
            if p.phone.extension:  # HSDS keeps the extension apart, as a number
                phone["extension"] = int(p.phone.extension)
            found.append(phone)
        return found

    def languages(self, org: Organisation, owner: str) -> list[dict[str, Any]]:
        return [{"id": uid("language", owner, code), "code": code,
                 "name": self.language_names[code].label if code in self.language_names else code}
                for code in org.languages]

    def schedules(self, org: Organisation, region: Region, location_id: str) -> list[dict[str, Any]]:
        # Times are local wall-clock times in the region's zone: a fixed UTC offset would be wrong for
        # half the year, so the zone is named in `notes` instead.
        notes = f"Times are local time ({region.timezone})."
        found = [_weekly(org, period, location_id, notes) for period in org.hours]
        seen: set[date] = set()
        for exception in org.exceptions:
            # a date's first period keeps the id a date has always had; a second period added
            # later gets one of its own from its times (kb check refuses two of the same times)
            key = exception.date.isoformat()
            if exception.date in seen:
                key += f"/{exception.opens}/{exception.closes}"
            seen.add(exception.date)
            found.append(_exception(org, exception, location_id, notes, key))
        return found

    def location(self, org: Organisation, region: Region, organization_id: str) -> dict[str, Any]:
        location_id = uid("location", org.id)
        address = org.location.address
        found: dict[str, Any] = {
            "id": location_id, "location_type": "physical", "organization_id": organization_id,
            "name": org.name, "url": self.page(org),
            "addresses": [{"id": uid("address", org.id), "location_id": location_id, "address_1": address.street,
                           "city": address.locality, "region": region.label, "state_province": region.label,
                           "postal_code": address.postcode or "", "country": address.country,
                           "address_type": "physical"}],
            "schedules": self.schedules(org, region, location_id),
            "languages": self.languages(org, location_id),
        }
        if org.location.coordinates:
            found["latitude"] = org.location.coordinates.lat
            found["longitude"] = org.location.coordinates.lon
        return found

    def page(self, org: Organisation) -> str:
        return f"{self.site_url}organisations/{org.id}/"

    def service(self, org: Organisation, offer: ServiceOffer, parts: _Parts) -> dict[str, Any]:
        """One service an organisation offers, fully nested as the HSDS API returns it."""
        service_id = offer.service
        sid = uid("service", org.id, service_id)
        vocabulary = self.services.get(service_id)
        region = parts.region
        description = vocabulary.description if vocabulary else service_id
        if offer.limits:
            description += f" Limits here: {offer.limits}"
        found: dict[str, Any] = {
            "id": sid, "organization_id": parts.organization_id,
            "name": vocabulary.label if vocabulary else service_id, "description": description,
            "url": parts.page + "#services", "status": STATUS[org.status],
            "eligibility_description": parts.eligibility,
            "assured_date": parts.assured_date,
            "phones": parts.phones,
            "languages": self.languages(org, sid),
            "service_areas": [{"id": uid("service_area", org.id, service_id), "service_id": sid,
                               "name": region.label, "description": region.description, "extent_type": "text",
                               "uri": f"{self.site_url}regions/{region.id}/"}],
            "service_at_locations": [{"id": uid("service_at_location", org.id, service_id), "service_id": sid,
                                      "location_id": parts.location["id"], "location": parts.location}],
            "attributes": ([self.attribute(sid, "service", "service_type", "services", service_id)]
                           if service_id in self.services else [])
                          + [self.attribute(sid, "service", "eligibility", "species", c.species,
                                            f"from {c.min_weight_g} g" if c.min_weight_g else None)
                             for c in org.species if c.species in self.species],
            "organization": parts.summary,
        }
        if org.contacts.email:
            found["email"] = org.contacts.email
        if org.alert:
            found["alert"] = org.alert
        return found

    def eligibility(self, org: Organisation) -> str:
        names = []
        for c in org.species:
            label = self.species[c.species].plural if c.species in self.species else c.species
            names.append(f"{label} (from {c.min_weight_g} g)" if c.min_weight_g else label)
        return "Species treated: " + ", ".join(names) + "."

    def organization_summary(self, org: Organisation, organization_id: str) -> dict[str, Any]:
        """The one-to-one fields, as in the HSDS API's list results."""
        found = {"id": organization_id, "name": org.name, "description": org.summary,
                 "uri": self.page(org)}
        if org.contacts.email:
            found["email"] = org.contacts.email
        if org.contacts.website:
            found["website"] = org.contacts.website
        return found

    def parts(self, org: Organisation) -> _Parts:
        region = region_of(self.catalog, org)
        organization_id = uid("organization", org.id)
        return _Parts(region=region, organization_id=organization_id, page=self.page(org),
                      summary=self.organization_summary(org, organization_id),
                      phones=self.phones(org, organization_id), location=self.location(org, region, organization_id),
                      eligibility=self.eligibility(org),
                      assured_date=org.verified.on.isoformat())

    def organization(self, org: Organisation) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """An organization fully nested, and its services fully nested."""
        parts = self.parts(org)
        services = [self.service(org, offer, parts) for offer in org.services]
        attributes = ([self.attribute(parts.organization_id, "organization", "organization_type", "kinds", org.kind)]
                      if org.kind in self.catalog.kinds else [])
        # as the HSDS API's organization endpoint: services with their one-to-one fields only
        return ({**parts.summary, "phones": parts.phones, "locations": [parts.location], "attributes": attributes,
                 "services": [one_to_one(s) for s in services]}, services)


@dataclass(frozen=True)
class _Parts:
    """What an organisation's file and its services' files have in common."""

    region: Region
    organization_id: str
    page: str
    summary: dict[str, Any]
    phones: list[dict[str, Any]]
    location: dict[str, Any]
    eligibility: str
    assured_date: str


def _weekly(org: Organisation, period: Period, location_id: str, notes: str) -> dict[str, Any]:
    key = ",".join(period.days) + f"/{period.opens}/{period.closes}"
    closes = "23:59" if period.closes == "24:00" else period.closes  # HH:MM has no 24:00
    overnight = " (closing the next day)" if period.overnight else ""
    return {"id": uid("schedule", org.id, key), "location_id": location_id, "freq": "WEEKLY", "wkst": "MO",
            "byday": ",".join(BYDAY[d] for d in period.days), "opens_at": period.opens, "closes_at": closes,
            "description": f"Open {period.opens}–{period.closes}{overnight}", "notes": notes}


def _exception(org: Organisation, exception: HoursException, location_id: str, notes: str,
               key: str) -> dict[str, Any]:
    day = exception.date.isoformat()
    found: dict[str, Any] = {"id": uid("schedule", org.id, key), "location_id": location_id,
                             "valid_from": day, "valid_to": day, "notes": notes}
    if exception.closed:
        found["description"] = f"Closed on {day}" + (f": {exception.note}" if exception.note else "")
    else:
        found["opens_at"] = exception.opens
        found["closes_at"] = "23:59" if exception.closes == "24:00" else exception.closes
        overnight = " (closing the next day)" if exception.overnight else ""
        found["description"] = (f"Special hours on {day}: {exception.opens}–{exception.closes}{overnight}"
                                + (f" ({exception.note})" if exception.note else ""))
    return found


def one_to_one(data: dict[str, Any]) -> dict[str, Any]:
    """An object without its nested lists and objects, as HSDS list results give it."""
    return {key: value for key, value in data.items() if not isinstance(value, list | dict)}


def _page(contents: list[dict[str, Any]]) -> dict[str, Any]:
    """All results on one page, in the HSDS API's paginated shape."""
    return {"total_items": len(contents), "total_pages": 1, "page_number": 1, "size": len(contents),
            "first_page": True, "last_page": True, "empty": not contents, "contents": contents}


def hsds_documents(catalog: Catalog, site_url: str) -> Iterator[tuple[str, Any]]:
    """Every HSDS file as data, with its path in the site: each organization's file and its services'
    as they are made, then the lists and the index. A caller that writes each file as it comes never
    holds them all as data (fully nested, they were most of the 1 GB of the process making the exports
    at 10,000 organisations); the lists keep only the one-to-one fields."""
    hsds = _Hsds(catalog, site_url)
    organizations, services = [], []  # one-to-one, for the lists
    for org in sorted(orgs(catalog), key=lambda o: o.id):
        organization, offered = hsds.organization(org)
        organizations.append(one_to_one(organization))
        services += organization["services"]  # the one-to-one services are the ones in their organization's file
        yield f"{FOLDER}/organizations/{organization['id']}.json", organization
        for service in offered:
            yield f"{FOLDER}/services/{service['id']}.json", service
    terms = [hsds.term(name, term_id) for name in TAXONOMIES for term_id in getattr(catalog, name)]
    yield f"{FOLDER}/index.json", {"version": HSDS_VERSION, "profile": "https://docs.openreferral.org/en/latest/",
                                   "openapi_url": f"{site_url}api/v1/openapi.json"}
    yield f"{FOLDER}/organizations.json", _page(organizations)
    yield f"{FOLDER}/services.json", _page(services)
    yield f"{FOLDER}/taxonomies.json", _page([hsds.taxonomy(name) for name in TAXONOMIES])
    yield f"{FOLDER}/taxonomy_terms.json", _page(terms)
