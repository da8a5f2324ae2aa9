"""Plan the network handbook: its contents (with the budget and the meetings calendar), one page per
handbook file, and the iCalendar feed of upcoming committee meetings and case panels."""

from __future__ import annotations

from typing import Any

from generator.common.markdown_text import render_markdown
from generator.core.catalog import Catalog
from generator.core.specs import DataFile, PageSpec
from generator.kinds.network.budget_pages import INDEX as BUDGET_INDEX
from generator.kinds.network.calendar import FEED, KIND_LABELS, meetings_feed, upcoming
from generator.kinds.network.model import HandbookPage, Item
from generator.kinds.network.views import budgets, handbook, meetings

URL = "network/{id}/"


def _items(items: list[Item]) -> list[tuple[str, Any]]:
    return [(item.title, render_markdown(item.body).html) for item in items]


def _page_context(catalog: Catalog, page: HandbookPage) -> dict[str, Any]:
    partners = {p.organisation: catalog.organisations[p.organisation].model
                for p in page.partnerships if p.organisation in catalog.organisations}
    coming = upcoming([(page, m) for m in page.meetings], catalog.settings.today)
    coming_ids = {m.id for _, m in coming}
    return {"page": page, "sections": _items(page.sections), "criteria": _items(page.criteria),
            "steps": _items(page.steps), "template": _items(page.template), "partners": partners,
            "partnerships": sorted(page.partnerships, key=lambda p: (p.signed, p.organisation)),
            "upcoming": coming,
            "past": sorted((m for m in page.meetings if m.id not in coming_ids), key=lambda m: m.starts_at,
                           reverse=True),
            "kinds": KIND_LABELS, "feed": FEED}


def plan_handbook(catalog: Catalog) -> list[PageSpec]:
    pages = handbook(catalog)
    if not pages and not catalog.budgets:
        return []
    specs = [PageSpec("network/index.md", "network-index.html", "The network",
                      "How the network is run, how to join, its agreements, meetings, policies and budget.",
                      {"pages": pages, "budget": BUDGET_INDEX if budgets(catalog) else None,
                       "upcoming": upcoming(meetings(catalog), catalog.settings.today)[:3],
                       "kinds": KIND_LABELS, "feed": FEED if meetings(catalog) else None})]
    for page in pages:
        specs.append(PageSpec(f"network/{page.id}.md", "network-page.html", page.title, page.summary,
                              _page_context(catalog, page), source=catalog.handbook[page.id].source.display))
    return specs


def handbook_files(catalog: Catalog, site_url: str) -> list[DataFile]:
    found = meetings(catalog)
    if not found:
        return []
    return [DataFile(FEED, meetings_feed(upcoming(found, catalog.settings.today), site_url))]
