"""What the open-data exports may publish: every content type as plain JSON-ready entries, with
private fields left out at any depth.

This is the one place that decides what is private. The API, its OpenAPI schemas, the archive and
the tests all read the PRIVATE table below, so a new private field is hidden everywhere at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel

from generator.core.catalog import Catalog
from generator.exports.vcard import vcard_path
from generator.kinds.cases.model import Case
from generator.kinds.equipment.checks import is_available
from generator.kinds.equipment.model import Equipment, EquipmentType
from generator.kinds.first_aid.model import FirstAidPage
from generator.kinds.metrics.publish import NETWORK, publish
from generator.kinds.organisations.model import Organisation, Phone, Verification
from generator.kinds.referral.model import ReferralProtocol
from generator.kinds.training.model import Module
from generator.kinds.triage.model import Problem, Sign, Tier
from generator.kinds.vocabularies.model import Kind, Language, OrganisationKind, Region, Service, Species
from generator.kinds.volunteers.model import VolunteerGroup

# Fields that are kept for the network's own work and never published in any export:
# who verified an entry (the page says it in words; exports carry only the date), when an
# emergency line was last rung to test it, the consent record behind a case (every published
# case has one), and the internal notes on a piece of kit.
PRIVATE: dict[type[BaseModel], frozenset[str]] = {
    Verification: frozenset({"by"}),
    Phone: frozenset({"verified_on"}),
    Case: frozenset({"consent_recorded"}),
    Equipment: frozenset({"notes"}),
}

URL = {"type": ["string", "null"], "description": "the entry's page on this site, if it has one"}


@dataclass(frozen=True)
class Collection:
    """One content type: its entries (each with an "id") and what describes them."""

    name: str  # the URL segment: api/v1/<name>.json and api/v1/<name>/<id>.json
    title: str
    description: str
    model: type[BaseModel] | None  # the entries' schema comes from this model; None: given in `schema`
    items: list[dict[str, Any]]
    # properties the export adds to the model's fields, as JSON Schema
    extra: dict[str, dict[str, Any]] = field(default_factory=lambda: {"url": URL})
    schema: dict[str, Any] | None = None


def public(value: Any) -> Any:
    """The JSON form of a value, with every private field of every model inside it left out."""
    if isinstance(value, BaseModel):
        hidden = PRIVATE.get(type(value), frozenset())
        return {name: public(getattr(value, name)) for name in type(value).model_fields if name not in hidden}
    if isinstance(value, list | tuple):
        return [public(item) for item in value]
    if isinstance(value, dict):
        return {str(key): public(item) for key, item in value.items()}
    if isinstance(value, date):  # datetimes too: local session times stay local, as in the data
        return value.isoformat()
    return value


def _entries(models: list[Any], page: Callable[[Any], str | None], site_url: str,
             **extra: Callable[[Any], Any]) -> list[dict[str, Any]]:
    items = []
    for model in sorted(models, key=lambda m: m.id):
        path = page(model)
        entry = {**public(model), "url": site_url + path if path is not None else None}
        entry.update({name: compute(model) for name, compute in extra.items()})
        items.append(entry)
    return items


def collections(catalog: Catalog, site_url: str) -> list[Collection]:
    """Every published content type, in a fixed order, entries sorted by id."""
    orgs = [e.model for e in catalog.organisations.values()]
    kit = [e.model for e in catalog.equipment.values()]
    types_used = {k.item for k in kit}

    def vocabulary(name: str, title: str, description: str, model: type[BaseModel], terms: dict[str, Any],
                   page: str | None = None) -> Collection:
        return Collection(name, title, description, model, _entries(
            list(terms.values()), lambda term: page.format(id=term.id) if page else None, site_url))

    found = [
        Collection("organisations", "Organisations",
                   "Clinics, hospitals, rescues and shelters in the directory, with contacts, hours and capabilities.",
                   Organisation, _entries(orgs, lambda o: f"organisations/{o.id}/", site_url,
                                          vcard=lambda o: _absolute(site_url, vcard_path(o))),
                   {"url": URL, "vcard": {"type": ["string", "null"],
                                          "description": "the organisation as a vCard (none once it has closed)"}}),
        vocabulary("regions", "Regions", "The regions the network covers.", Region, catalog.regions,
                   "regions/{id}/"),
        vocabulary("species", "Species", "The small-mammal species the network cares for.", Species, catalog.species,
                   "species/{id}/"),
        vocabulary("services", "Services", "The services organisations offer.", Service, catalog.services,
                   "services/{id}/"),
        vocabulary("kinds", "Kinds of organisation", "What kind of organisation each entry is.", OrganisationKind,
                   catalog.kinds),
        vocabulary("languages", "Languages", "Languages organisations speak.", Language, catalog.languages),
        vocabulary("tiers", "Triage tiers", "The urgency scale, most urgent first (rank 1).", Tier, catalog.tiers,
                   "triage/tiers/{id}/"),
        vocabulary("signs", "Signs", "Signs owners and clinicians look for, in both their words.", Sign,
                   catalog.signs, "triage/signs/{id}/"),
        vocabulary("body-systems", "Body systems", "The body systems problem guides are grouped by.", Kind,
                   catalog.body_systems),
        Collection("problem-guides", "Problem guides",
                   "Triage guides: signs mapped to tiers, what owners and clinics do, when to refer.", Problem,
                   _entries(catalog.guides(), lambda g: f"triage/{g.id}/", site_url)),
        Collection("first-aid", "First aid", "Owner first aid pages; `body` is Markdown.", FirstAidPage,
                   _first_aid(catalog, site_url),
                   {"id": {"type": "string"}, "body": {"type": "string", "description": "Markdown"}, "url": URL}),
        Collection("referral-protocol", "Referral protocol",
                   "The network's referral and transfer protocol (one entry, id `protocol`).", ReferralProtocol,
                   [{"id": "protocol", **public(catalog.referral.model), "url": site_url + "referral/"}]
                   if catalog.referral else [], {"id": {"type": "string"}, "url": URL}),
        Collection("cases", "Cases", "De-identified case reports, after the CARE checklist.", Case,
                   _entries(catalog.case_list(), lambda c: f"cases/{c.id}/", site_url)),
        Collection("training-modules", "Training modules",
                   "Training modules with objectives, sections, self-check questions and sessions "
                   "(session `start` is local time in the session's `timezone`).", Module,
                   _entries(catalog.module_list(), lambda m: f"training/{m.id}/", site_url)),
        Collection("equipment-types", "Kit types", "Types of shared equipment.", EquipmentType,
                   _entries(list(catalog.equipment_types.values()),
                            lambda t: f"kit/{t.id}/" if t.id in types_used else None, site_url)),
        Collection("equipment", "Shared kit",
                   "Equipment members can use or borrow; `available` applies the service-date rule.", Equipment,
                   _entries(kit, lambda k: f"kit/{k.item}/", site_url, available=lambda k: is_available(k, catalog)),
                   {"url": URL, "available": {"type": "boolean", "description":
                                              "usable or borrowable today: status available and service not overdue"}}),
        Collection("volunteer-groups", "Volunteer groups", "Volunteer groups that transport and foster animals.",
                   VolunteerGroup, _entries([e.model for e in catalog.volunteers.values()],
                                            lambda g: f"volunteers/{g.id}/", site_url)),
        Collection("metrics", "Network metrics",
                   "Published aggregate figures per region (and `network`): small counts suppressed, as on the "
                   "metrics pages.", None, _metrics(catalog, site_url), {}, METRICS_SCHEMA),
    ]
    return found


def _absolute(site_url: str, path: str | None) -> str | None:
    return site_url + path if path else None


def _first_aid(catalog: Catalog, site_url: str) -> list[dict[str, Any]]:
    return [{"id": e.id, **public(e.model), "body": e.body, "url": f"{site_url}first-aid/{e.id}/"}
            for e in sorted(catalog.first_aid.values(), key=lambda e: e.id)]


def _metrics(catalog: Catalog, site_url: str) -> list[dict[str, Any]]:
    """The figures the metrics pages publish, after suppression; never the reports themselves."""
    if not catalog.metrics or not catalog.tiers:
        return []
    rows = [row.as_dict() for row in publish(catalog).rows]
    regions = sorted({row["region"] for row in rows})
    return [{"id": region,
             "label": "Whole network" if region == NETWORK else catalog.regions[region].label,
             "url": site_url + ("metrics/" if region == NETWORK else f"metrics/{region}/"),
             "rows": [row for row in rows if row["region"] == region]} for region in regions]


METRICS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "label", "url", "rows"],
    "properties": {
        "id": {"type": "string", "description": "a region id, or `network` for the network totals"},
        "label": {"type": "string"},
        "url": URL,
        "rows": {"type": "array", "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["period", "region", "measure", "category", "value", "published_as"],
            "properties": {
                "period": {"type": "string", "description": "YYYY-MM or YYYY-Qn"},
                "region": {"type": "string"},
                "measure": {"type": "string", "description": "e.g. contacts, seen-within-target:<tier>, "
                                                             "minutes-to-vet:<tier>, referrals, outcomes:<guide>"},
                "category": {"type": "string"},
                "value": {"type": ["number", "null"], "description": "null where the figure is suppressed"},
                "published_as": {"type": "string", "description": "the figure as shown: the number, 'fewer than 5' "
                                                                         "(a count from 1 to 4) or 'not shown'"},
            }}},
    },
}
