"""Notices: what an alert says about organisations and regions, in the form every page and "who can help
now" reads, without knowing the alerts content type (generator/kinds/alerts/ fills the catalog's
NOTICES when it loads; an organisation's page, a region's page, Get help and the finder read them).

A notice is current from ``starts`` until ``ends`` (an instant, exclusive). A closure takes its
organisations out of "who can help now" while current: all of it, or only the services it names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from generator.common.dates import long_date

NOTICES = "notices"  # the catalog's key


@dataclass(frozen=True)
class Notice:
    id: str
    title: str
    severity: str  # closure | disruption | advice
    starts: datetime  # aware
    ends: datetime  # aware, exclusive
    instead: str  # what to do instead
    url: str  # the alert's own page, relative to the site
    organisations: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()  # regions named by the alert (the organisations' regions are added)
    services: tuple[str, ...] = ()  # only these services, when given
    instead_organisations: tuple[str, ...] = ()
    timezone: str = "UTC"  # where its times are read, for the words "until Friday 27 November, 18:00"

    @property
    def closes(self) -> bool:
        return self.severity == "closure"

    def current(self, at: datetime) -> bool:
        return self.starts <= at < self.ends

    def ended(self, at: datetime) -> bool:
        return at >= self.ends

    def closes_service(self, service: str | None) -> bool:
        """Whether, while current, it stops an organisation it names helping with ``service`` (None:
        any animal at all). A closure of named services leaves the organisation's other work open."""
        return self.closes and (not self.services or service in self.services)

    @property
    def starts_ms(self) -> int:
        return int(self.starts.timestamp() * 1000)

    @property
    def ends_ms(self) -> int:
        return int(self.ends.timestamp() * 1000)

    def when_words(self) -> str:
        """'From Friday 20 November, 08:00 until Friday 27 November, 18:00 (Europe/London time)'."""
        return f"From {_words(self.starts)} until {_words(self.ends)}"

    def until_words(self) -> str:
        return f"Until {_words(self.ends)}"

    def browser_record(self) -> list[Any]:
        """[starts ms, ends ms, services or null]: what theme/kb/help.js needs to apply a closure."""
        return [self.starts_ms, self.ends_ms, list(self.services) or None]


def _words(moment: datetime) -> str:
    return f"{moment:%A} {long_date(moment)}, {moment:%H:%M}"


def notices(catalog: Any) -> list[Notice]:
    return list(catalog.get(NOTICES, ()))


def not_ended(items: Iterable[Notice], at: datetime) -> list[Notice]:
    """Current and coming notices, soonest first: what a page built at ``at`` carries (the browser
    shows each between its start and end)."""
    return sorted((n for n in items if not n.ended(at)), key=lambda n: (n.starts, n.id))


def closed_by_alerts(items: Iterable[Notice], at: datetime) -> frozenset[str]:
    """The organisations a closure current at ``at`` closes whole (not only some services): pages
    built then give them no number to ring (Get help's lists, and every list's row ends)."""
    return frozenset(o for n in items if n.current(at) and n.closes and not n.services for o in n.organisations)


def for_organisation(catalog: Any, org_id: str) -> list[Notice]:
    return [n for n in notices(catalog) if org_id in n.organisations]


def for_region(catalog: Any, region_id: str) -> list[Notice]:
    return [n for n in notices(catalog) if region_id in n.regions]


def alert_clock(catalog: Any, at: datetime) -> datetime:
    """The moment alerts are read at when the time is ``at``: ``at`` itself, except in a demo read as of a
    date (Settings.clock_pinned), whose alerts are read at that moment whatever the clock says, in the
    browser as well (theme/kb/help.js, ALERT_CLOCK), so that its alerts never expire."""
    settings = catalog.settings
    return settings.now if settings.clock_pinned else at


def closure_at(catalog: Any, org_id: str, at: datetime, service: str | None) -> Notice | None:
    """The closure that stops the organisation helping with ``service`` at ``at``, if any."""
    moment = alert_clock(catalog, at)
    return next((n for n in for_organisation(catalog, org_id) if n.current(moment) and n.closes_service(service)),
                None)
