"""Checks of the handbook and the budgets beyond one field: review dates, unique meeting ids, one
handbook place per page, one budget per year in a file named by it, and safe Markdown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from generator.common.freshness import review_problems
from generator.common.text_checks import markdown_field_problems
from generator.core.catalog import Catalog
from generator.core.issues import Issue
from generator.core.sources import FieldPath, Source

MARKDOWN_BLOCKS = ("sections", "criteria", "steps", "template")
BUDGET_SEGMENT = "budget"  # network/budget/ is the budget pages' address


def check_handbook(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    issues: list[Issue] = []
    pages = sorted(catalog.handbook.values(), key=lambda e: e.id)
    issues += _shared(pages, lambda page: [(("order",), page.order)],
                      lambda value, others: (f"order {value} is also used by {others}",
                                             "give each handbook page its own place in the contents"))
    issues += _shared(pages, lambda page: [(("meetings", i, "id"), m.id) for i, m in enumerate(page.meetings)],
                      lambda value, others: (f"the meeting id '{value}' is also used in {others}",
                                             "meeting ids name calendar events: make each one unique"))
    for entry in pages:
        if entry.id == BUDGET_SEGMENT:
            issues.append(entry.source.problem(("id",), f"'{BUDGET_SEGMENT}' is the address of the budget pages",
                                               hint="choose another id, and name the file after it"))
        issues += review_problems(catalog.settings, entry.source, entry.model.review)
    for src in catalog.sources.get("handbook", []):  # every page read, valid or not
        for path, text in handbook_markdown(src):
            issues += markdown_field_problems(src, path, text)
    return issues


def handbook_markdown(src: Source) -> list[tuple[FieldPath, str]]:
    """The Markdown fields of a handbook file as written: the body of each item of its Markdown blocks."""
    data = src.data if isinstance(src.data, dict) else {}
    found: list[tuple[FieldPath, str]] = []
    for block in MARKDOWN_BLOCKS:
        items = data.get(block)
        found += [((block, i, "body"), item["body"]) for i, item in enumerate(items if isinstance(items, list) else [])
                  if isinstance(item, dict) and isinstance(item.get("body"), str)]
    return found


def _shared(pages: list[Any], values: Callable[[Any], list[tuple[FieldPath, Any]]],
            message: Callable[[Any, str], tuple[str, str]]) -> list[Issue]:
    """A value that must be unique across the handbook: reported at every page that uses it, naming the
    others, so whoever edits either file sees it."""
    where: dict[Any, list[tuple[Any, FieldPath]]] = {}
    for entry in pages:
        for path, value in values(entry.model):
            where.setdefault(value, []).append((entry, path))
    issues = []
    for value, uses in where.items():
        for entry, path in uses:
            others = sorted({e.source.display if e is not entry else "this page"
                             for e, p in uses if (e, p) != (entry, path)})
            if others:
                text, hint = message(value, ", ".join(others))
                issues.append(entry.source.problem(path, text, hint=hint))
    return issues


def check_budgets(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    issues: list[Issue] = []
    for entry in catalog.budgets.values():
        budget, src = entry.model, entry.source
        stem = PurePosixPath(src.display).stem
        if stem != budget.id:
            issues.append(src.problem(("year",), f"this is the budget for {budget.year} but the file is named "
                                      f"{stem}.yml", hint=f"name the file {budget.year}.yml"))
        issues += review_problems(catalog.settings, src, budget.review)
    return issues
