"""Checks of first aid pages: review dates and sources (unknown species: generator/core/references.py;
doses and links in the body: checked as each page is loaded)."""

from __future__ import annotations

from generator.common.freshness import review_problems
from generator.common.review import source_problems
from generator.core.catalog import Catalog
from generator.core.issues import Issue


def check_first_aid(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    issues: list[Issue] = []
    for entry in catalog.first_aid.values():
        issues += review_problems(catalog.settings, entry.source, entry.model.review)
        issues += source_problems(entry.source, entry.source.data)
    return issues
