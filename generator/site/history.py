"""'What changed' pages from git: one per guideline, a site-wide list of recent changes, and an
Atom feed of them."""

from __future__ import annotations

from generator.core.history import History
from generator.core.specs import PageSpec, TemplateFile

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
    return [changes_feed("changes/feed.xml", "changes/", "recent changes", _recent(specs, history), site_url,
                         site_name)]


def changes_feed(path: str, feed_id: str, subject: str, recent: list[tuple], site_url: str,
                 site_name: str) -> TemplateFile:
    """An Atom feed of (change, pages) pairs, newest first; `updated` is the newest change's time."""
    return TemplateFile(path, "changes.atom.xml",
                        {"recent": recent, "site_url": site_url, "site_name": site_name, "subject": subject,
                         "self_path": path, "feed_id": feed_id, "updated": recent[0][0].when if recent else None})


def pages_by_source(specs: list[PageSpec]) -> dict[str, PageSpec]:
    """Each source file's own page (not its history page)."""
    by_source: dict[str, PageSpec] = {}
    for spec in specs:
        if spec.source and spec.template != "changes.html":
            by_source.setdefault(spec.source, spec)
    return by_source


def _recent(specs: list[PageSpec], history: History) -> list[tuple]:
    """Recent commits with the pages they changed."""
    by_source = pages_by_source(specs)
    return [(change, [by_source[f] for f in change.files if f in by_source]) for change in history.changes[:RECENT]]
