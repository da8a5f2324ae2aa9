"""Plan the alerts: the current and coming ones, the archive of ended ones, and a page per alert."""

from __future__ import annotations

from generator.common.notices import notices
from generator.core.catalog import Catalog
from generator.core.specs import PageSpec
from generator.kinds.alerts.views import split
from generator.kinds.organisations.views import organisation


def plan_alerts(catalog: Catalog) -> list[PageSpec]:
    now = catalog.settings.now
    current, coming, ended = split(catalog, now)
    pages = [
        PageSpec("alerts/index.md", "alerts.html", "Alerts",
                 "Clinics closed, services down and what to do instead, now and coming.",
                 {"current": current, "coming": coming, "ended": len(ended), "now": now}, scripts=("help",)),
        PageSpec("alerts/archive.md", "alerts-archive.html", "Past alerts", "Alerts that have ended.",
                 {"ended": ended}),
    ]
    for shown in notices(catalog):  # this edition's alerts, as every page reads them
        alert = catalog.alerts[shown.id].model
        orgs = [organisation(catalog, o) for o in alert.organisations if o in catalog.organisations]
        instead = [organisation(catalog, o) for o in alert.instead_organisations if o in catalog.organisations]
        pages.append(PageSpec(
            f"alerts/{alert.id}.md", "alert.html", alert.title, alert.summary,
            {"alert": alert, "notice": shown, "orgs": orgs, "instead": instead, "now": now},
            scripts=("help",), source=catalog.alerts[alert.id].source.display))
    return pages
