"""Atom feeds for people and systems that follow the network: changes to clinical guidance, and
upcoming training sessions. Dates come from the repository's history or the data, never the clock."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from generator.common.notices import notices
from generator.core.catalog import Catalog
from generator.core.history import RECENT, History, changes_feed
from generator.core.specs import PageSpec, TemplateFile, pages_by_source
from generator.exports.endpoints import ALERTS_FEED, GUIDANCE_FEED, SESSIONS_FEED
from generator.kinds.training.calendar import upcoming
from generator.kinds.training.pages import session_file
from generator.kinds.training.views import module_list

GUIDANCE_SOURCES = ("content/triage/", "content/first-aid/", "content/referral/")


def guidance_changes(specs: list[PageSpec], history: History) -> list[tuple]:
    """The latest commits that touched guidance, with the guidance pages each one changed."""
    by_source = pages_by_source(specs)
    changes = [c for c in history.changes if any(f.startswith(GUIDANCE_SOURCES) for f in c.files)][:RECENT]
    return [(c, [by_source[f] for f in c.files if f.startswith(GUIDANCE_SOURCES) and f in by_source])
            for c in changes]


def session_entries(catalog: Catalog, history: History) -> list[dict[str, Any]]:
    """Upcoming sessions, soonest first. An entry is dated when its module's file last changed (the
    session was added or changed then), or the module's review date outside a git checkout."""
    sessions = [(m, s) for m in module_list(catalog) for s in m.sessions]
    entries = []
    for module, session in upcoming(sessions, catalog.settings.today):
        source = catalog.modules[module.id].source.display
        changed = history.last_changed(source) or datetime.combine(module.review.reviewed, time(0, 0), tzinfo=UTC)
        host = catalog.organisations.get(session.host)
        entries.append({"module": module, "session": session, "published": changed, "ics": session_file(
            module.id, session.id), "host": host.model.name if host else session.host})
    return entries


def feed_files(catalog: Catalog, specs: list[PageSpec], history: History, site_url: str,
               site_name: str) -> list[TemplateFile]:
    files = [changes_feed(GUIDANCE_FEED, GUIDANCE_FEED, "changes to guidance", guidance_changes(specs, history),
                          site_url, site_name)]
    if catalog.get("alerts"):
        alerts = [(catalog.alerts[n.id].model, n) for n in reversed(notices(catalog))]  # latest start first
        files.append(TemplateFile(ALERTS_FEED, "alerts.atom.xml", {
            "entries": alerts, "site_url": site_url, "site_name": site_name, "self_path": ALERTS_FEED,
            "updated": max((n.starts for _, n in alerts), default=None)}))
    if catalog.modules:
        entries = session_entries(catalog, history)
        files.append(TemplateFile(SESSIONS_FEED, "sessions.atom.xml", {
            "entries": entries, "site_url": site_url, "site_name": site_name, "self_path": SESSIONS_FEED,
            "updated": max((e["published"] for e in entries), default=None)}))
    return files
