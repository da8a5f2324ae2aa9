"""How urgent a sign or a problem is for a species: one answer, from signs.yml, for every page,
check and scenario test that asks.

A sign has a tier (and perhaps a number such as hours without food) for every species it applies
to; a species may differ through a threshold of its own. A problem guide lists signs; its urgency
for a species is the most urgent of those signs' tiers for that species.
"""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.kinds.triage.model import Guide, Limit, Sign, Threshold, Tier


def threshold_of(sign: Sign, species_id: str) -> Threshold | None:
    return next((t for t in sign.thresholds if t.species == species_id), None)


def applies(catalog: Catalog, sign_id: str, species_id: str) -> bool:
    sign = catalog.signs.get(sign_id)
    return sign is not None and species_id in sign.species


def _sign(catalog: Catalog, sign_id: str, species_id: str) -> Sign:
    if not applies(catalog, sign_id, species_id):
        raise ValueError(f"sign '{sign_id}' does not apply to species '{species_id}'")
    return catalog.signs[sign_id]


def sign_tier(catalog: Catalog, sign_id: str, species_id: str) -> Tier:
    """The tier a sign has for a species: its threshold's tier, else the sign's own."""
    sign = _sign(catalog, sign_id, species_id)
    threshold = threshold_of(sign, species_id)
    return catalog.tiers[threshold.tier if threshold and threshold.tier else sign.tier]


def sign_limit(catalog: Catalog, sign_id: str, species_id: str | None = None) -> Limit | None:
    """The sign's number for a species (hours without food, minutes of straining …), or the
    number for every species when ``species_id`` is None."""
    sign = catalog.signs[sign_id]
    if species_id is None:
        return sign.limit
    threshold = threshold_of(_sign(catalog, sign_id, species_id), species_id)
    return threshold.limit if threshold and threshold.limit else sign.limit


def escalations(catalog: Catalog, sign_id: str, species_id: str) -> list[tuple[Tier, str]]:
    """The more urgent tiers the sign reaches for this species, with their conditions."""
    sign = _sign(catalog, sign_id, species_id)
    return [(catalog.tiers[e.tier], e.when) for e in sign.escalate
            if (not e.species or species_id in e.species) and e.tier in catalog.tiers]


def guide_species(catalog: Catalog, guide: Guide) -> list[str]:
    """The guide's species, in the order of directory/species.yml."""
    order = list(catalog.species)
    return sorted(guide.species, key=lambda s: order.index(s) if s in order else len(order))


def guide_signs_for(catalog: Catalog, guide: Guide, species_id: str) -> list[tuple[Sign, Tier]]:
    """The guide's signs that apply to the species, with their tiers, most urgent first."""
    found = [(catalog.signs[m.sign], sign_tier(catalog, m.sign, species_id)) for m in guide.signs
             if applies(catalog, m.sign, species_id)]
    return sorted(found, key=lambda pair: pair[1].rank)


def guide_urgency(catalog: Catalog, guide_id: str, species_id: str) -> Tier:
    """The most urgent tier the guide gives for the species: the most urgent badge its page shows
    when that species is chosen."""
    guide = catalog.problems[guide_id].model
    if species_id not in guide.species:
        raise ValueError(f"guide '{guide_id}' does not cover species '{species_id}'")
    signs = guide_signs_for(catalog, guide, species_id)
    if not signs:
        raise ValueError(f"no sign of guide '{guide_id}' applies to species '{species_id}'")
    return signs[0][1]


def guide_tiers(catalog: Catalog, guide: Guide) -> list[Tier]:
    """Every tier the guide gives for any of its species, most urgent first."""
    tiers = {tier.id: tier for species_id in guide.species for _, tier in guide_signs_for(catalog, guide, species_id)}
    return sorted(tiers.values(), key=lambda t: t.rank)


def tier_advice(catalog: Catalog, guide: Guide, tier: Tier) -> list[str]:
    """The tier's generic advice as the guide's page shows it: the guide replaces or leaves out
    lines it contradicts (its tier_advice)."""
    choices = {c.advice: c for c in guide.tier_advice}
    lines = []
    for advice in tier.advice:
        choice = choices.get(advice.id)
        if choice is None:
            lines.append(advice.text)
        elif choice.instead:
            lines.append(choice.instead)
    return lines
