"""Checks of the handbook and the budgets beyond one field: review dates, unique meeting ids, one
handbook place per page, one budget per year in a file named by it, and safe Markdown."""

from __future__ import annotations

from pathlib import PurePosixPath

from generator.common.freshness import review_problems
from generator.common.text_checks import markdown_field_problems
from generator.core.catalog import Catalog
from generator.core.issues import Issue

MARKDOWN_BLOCKS = ("sections", "criteria", "steps", "template")


def check_handbook(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    issues: list[Issue] = []
    meetings: dict[str, str] = {}
    orders: dict[int, str] = {}
    for entry in sorted(catalog.handbook.values(), key=lambda e: e.id):
        page, src = entry.model, entry.source
        if page.order in orders:
            issues.append(src.problem(("order",), f"{orders[page.order]} already has order {page.order}",
                                      hint="give each handbook page its own place"))
        orders.setdefault(page.order, src.display)
        for i, meeting in enumerate(page.meetings):
            if meeting.id in meetings:
                issues.append(src.problem(("meetings", i, "id"), f"the meeting id '{meeting.id}' is already used "
                                          f"in {meetings[meeting.id]}", hint="meeting ids name calendar events: "
                                          "make each one unique"))
            meetings.setdefault(meeting.id, src.display)
        issues += review_problems(catalog.settings, src, page.review)
    for src in catalog.sources.get("handbook", []):  # every page read, valid or not
        data = src.data if isinstance(src.data, dict) else {}
        for block in MARKDOWN_BLOCKS:
            items = data.get(block)
            for i, item in enumerate(items if isinstance(items, list) else []):
                if isinstance(item, dict) and isinstance(item.get("body"), str):
                    issues += markdown_field_problems(src, (block, i, "body"), item["body"])
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
