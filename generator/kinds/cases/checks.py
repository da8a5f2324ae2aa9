"""Checks of case reports before anything is published: consent, review date, a tier no less urgent than
signs.yml gives its presenting signs, and no identifying detail in any text (valid files or not)."""

from __future__ import annotations

from dataclasses import replace

from generator.common.deidentify import find_identifiers
from generator.common.doses import strings
from generator.core.catalog import Catalog
from generator.core.issues import Issue, Severity, Stage
from generator.core.sources import Source
from generator.kinds.cases.model import Case
from generator.kinds.triage.urgency import applies, sign_tier

# Every text in a case is published (ids become addresses, the reviewer's role is printed), so every
# text is scanned; only the review date is meant to be a calendar date.
_CALENDAR_DATE_FIELDS = {("reviewed", "on")}
_IDENTIFYING_KEYS = ("name", "owner", "microchip", "chip", "address", "phone", "email")


def name_field_message(problem: Issue) -> Issue:
    """A field such as `owner_name` is not just unknown: it must never exist in a case."""
    key = problem.field.rsplit(".", 1)[-1].lower()
    if problem.message.startswith("unknown field") and any(word in key for word in _IDENTIFYING_KEYS):
        return replace(problem, message=f"cases must not identify owners or animals: remove the field '{key}'",
                       hint="")
    return problem


def check_cases(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    """Consent and review date (identifying details: `identifying_details`, a check of each file)."""
    issues: list[Issue] = []
    for entry in catalog.cases.values():
        case, src = entry.model, entry.source
        if not case.consent_recorded:
            issues.append(src.problem(("consent_recorded",), "a case is published only when the owner's consent is "
                                      "recorded", hint="record consent, or remove the case", stage=Stage.CONTENT))
        if case.reviewed.on > catalog.settings.today:
            issues.append(src.problem(("reviewed", "on"), "the review date is in the future"))
        issues.extend(_slower_than_signs(catalog, case, src))
    return issues


def _slower_than_signs(catalog: Catalog, case: Case, src: Source) -> list[Issue]:
    """A teaching case must not teach slower triage than the network's guides: its tier may not be
    less urgent than signs.yml's for any of its presenting signs in its species."""
    if case.tier not in catalog.tiers:  # an unknown tier: the references' check says so
        return []
    tiers = [(sign_tier(catalog, sign, case.species), sign) for sign in case.presenting_signs
             if sign in catalog.signs and case.species in catalog.species and applies(catalog, sign, case.species)]
    if not tiers:
        return []
    urgent, sign = min(tiers, key=lambda found: found[0].rank)
    given = catalog.tiers[case.tier]
    if given.rank <= urgent.rank:
        return []
    animals = catalog.species[case.species].plural.lower()
    return [src.problem(("tier",), f"'{given.label}' is less urgent than signs.yml gives "
                        f"{catalog.signs[sign].label.lower()} in {animals} ('{urgent.label}'): a case must not teach "
                        "slower triage than the guides", severity=Severity.WARNING, stage=Stage.CONTENT,
                        hint=f"use tier: {urgent.id}, or change signs.yml if the guides are wrong")]


def identifying_details(src: Source) -> list[Issue]:
    """Every identifying detail in every text of a case file (valid or not), at its field."""
    issues = []
    for path, text in strings(src.data):
        if tuple(path) in _CALENDAR_DATE_FIELDS:
            continue
        for finding in find_identifiers(text):
            issues.append(src.problem(path, f"'{finding.text}' looks like {finding.what}; cases must not "
                                      "identify owners or animals", hint=_hint(finding.what), stage=Stage.CONTENT))
    return issues


def _hint(what: str) -> str:
    if what == "a calendar date":
        return "use relative time such as 'day 0' or '+6 h'"
    return "remove it"
