"""Checks of the triage scale, the signs and the problem guides (their urgency against signs.yml is
checked in clinical_checks.py; unknown ids in core/references.py from the references each type declares)."""

from __future__ import annotations

from generator.common.freshness import review_problems
from generator.common.review import source_problems
from generator.core.catalog import Catalog
from generator.core.issues import Issue
from generator.core.loading import Entry
from generator.core.sources import Source
from generator.kinds.triage.clinical_checks import check_guide_urgency, check_signs_structure
from generator.kinds.triage.loading import signs_source
from generator.kinds.triage.model import Guide, Sign

RESERVED_TRIAGE_IDS = {"tiers", "signs"}  # /triage/<problem>/ shares the folder with these


def check_tiers(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    if catalog.scale is None:
        return []
    source = catalog.scale.source
    issues = []
    ranks = sorted(t.rank for t in catalog.tiers.values())
    if not 4 <= len(ranks) <= 5:
        issues.append(source.problem(("tiers",), f"the triage scale has {len(ranks)} tiers; it needs 4 or 5"))
    if ranks != list(range(1, len(ranks) + 1)):
        issues.append(source.problem(("tiers",), "tier ranks must run 1, 2, 3 … without gaps or repeats"))
    ids = [t.id for t in catalog.scale.model.tiers]
    issues += [source.problem(("tiers", i, "id"), f"duplicate tier id '{tier_id}'")
               for i, tier_id in enumerate(ids) if ids.index(tier_id) != i]
    advice: dict[str, str] = {}
    for i, tier in enumerate(catalog.scale.model.tiers):
        for j, line in enumerate(tier.advice):
            if line.id in advice:
                issues.append(source.problem(("tiers", i, "advice", j, "id"),
                                             f"advice id '{line.id}' is also used by tier '{advice[line.id]}'",
                                             hint="guides name advice lines by id: give each line its own"))
            advice.setdefault(line.id, tier.id)
    issues += review_problems(catalog.settings, source, catalog.scale.model.review)
    issues += source_problems(source, source.data)
    return issues


def check_signs(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    source = signs_source(catalog)  # as it was read: signs.yml is parsed once per load
    if source is None:
        return []
    return [issue for sign in catalog.signs.values() for issue in _check_sign(catalog, source, sign)]


def _check_sign(catalog: Catalog, source: Source, sign: Sign) -> list[Issue]:
    index = next((i for i, item in enumerate(source.data) if isinstance(item, dict) and item.get("id") == sign.id), 0)
    issues = []
    for i, threshold in enumerate(sign.thresholds):
        if threshold.species not in sign.species:
            issues.append(source.problem((index, "thresholds", i, "species"),
                                         f"'{threshold.species}' has a threshold but is not in this sign's species"))
    issues += check_signs_structure(catalog, source, index, sign)
    return issues


def check_guides(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    return [issue for entry in catalog.problems.values() for issue in _check_guide(catalog, entry)]


def _check_guide(catalog: Catalog, entry: Entry[Guide]) -> list[Issue]:
    guide, src = entry.model, entry.source
    issues = []
    if guide.id in RESERVED_TRIAGE_IDS:
        issues.append(src.problem(("id",), f"'{guide.id}' is reserved for the triage section's own pages",
                                  hint="choose another id and rename the file"))
    issues += check_guide_urgency(catalog, entry)
    issues += review_problems(catalog.settings, src, guide.review)
    issues += source_problems(src, src.data)
    return issues
