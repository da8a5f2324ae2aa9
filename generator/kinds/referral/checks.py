"""Checks of the referral protocol: a timeline for every tier, the statuses the metrics count, review
dates and sources."""

from __future__ import annotations

from generator.common.freshness import review_problems
from generator.common.review import source_problems
from generator.core.catalog import Catalog
from generator.core.issues import Issue

REFERRAL_STATUSES = ("pending", "accepted", "declined", "expired")  # the metrics count these


def check_referral(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    if catalog.referral is None:
        return []
    protocol, src = catalog.referral.model, catalog.referral.source
    issues = []
    written = {tl.tier for tl in protocol.timelines}
    missing = [t for t in catalog.tiers if t not in written]  # none if tiers failed
    if missing and written <= set(catalog.tiers):  # an unknown tier is the mistake to report, not its gap
        issues.append(src.problem(("timelines",), f"no timeline for tier(s): {', '.join(missing)}"))
    ids = [s.id for s in protocol.statuses]
    if sorted(ids) != sorted(REFERRAL_STATUSES):
        issues.append(src.problem(("statuses",), f"the statuses must be exactly {', '.join(REFERRAL_STATUSES)}, "
                                  "because the network's metrics count them"))
    issues += review_problems(catalog.settings, src, protocol.review)
    issues += source_problems(src, src.data)
    return issues
