"""The handbook in its order, every meeting with its page, and the budgets by year."""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.kinds.network.model import Budget, HandbookPage, Meeting


def handbook(catalog: Catalog) -> list[HandbookPage]:
    return sorted((e.model for e in catalog.handbook.values()), key=lambda p: (p.order, p.id))


def meetings(catalog: Catalog) -> list[tuple[HandbookPage, Meeting]]:
    return [(page, meeting) for page in handbook(catalog) for meeting in page.meetings]


def budgets(catalog: Catalog) -> list[Budget]:
    return sorted((e.model for e in catalog.budgets.values()), key=lambda b: b.year)


def previous_budget(catalog: Catalog, year: int) -> Budget | None:
    """The nearest earlier year's budget, the one a year is compared with."""
    earlier = [b for b in budgets(catalog) if b.year < year]
    return earlier[-1] if earlier else None
