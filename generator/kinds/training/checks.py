"""Checks of training modules (prerequisites: not itself, no cycles; sessions, review dates and the
Markdown of their sections; ids the section's own pages use) and of placements (applications close
before an intake starts)."""

from __future__ import annotations

from graphlib import CycleError, TopologicalSorter

from generator.common.freshness import review_problems
from generator.common.text_checks import markdown_field_problems
from generator.core.catalog import Catalog
from generator.core.issues import Issue
from generator.core.sources import FieldPath, Source

# training/<id>/ is a module's page: these addresses are the section's own
RESERVED_MODULE_IDS = frozenset({"placements", "sessions"})


def check_modules(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    issues: list[Issue] = []
    for entry in catalog.modules.values():
        module, src = entry.model, entry.source
        if module.id in RESERVED_MODULE_IDS:
            issues.append(src.problem(("id",), f"'{module.id}' is reserved for the training section's own pages",
                                      hint="choose another id and rename the file"))
        for i, prerequisite in enumerate(module.prerequisites):
            if prerequisite == module.id:
                issues.append(src.problem(("prerequisites", i), "a module cannot be its own prerequisite"))
        seen: set[str] = set()
        for i, session in enumerate(module.sessions):
            if session.id in seen:
                issues.append(src.problem(("sessions", i, "id"), f"two sessions have the id '{session.id}'"))
            seen.add(session.id)
        issues += review_problems(catalog.settings, src, module.review)
    issues += _cycles(catalog)
    for src in catalog.sources.get("modules", []):  # every module file read, valid or not
        for path, text in module_markdown(src):
            issues += markdown_field_problems(src, path, text)
    return issues


def module_markdown(src: Source) -> list[tuple[FieldPath, str]]:
    """The Markdown fields of a module file as written: each section's body."""
    sections = src.data.get("sections") if isinstance(src.data, dict) else None
    return [(("sections", i, "body"), section["body"])
            for i, section in enumerate(sections if isinstance(sections, list) else [])
            if isinstance(section, dict) and isinstance(section.get("body"), str)]


def _cycles(catalog: Catalog) -> list[Issue]:
    graph = {m.id: [p for p in m.prerequisites if p in catalog.modules and p != m.id]
             for m in (e.model for e in catalog.modules.values())}
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        cycle = list(exc.args[1])  # [a, b, …, a]
        first = sorted(cycle[:-1])[0]
        start = cycle.index(first)
        ordered = cycle[start:-1] + cycle[:start] + [first]
        entry = catalog.modules[first]
        index = entry.model.prerequisites.index(ordered[1]) if ordered[1] in entry.model.prerequisites else 0
        return [entry.source.problem(("prerequisites", index),
                                     "prerequisites form a cycle: " + " → ".join(ordered),
                                     hint="remove one of these prerequisites")]
    return []


def check_placements(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    issues: list[Issue] = []
    for entry in catalog.get("placements", {}).values():
        placement, src = entry.model, entry.source
        deadline = placement.apply.deadline
        last = max(placement.dates, key=lambda d: d.from_)
        if deadline and deadline >= last.from_:
            issues.append(src.problem(("apply", "deadline"), f"applications close on {deadline}, when every "
                                      f"intake has started (the last on {last.from_})",
                                      hint="close applications before an intake starts, or add the next dates"))
    return issues
