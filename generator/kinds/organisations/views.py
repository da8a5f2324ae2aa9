"""Views of the directory that pages, checks and exports ask for: organisations by name, by region,
by species and service, who sends their nights to whom, who takes referrals; and the addresses of an
organisation's page and contact cards. Memoised on the catalog: every page asks."""

from __future__ import annotations

from collections.abc import Iterable

from generator.common.schedule import is_always_open
from generator.core.catalog import Catalog
from generator.kinds.organisations.model import Organisation
from generator.kinds.vocabularies.model import Region
from generator.kinds.vocabularies.views import by_region

URL = "organisations/{id}/"


def org_url(org_id: str) -> str:
    return URL.format(id=org_id)


def vcard_path(org: Organisation) -> str | None:
    # A closed organisation gets no card: a stored number that no longer answers is worse than none.
    return None if org.status == "closed" else f"api/vcards/{org.id}.vcf"


def region_vcard_path(region_id: str) -> str:
    return f"api/vcards/regions/{region_id}.vcf"


def orgs(catalog: Catalog) -> list[Organisation]:
    return list(catalog.memo(("orgs",), lambda: sorted((e.model for e in catalog.organisations.values()),
                                                       key=lambda o: o.name.lower())))


def organisation(catalog: Catalog, org_id: str) -> Organisation:
    return catalog.organisations[org_id].model


def region_of(catalog: Catalog, organisation: Organisation) -> Region:
    return catalog.regions[organisation.location.region]


def emergency_order(organisation: Organisation) -> tuple[int, str]:
    rank = {"on-site-24h": 0, "on-call": 1, "partner": 2, "none": 3}[organisation.after_hours.arrangement]
    if is_always_open(organisation.hours):
        rank = 0
    if organisation.status != "active":
        rank += 10
    return rank, organisation.name.lower()


def in_region(catalog: Catalog, region_id: str) -> list[Organisation]:
    """Organisations based in the region, round-the-clock care first, then by name."""
    return list(catalog.memo(("in_region",), lambda: {  # one pass for every region, not one per region
        region.id: sorted(members, key=emergency_order)
        for region, members in by_region(catalog.regions.values(), orgs(catalog), lambda o: o.location.region)
    }).get(region_id, []))


def treating(catalog: Catalog, species_id: str) -> list[Organisation]:
    return list(catalog.memo(("treating",), lambda: _each_once_by(
        ((c.species for c in o.species), o) for o in orgs(catalog))).get(species_id, []))


def offering(catalog: Catalog, service_id: str) -> list[Organisation]:
    return list(catalog.memo(("offering",), lambda: _each_once_by(
        ((s.service for s in o.services), o) for o in orgs(catalog))).get(service_id, []))


def _each_once_by(keyed: Iterable[tuple[Iterable[str], Organisation]]) -> dict[str, list[Organisation]]:
    """Each organisation under each of its keys once, in the order given."""
    grouped: dict[str, dict[int, Organisation]] = {}
    for keys, organisation in keyed:
        for key in keys:
            grouped.setdefault(key, {})[id(organisation)] = organisation
    return {key: list(members.values()) for key, members in grouped.items()}


def referral_receivers(catalog: Catalog) -> list[Organisation]:
    """Organisations that accept referrals from vets, with a named referral role."""
    return [o for o in orgs(catalog) if o.status == "active" and o.referrals and "vets" in o.referrals.accepts_from]


def partners_of(catalog: Catalog, org_id: str) -> list[Organisation]:
    """Organisations that send their after-hours patients to ``org_id``."""
    def by_partner() -> dict[str, list[Organisation]]:
        sent: dict[str, list[Organisation]] = {}
        for organisation in orgs(catalog):
            if organisation.after_hours.partner:
                sent.setdefault(organisation.after_hours.partner, []).append(organisation)
        return sent
    return list(catalog.memo(("partners",), by_partner).get(org_id, []))
