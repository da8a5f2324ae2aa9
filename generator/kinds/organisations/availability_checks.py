"""Checks of what "who can help now" relies on: coordinates of clinics, and service availability
that can actually happen (a service's species are ones the organisation treats, weights in order,
on-call hours only with an on-call vet, referral-only only where vets can refer)."""

from __future__ import annotations

from statistics import median

from generator.common.geo import Point, distance_km
from generator.core.catalog import Catalog
from generator.core.issues import Issue, Severity
from generator.core.sources import Source
from generator.kinds.organisations.availability import covers_nights
from generator.kinds.organisations.model import Organisation


def check_availability(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    problems: list[Issue] = []
    for entry in catalog.organisations.values():
        org, src = entry.model, entry.source
        problems.extend(_coordinates(catalog, org, src))
        problems.extend(_far_from_its_region(catalog, org, src))
        problems.extend(_services(catalog, org, src))
        if org.after_hours.on_call_hours and org.after_hours.arrangement != "on-call":
            problems.append(src.problem(("after_hours", "on_call_hours"), "on_call_hours is only used with "
                                        f"arrangement 'on-call', not '{org.after_hours.arrangement}'"))
        if org.after_hours.clients_only and org.after_hours.arrangement != "on-call":
            problems.append(src.problem(("after_hours", "clients_only"), "clients_only is only used with "
                                        f"arrangement 'on-call', not '{org.after_hours.arrangement}'",
                                        hint="it says the on-call vet answers registered clients only"))
        if org.referral_only and not _vets_refer(org):
            problems.append(src.problem(("referral_only",), "a referral-only organisation must accept referrals "
                                        "from vets", hint="add referrals: {accepts_from: [vets], how: ...}"))
        problems.extend(_who_refers(org, src))
        problems.extend(_through_the_night(catalog, org, src))
    return problems


NIGHT_ENDS = "05:00"  # hours that run past midnight and close at or after this ran through the night


def _through_the_night(catalog: Catalog, org: Organisation, src: Source) -> list[Issue]:
    """Hours that run through the night at a practice whose kind is not open at night and which has no
    vet on site round the clock: "opens 18:30, closes 08:30" is most likely a day's hours swapped, and
    would tell owners at 02:00 that it is open. Late hours ("18:00 to 01:00") are not asked about."""
    kind = catalog.kinds.get(org.kind)
    if kind is None or kind.open_at_night or not kind.veterinary or org.after_hours.arrangement == "on-site-24h":
        return []
    periods = [(("hours", i), p.opens, p.closes) for i, p in enumerate(org.hours)]
    periods += [(("exceptions", i), e.opens, e.closes) for i, e in enumerate(org.exceptions) if not e.closed]
    periods += [(("services", index, "hours", i), p.opens, p.closes) for index, offer in enumerate(org.services)
                if offer.hours for i, p in enumerate(offer.hours)]
    return [src.problem((*path, "closes"), f"open through the night, from {opens} to {closes} the next day: "
                        f"owners at 02:00 would be told this {kind.label.lower()} is open",
                        hint=f"if it closes at {opens}, swap opens and closes: a period that closes before it "
                             "opens runs past midnight", severity=Severity.WARNING)
            for path, opens, closes in periods
            if opens is not None and closes is not None and NIGHT_ENDS <= closes < opens]


def _who_refers(org: Organisation, src: Source) -> list[Issue]:
    """Owners cannot both come directly and not: the lists say "Vet referral only" while the page says
    it accepts owners."""
    if org.referrals is None:
        return []
    found = []
    accepts = org.referrals.accepts_from
    for i, who in enumerate(accepts):
        if accepts.index(who) != i:
            found.append(src.problem(("referrals", "accepts_from", i), f"'{who}' is listed twice"))
        elif who == "owners" and org.referral_only:
            found.append(src.problem(("referrals", "accepts_from", i), "a referral-only organisation "
                                     "(referral_only: true) sees no owner directly, so it cannot accept "
                                     "referrals from owners",
                                     hint="remove owners here, or referral_only if owners may come directly"))
    return found


def _vets_refer(org: Organisation) -> bool:
    return org.referrals is not None and "vets" in org.referrals.accepts_from


def _coordinates(catalog: Catalog, org: Organisation, src: Source) -> list[Issue]:
    kind = catalog.kinds.get(org.kind)
    if org.location.coordinates or org.status == "closed" or (kind is not None and not kind.veterinary):
        return []
    hint = "add coordinates: {lat: ..., lon: ...} under location; any online map shows them"
    if covers_nights(org) or org.phones_of("emergency"):
        return [src.problem(("location",), "a clinic that takes emergencies needs coordinates, so owners can "
                            "find the nearest one", hint=hint)]
    return [src.problem(("location",), "a clinic without coordinates cannot be sorted by distance for owners",
                        hint=hint, severity=Severity.NOTE)]


FAR_KM = 150  # further than this from the middle of its region's other clinics: probably a mistake
FEW = 3  # a region needs this many other clinics with coordinates for a middle worth comparing with
MANY = 20
SPREADS = 3  # or further than this many times the region's clinics' median distance from its middle


def _far_from_its_region(catalog: Catalog, org: Organisation, src: Source) -> list[Issue]:
    """Coordinates far from every other clinic of the region (latitude and longitude swapped, a sign
    dropped): owners who share their location would be offered the wrong clinic first."""
    point = org.location.coordinates
    if point is None:
        return []
    found = _middle_without(catalog, org)
    if found is None:
        return []
    middle, spread = found
    far = max(FAR_KM, SPREADS * spread)  # a region as wide as a country has clinics far apart
    away = distance_km(middle, (point.lat, point.lon))
    if away <= far:
        return []
    swapped = abs(point.lon) <= 90 and distance_km(middle, (point.lon, point.lat)) <= far
    hint = (f"latitude and longitude look swapped: lat: {point.lon}, lon: {point.lat}" if swapped
            else "check them on a map; latitude is north-south, longitude east-west")
    return [src.problem(("location", "coordinates"), f"these coordinates are {away:,.0f} km from the other clinics "
                        f"of {org.location.region}: owners nearby would be offered the wrong clinic first",
                        hint=hint, severity=Severity.WARNING)]


def _middle_without(catalog: Catalog, org: Organisation) -> tuple[Point, float] | None:
    """The median point of the other clinics of the organisation's region and their median distance
    from it (medians: one wrong point among them moves neither), or None with too few of them."""
    points = _region_points(catalog).get(org.location.region, {})
    if len(points) > MANY:  # one point barely moves the medians of many: worked out once per region
        return catalog.memo(("region_median", org.location.region), lambda: _middle(list(points.values())))
    others = [p for org_id, p in points.items() if org_id != org.id]
    return _middle(others) if len(others) >= FEW else None


def _middle(points: list[Point]) -> tuple[Point, float]:
    middle = median(p[0] for p in points), median(p[1] for p in points)
    return middle, median(distance_km(middle, p) for p in points)


def _region_points(catalog: Catalog) -> dict[str, dict[str, Point]]:
    def compute() -> dict[str, dict[str, Point]]:
        found: dict[str, dict[str, Point]] = {}
        for entry in catalog.organisations.values():
            point = entry.model.location.coordinates
            if point is not None:
                found.setdefault(entry.model.location.region, {})[entry.model.id] = (point.lat, point.lon)
        return found
    return catalog.memo(("region_points",), compute)


def _services(catalog: Catalog, org: Organisation, src: Source) -> list[Issue]:
    problems: list[Issue] = []
    treated = {c.species for c in org.species}
    # a species of its own list that is unknown is reported there (generator/core/references.py), and it
    # may be the one meant ('rats' for rat): a service's species is not asked about until it is put right
    misspelt = any(species not in catalog.species for species in treated)
    for i, offer in enumerate(org.services):
        for j, species in enumerate(offer.species or []):  # unknown ids: generator/core/references.py
            if species in catalog.species and species not in treated and not misspelt:
                problems.append(src.problem(("services", i, "species", j), f"'{species}' is not among the "
                                            "species this organisation treats",
                                            hint="add it under species:, or remove it here"))
        if offer.min_weight_g and offer.max_weight_g and offer.min_weight_g > offer.max_weight_g:
            problems.append(src.problem(("services", i, "max_weight_g"), f"max_weight_g ({offer.max_weight_g}) is "
                                        f"below min_weight_g ({offer.min_weight_g}): no animal fits"))
        if offer.referral_only and not _vets_refer(org):
            problems.append(src.problem(("services", i, "referral_only"), "a referral-only service needs the "
                                        "organisation to accept referrals from vets",
                                        hint="add referrals: {accepts_from: [vets], how: ...}"))
    return problems
