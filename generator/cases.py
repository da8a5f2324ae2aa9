"""The case library: load de-identified case reports and check them before anything is published."""

from __future__ import annotations

from dataclasses import replace

from generator.catalog import Catalog, Entry, load_entries
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
