"""'What changed' pages from git: one per guideline, a site-wide list of recent changes, and an
Atom feed of them."""

from __future__ import annotations

from generator.history import History
from generator.pages import PageSpec, TemplateFile

RECENT = 40


def plan_history(specs: list[PageSpec], history: History) -> list[PageSpec]:
    pages = []
    for spec in specs:
        if spec.history and spec.source:
            pages.append(PageSpec(spec.history.rstrip("/") + ".md", "changes.html", f"What changed: {spec.title}",
                                  f"The change history of {spec.title}.",
                                  {"changes": history.of(spec.source), "page": spec}, search=False,
                                  source=spec.source))
    recent = _recent(specs, history)
    pages.append(PageSpec("changes/index.md", "recent-changes.html", "Recent changes",
                          "The latest changes to the directory and the guidance.",
                          {"recent": recent, "feed": "changes/feed.xml"}, search=False))
    return pages


def history_files(specs: list[PageSpec], history: History, site_url: str, site_name: str) -> list[TemplateFile]:
    recent = _recent(specs, history)
    return [TemplateFile("changes/feed.xml", "changes.atom.xml",
                         {"recent": recent, "site_url": site_url, "site_name": site_name,
                          "updated": history.changes[0].when if history.changes else None})]


def _recent(specs: list[PageSpec], history: History) -> list[tuple]:
    """Recent commits with the pages they changed: each source file's own page, not its history page."""
    by_source: dict[str, PageSpec] = {}
    for spec in specs:
        if spec.source and spec.template != "changes.html":
            by_source.setdefault(spec.source, spec)
    return [(change, [by_source[f] for f in change.files if f in by_source]) for change in history.changes[:RECENT]]
