"""Plan the referral protocol page and the referral form."""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.core.specs import PageSpec
from generator.kinds.organisations.availability import (
    night_cover,
    night_elsewhere,
    open_phone,
    phones_without_a_clock,
)
from generator.kinds.organisations.model import Organisation, Phone
from generator.kinds.organisations.views import referral_receivers
from generator.kinds.triage.views import tiers_by_rank


def plan_referral(catalog: Catalog) -> list[PageSpec]:
    if not catalog.tiers or catalog.referral is None:
        return []
    tiers = tiers_by_rank(catalog)
    protocol = catalog.referral.model
    return [
        PageSpec("referral/index.md", "referral.html", protocol.title, protocol.summary,
                 source=catalog.referral.source.display,
                 context={"protocol": protocol, "receivers": referral_receivers(catalog), "tiers": tiers,
                         "receiver_phones": {o.id: receiver_phones(o) for o in referral_receivers(catalog)},
                          # who answers each region at night, and when nobody there answers every owner,
                          # the nearest clinics open at night elsewhere (as Get help without JavaScript)
                          "fallback": [(r, night_cover(catalog, r.id), night_elsewhere(catalog, r.id))
                                       for r in catalog.regions.values()]}),
        PageSpec("referral/form.md", "referral-form.html", "Referral form",
                 "A standard referral form for small mammals: fill it on a phone or print it.",
                 {"tier_options": [(t.id, f"{t.rank}. {t.label}") for t in tiers],
                  "species_options": [(s.id, s.label) for s in catalog.species.values()],
                  "receivers_options": [(o.id, o.name, (o.phones_of("referrals") or [open_phone(o)])[0])
                                        for o in referral_receivers(catalog)]},
                 scripts=("referral-form",)),
    ]


def receiver_phones(org: Organisation) -> list[Phone]:
    """A receiving clinic's numbers on the referral page, which cannot tell the time: its emergency
    lines (a vet answers at once), its referrals line (else its day line), then the line its on-call
    vet answers out of hours, when that is another."""
    day, *night = phones_without_a_clock(org)
    found: list[Phone] = []
    for phone in [*org.phones_of("emergency"), *(org.phones_of("referrals")[:1] or [day]), *night]:
        if phone.number not in {p.number for p in found}:
            found.append(phone)
    return found
