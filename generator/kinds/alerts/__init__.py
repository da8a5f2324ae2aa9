"""Alerts (content/alerts/): a clinic closed, a scanner down, a phone line out, from when until when,
and what to do instead. While current they show on Get help, region and organisation pages and in the
finder, and a closure takes its organisations out of "who can help now" (generator/common/notices.py
is how the pages and generator/kinds/organisations/availability.py read them). Members-only alerts are
in no public output.

May import generator.core, generator.common and the kinds below it (organisations)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.common.notices import NOTICES
from generator.core.catalog import Catalog
from generator.core.collection import Collection, entries
from generator.core.content_type import ContentType
from generator.core.issues import Issue
from generator.core.references import ref
from generator.kinds.alerts.checks import check_instead_covers_species
from generator.kinds.alerts.model import Alert
from generator.kinds.alerts.pages import plan_alerts
from generator.kinds.alerts.views import URL, check_time_zones, notice, public_alerts


def put_notices(catalog: Catalog) -> list[Issue]:
    """What every page reads: the public alerts as notices."""
    catalog.put(NOTICES, [notice(catalog, a) for a in public_alerts(catalog)] if "alerts" in catalog else [])
    return []


def _reword(issue: Issue) -> Issue:
    if issue.field == "end" and "required" in issue.message:
        return replace(issue, hint="an alert must end: give the time it is expected to end, and extend it if the "
                                   "problem lasts longer")
    return issue


def _export(catalog: Catalog, site_url: str, public: Any) -> Collection:
    return Collection("alerts", "Alerts", "Closures and disruptions, with what to do instead (public alerts only).",
                      Alert, entries(public_alerts(catalog), lambda a: URL.format(id=a.id), site_url, public))


ALERTS = ContentType(
    "alerts", Alert, folder="content/alerts", new="alert", schema="alert.schema.json", url=URL,
    new_reminder="an alert must end: set end, and extend it if the problem lasts longer",
    references=(
        ref("organisations.*", "organisations", "organisation"),
        ref("instead_organisations.*", "organisations", "organisation"),
        ref("services.*", "services", "service"),
        ref("regions.*", "regions", "region"),
    ),
    reword=_reword, prepare=put_notices, checks=(check_time_zones, check_instead_covers_species), pages=plan_alerts,
    export=_export, examples="alerts")

TYPES = (ALERTS,)
