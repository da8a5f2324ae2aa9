"""What a problem guide, a sign or a tier page shows about urgency, per species, computed from the
one source (generator/kinds/triage/urgency.py) so the templates only display it."""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.catalog import Catalog
from generator.kinds.triage.clinical_checks import page_advice
from generator.kinds.triage.model import Guide, Sign, Tier
from generator.kinds.triage.urgency import applies, escalations, guide_species, sign_tier, threshold_of
from generator.kinds.vocabularies.model import Species


@dataclass(frozen=True)
class TierGroup:
    tier: Tier
    signs: list[Sign]


@dataclass(frozen=True)
class SpeciesView:
    """The urgency summary on a guide's first screen: for one species, or (species None) for any
    of the guide's species, each sign at its most urgent tier."""

    species: Species | None
    anchor: str
    groups: list[TierGroup]


@dataclass(frozen=True)
class Badge:
    tier: Tier
    species: list[Species]
    everyone: bool  # every species the row applies to has this tier: the species need not be named


@dataclass(frozen=True)
class Escalation:
    tier: Tier
    when: str
    species: list[Species]
    everyone: bool


@dataclass(frozen=True)
class SignRow:
    """A sign in a guide's list: its badges per species, notes and escalations."""

    sign: Sign
    note: str | None
    species: list[Species]
    badges: list[Badge]
    thresholds: list[tuple[Species, str]]
    escalations: list[Escalation]

    @property
    def top(self) -> Tier:
        return self.badges[0].tier


@dataclass(frozen=True)
class GuideView:
    species: list[Species]
    views: list[SpeciesView]
    rows: list[SignRow]
    top: Tier | None
    advice: list[str]
    tiers: list[Tier]


def guide_view(catalog: Catalog, guide: Guide) -> GuideView:
    species = [catalog.species[s] for s in guide_species(catalog, guide) if s in catalog.species]
    rows = sorted((_row(catalog, guide, m.sign, m.note, species) for m in guide.signs), key=lambda r: r.top.rank)
    rows = [r for r in rows if r.badges]
    views = [SpeciesView(None, "for-any", _groups([(r.sign, r.top) for r in rows]))]
    for s in species:
        views.append(SpeciesView(s, f"for-{s.id}", _groups([(catalog.signs[m.sign], sign_tier(catalog, m.sign, s.id))
                                                             for m in guide.signs if applies(catalog, m.sign, s.id)])))
    top, advice = page_advice(catalog, guide)
    tiers = sorted({b.tier.id: b.tier for r in rows for b in r.badges}.values(), key=lambda t: t.rank)
    return GuideView(species, views, rows, top, advice, tiers)


def _groups(pairs: list[tuple[Sign, Tier]]) -> list[TierGroup]:
    by_tier: dict[str, TierGroup] = {}
    for sign, tier in sorted(pairs, key=lambda p: p[1].rank):
        by_tier.setdefault(tier.id, TierGroup(tier, []))
        if sign not in by_tier[tier.id].signs:
            by_tier[tier.id].signs.append(sign)
    return list(by_tier.values())


def _row(catalog: Catalog, guide: Guide, sign_id: str, note: str | None, species: list[Species]) -> SignRow:
    sign = catalog.signs[sign_id]
    covered = [s for s in species if applies(catalog, sign_id, s.id)]
    return SignRow(sign, note, covered, badges(catalog, sign, covered),
                   [(s, t.text) for s in covered if (t := threshold_of(sign, s.id)) and t.text],
                   escalation_rows(catalog, sign, covered))


def badges(catalog: Catalog, sign: Sign, species: list[Species]) -> list[Badge]:
    """The sign's tiers for these species, most urgent first, each with the species that have it."""
    grouped: dict[str, list[Species]] = {}
    for s in species:
        grouped.setdefault(sign_tier(catalog, sign.id, s.id).id, []).append(s)
    ordered = sorted(grouped.items(), key=lambda item: catalog.tiers[item[0]].rank)
    return [Badge(catalog.tiers[tier_id], members, len(grouped) == 1) for tier_id, members in ordered]


def escalation_rows(catalog: Catalog, sign: Sign, species: list[Species]) -> list[Escalation]:
    found: dict[tuple[str, str], list[Species]] = {}
    for s in species:
        for tier, when in escalations(catalog, sign.id, s.id):
            found.setdefault((tier.id, when), []).append(s)
    return [Escalation(catalog.tiers[tier_id], when, members, len(members) == len(species))
            for (tier_id, when), members in sorted(found.items(), key=lambda item: catalog.tiers[item[0][0]].rank)]


def guides_at_tier(catalog: Catalog, tier: Tier) -> list[tuple[Guide, list[tuple[Sign, list[Species]]]]]:
    """Every guide that gives this tier for some sign and species, with those signs and species."""
    found = []
    for guide in guides(catalog):
        species = [catalog.species[s] for s in guide_species(catalog, guide) if s in catalog.species]
        signs = []
        for mapping in guide.signs:
            sign = catalog.signs[mapping.sign]
            covered = [s for s in species if applies(catalog, sign.id, s.id)]
            members = [s for s in covered if sign_tier(catalog, sign.id, s.id).id == tier.id]
            if members:  # species named only when the tier is not the same for all the guide covers
                signs.append((sign, members if len(members) < len(covered) else []))
        if signs:
            found.append((guide, signs))
    return found


def tiers_by_rank(catalog: Catalog) -> list[Tier]:
    return sorted(catalog.tiers.values(), key=lambda t: t.rank)


def guides(catalog: Catalog) -> list[Guide]:
    return sorted((e.model for e in catalog.problems.values()), key=lambda p: p.title.lower())


def guides_for_species(catalog: Catalog, species_id: str) -> list[Guide]:
    return [p for p in guides(catalog) if species_id in p.species]


def guides_with_sign(catalog: Catalog, sign_id: str) -> list[Guide]:
    return [p for p in guides(catalog) if any(m.sign == sign_id for m in p.signs)]
