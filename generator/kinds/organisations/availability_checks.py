"""Checks of what "who can help now" relies on: coordinates of clinics, and service availability
that can actually happen (a service's species are ones the organisation treats, weights in order,
on-call hours only with an on-call vet, referral-only only where vets can refer)."""

from __future__ import annotations

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
    return problems


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


def _services(catalog: Catalog, org: Organisation, src: Source) -> list[Issue]:
    problems: list[Issue] = []
    treated = {c.species for c in org.species}
    for i, offer in enumerate(org.services):
        for j, species in enumerate(offer.species or []):  # unknown ids: generator/core/references.py
            if species in catalog.species and species not in treated:
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
