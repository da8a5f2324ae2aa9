"""The coordinators' audit: what is overdue or due soon, sorted by risk to someone in an emergency.

Each content type says what of it must be re-checked (ContentType.audit), by the rules of
generator/common/freshness.py. The audit page is public, so it shows only what is public: review,
verification and service dates. When an emergency line was last test-called is private, and so is any
date computed from it; `kb check` reminds coordinators of those lines as notes instead."""

from __future__ import annotations

from collections.abc import Sequence

from generator.common.freshness import DUE_SOON_DAYS, PHONE_CHECK_DAYS, Finding
from generator.core.catalog import Catalog
from generator.core.content_type import ContentType
from generator.core.specs import PageSpec
from generator.kinds import REGISTRY
from generator.kinds.organisations.checks import emergency_line_checks

__all__ = ["DUE_SOON_DAYS", "PHONE_CHECK_DAYS", "audit", "plan_audit"]


def audit(catalog: Catalog, registry: Sequence[ContentType] = REGISTRY) -> list[Finding]:
    findings = [found for ctype in registry if ctype.audit for found in ctype.audit(catalog)]
    return sorted(findings, key=lambda f: f.sort_key)


def plan_audit(catalog: Catalog, registry: Sequence[ContentType] = REGISTRY) -> list[PageSpec]:
    return [PageSpec("audit.md", "audit.html", "Audit: what needs checking",
                     "Overdue and soon-due verifications, reviews and services, sorted by risk.",
                     {"findings": audit(catalog, registry), "due_soon": DUE_SOON_DAYS, "phone_days": PHONE_CHECK_DAYS,
                      # when each line was last rung is private: on the members' edition's audit only
                      "test_calls": emergency_line_checks(catalog) if catalog.settings.members else []},
                     search=False)]
