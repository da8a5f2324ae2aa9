"""'What changed' pages from git: one per guideline, a site-wide list of recent changes, and an
Atom feed of them."""

from __future__ import annotations

from generator.core.history import RECENT, History, changes_feed
from generator.core.specs import PageSpec, TemplateFile, pages_by_source


def plan_history(specs: list[PageSpec], history: History) -> list[PageSpec]:
    pages = []
    for spec in specs:
        if spec.history and spec.source:
            pages.append(PageSpec(spec.history.rstrip("/") + ".md", "changes.html", f"What changed: {spec.title}",
                                  f"The change history of {spec.title}.",
                                  # what the page shows of the guideline, not its spec: a preview
                                  # rebuild reuses this body unless these change (plugin.py)
                                  {"changes": history.of(spec.source),
                                   "page": {"title": spec.title, "url": spec.url, "source": spec.source}},
                                  search=False,
                                  source=spec.source))
    recent = _recent(specs, history)
    pages.append(PageSpec("changes/index.md", "recent-changes.html", "Recent changes",
                          "The latest changes to the directory and the guidance.",
                          {"recent": recent, "feed": "changes/feed.xml"}, search=False))
    return pages


def history_files(specs: list[PageSpec], history: History, site_url: str, site_name: str) -> list[TemplateFile]:
    return [changes_feed("changes/feed.xml", "changes/", "recent changes", _recent(specs, history), site_url,
                         site_name)]


def _recent(specs: list[PageSpec], history: History) -> list[tuple]:
    """Recent commits with the pages they changed."""
    by_source = pages_by_source(specs)
    return [(change, [by_source[f] for f in change.files if f in by_source]) for change in history.changes[:RECENT]]
