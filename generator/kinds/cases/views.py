"""The case library in order, and the cases a problem guide lists."""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.kinds.cases.model import Case


def case_list(catalog: Catalog) -> list[Case]:
    return sorted((e.model for e in catalog.cases.values()), key=lambda c: c.title.lower())


def cases_for_guide(catalog: Catalog, guide_id: str) -> list[Case]:
    return [c for c in case_list(catalog) if guide_id in c.related.problems]
