"""The case library: load de-identified case reports and check them before anything is published."""

from __future__ import annotations

from dataclasses import replace

from generator.catalog import Catalog, Entry, load_entries, unknown
from generator.deidentify import find_identifiers
from generator.doses import strings
from generator.guidance import dose_problems
from generator.models.case import Case
from generator.problems import Problem, Problems, Stage
from generator.settings import Settings

# Fields that hold ids or fixed words, not free text; everything else is scanned.
_NOT_FREE_TEXT = {"id", "species", "age_band", "weight_band", "body_system", "presenting_signs", "tier",
                  "outcome", "related", "organisation", "consent_recorded", "reviewed"}
_IDENTIFYING_KEYS = ("name", "owner", "microchip", "chip", "address", "phone", "email")


def load_cases(settings: Settings, problems: Problems) -> dict[str, Entry[Case]]:
    found = Problems()
    cases = load_entries(settings.content / "cases", Case, settings, found)
    problems.extend([_name_field_message(p) for p in found.items])
    return cases


def _name_field_message(problem: Problem) -> Problem:
    """A field such as `owner_name` is not just unknown: it must never exist in a case."""
    key = problem.field.rsplit(".", 1)[-1].lower()
    if problem.message.startswith("unknown field") and any(word in key for word in _IDENTIFYING_KEYS):
        return replace(problem, message=f"cases must not identify owners or animals: remove the field '{key}'",
                       hint="")
    return problem


def check_cases(catalog: Catalog) -> list[Problem]:
    issues: list[Problem] = []
    for entry in catalog.cases.values():
        case, src = entry.model, entry.source
        if catalog.species and case.species not in catalog.species:
            issues.append(unknown(src, ("species",), "species", case.species, catalog.species))
        if catalog.body_systems and case.body_system not in catalog.body_systems:
            issues.append(unknown(src, ("body_system",), "body system", case.body_system, catalog.body_systems))
        if catalog.tiers and case.tier not in catalog.tiers:
            issues.append(unknown(src, ("tier",), "tier", case.tier, catalog.tiers))
        for i, sign in enumerate(case.presenting_signs):
            if catalog.signs and sign not in catalog.signs:
                issues.append(unknown(src, ("presenting_signs", i), "sign", sign, catalog.signs, list_options=False))
        for i, guide in enumerate(case.related.problems):
            if guide not in catalog.problems:
                issues.append(unknown(src, ("related", "problems", i), "problem guide", guide, catalog.problems,
                                      list_options=False))
        for i, module in enumerate(case.related.modules):
            if catalog.modules and module not in catalog.modules:
                issues.append(unknown(src, ("related", "modules", i), "training module", module, catalog.modules,
                                      list_options=False))
        for i, service in enumerate(case.related.services):
            if catalog.services and service not in catalog.services:
                issues.append(unknown(src, ("related", "services", i), "service", service, catalog.services))
        if case.organisation not in catalog.organisations:
            issues.append(unknown(src, ("organisation",), "organisation", case.organisation, catalog.organisations,
                                  list_options=False))
        if not case.consent_recorded:
            issues.append(src.problem(("consent_recorded",), "a case is published only when the owner's consent is "
                                      "recorded", hint="record consent, or remove the case", stage=Stage.CONTENT))
        if case.reviewed.on > catalog.settings.today:
            issues.append(src.problem(("reviewed", "on"), "the review date is in the future"))
        for path, text in strings(src.data):
            if path and path[0] in _NOT_FREE_TEXT:
                continue
            for finding in find_identifiers(text):
                issues.append(src.problem(path, f"'{finding.text}' looks like {finding.what}; cases must not "
                                          "identify owners or animals", hint=_hint(finding.what),
                                          stage=Stage.CONTENT))
        issues += dose_problems(src, src.data)
    return issues


def _hint(what: str) -> str:
    if what == "a calendar date":
        return "use relative time such as 'day 0' or '+6 h'"
    return "remove it"
