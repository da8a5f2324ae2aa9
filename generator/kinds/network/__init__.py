"""The network itself (content/network/): its handbook (committee by role, code of practice, joining,
agreements, ethical criteria, meetings, policy positions), a calendar of its meetings, and its
budget year by year (content/network/budget/<year>.yml) with charts, tables and a CSV.

May import generator.core, generator.common and the kinds below it (organisations)."""

from __future__ import annotations

from typing import Any

from generator.common.freshness import HANDBOOK as HANDBOOK_RISK
from generator.common.freshness import finding
from generator.core.catalog import Catalog
from generator.core.collection import URL as URL_SCHEMA
from generator.core.collection import Collection, entries
from generator.core.content_type import ContentType
from generator.core.references import ref
from generator.kinds.network.budget_pages import budget_files, plan_budgets, year_url
from generator.kinds.network.checks import check_budgets, check_handbook, handbook_markdown
from generator.kinds.network.handbook_pages import URL, handbook_files, plan_handbook
from generator.kinds.network.model import Budget, HandbookPage
from generator.kinds.network.views import budgets, handbook


def _audit(catalog: Catalog) -> list:
    """Handbook pages and budgets past (or near) their next review: the governance, after everything an
    owner in an emergency depends on."""
    reviewed = [(p.title, URL.format(id=p.id), p.review.next_review, catalog.handbook[p.id].source.display)
                for p in handbook(catalog)]
    reviewed += [(f"Network budget {b.year}", year_url(b.year), b.review.next_review,
                  catalog.budgets[b.id].source.display) for b in budgets(catalog)]
    return [found for title, url, due, source in reviewed
            if (found := finding(catalog.settings, HANDBOOK_RISK, title, url, due, source, "review"))]


def _export_handbook(catalog: Catalog, site_url: str, public: Any) -> Collection:
    return Collection("handbook", "Network handbook",
                      "The network's handbook pages: committee roles, code of practice, joining, agreements, "
                      "ethical criteria, meetings (`start` is local time in the meeting's `timezone`) and "
                      "policy positions.", HandbookPage,
                      entries(handbook(catalog), lambda p: URL.format(id=p.id), site_url, public))


def _export_budgets(catalog: Catalog, site_url: str, public: Any) -> Collection:
    return Collection("budgets", "Network budgets",
                      "Income by source and spending by purpose for each year, in whole units of `currency`; "
                      "each total is the sum of its lines.", Budget,
                      entries(budgets(catalog), lambda b: year_url(b.year), site_url, public,
                              id=lambda b: b.id, balance=lambda b: b.balance),
                      extra={"url": URL_SCHEMA, "id": {"type": "string", "description": "the year"},
                             "balance": {"type": "integer", "description": "income total minus spending total"}})


HANDBOOK = ContentType(
    "handbook", HandbookPage, folder="content/network/handbook", new="handbook-page",
    schema="handbook-page.schema.json", url=URL,
    references=(ref("partnerships.*.organisation", "organisations", "organisation", list_options=False),),
    checks=(check_handbook,), markdown_fields=handbook_markdown, pages=plan_handbook, files=handbook_files,
    export=_export_handbook, audit=_audit,
    examples="handbook")

BUDGETS = ContentType(
    "budgets", Budget, folder="content/network/budget", new="budget", schema="budget.schema.json",
    url="network/budget/{id}/", checks=(check_budgets,), pages=plan_budgets,
    files=budget_files, export=_export_budgets, examples="budget")

TYPES = (HANDBOOK, BUDGETS)
