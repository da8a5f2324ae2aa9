"""Checks of what a closure alert tells owners to do instead. Whenever the clinics it names to ring
can help, those that can then must between them treat every species the closed clinics treat: "ring
the hospital (open 24 hours)" for a closed chinchilla and degu clinic sent degu owners at night to a
hospital that sees no degus, while the other clinic named, which does, was closed."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from generator.core.catalog import Catalog
from generator.core.issues import Issue, Severity
from generator.kinds.alerts.model import Alert
from generator.kinds.alerts.views import zone_of
from generator.kinds.organisations.availability import status_at
from generator.kinds.organisations.model import Organisation
from generator.kinds.organisations.views import region_of

STEP = timedelta(minutes=30)
LONGEST = timedelta(days=14)  # an alert's first fortnight is enough to find the gap


def check_instead_covers_species(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    if "organisations" not in catalog:
        return []
    problems = []
    for entry in catalog.alerts.values():
        alert = entry.model
        if alert.severity != "closure" or alert.services or not alert.instead_organisations:
            continue  # a service's closure: the clinic still sees its animals for everything else
        closed = [catalog.organisations[o].model for o in alert.organisations if o in catalog.organisations]
        instead = [catalog.organisations[o].model for o in alert.instead_organisations
                   if o in catalog.organisations]
        if not closed or len(instead) < len(alert.instead_organisations):  # unknown ids: the references' check
            continue
        if any(org.location.region not in catalog.regions for org in instead):  # the organisations' own check
            continue
        gap = _first_gap(catalog, alert, closed, instead)
        if gap is not None:
            moment, missing = gap
            names = ", ".join(catalog.species[s].plural.lower() if s in catalog.species else s for s in missing)
            when = f"{moment:%A} {moment.day} {moment:%B} at {moment:%H:%M}"
            problems.append(entry.source.problem(
                ("instead_organisations",), f"on {when} (and perhaps later), none of these that can help then "
                f"treats {names}, which the closed {_clinics(closed)}: their owners would be sent where they are "
                "turned away", severity=Severity.WARNING,
                hint="add a clinic open then that treats them, and say in instead: which clinic is for which animals"))
    return problems


def _clinics(closed: list[Organisation]) -> str:
    return "clinic treats" if len(closed) == 1 else "clinics treat"


def _first_gap(catalog: Catalog, alert: Alert, closed: list[Organisation],
               instead: list[Organisation]) -> tuple[datetime, list[str]] | None:
    """The first moment of the alert at which some of the instead clinics can help but none of those
    treats a species of the closed ones, with those species."""
    species = list(dict.fromkeys(c.species for org in closed for c in org.species))
    treats = {org.id: {c.species for c in org.species} for org in instead}
    zones = {org.id: region_of(catalog, org).timezone for org in instead}
    zone = ZoneInfo(zone_of(catalog, alert))
    moment, end = alert.start.replace(tzinfo=zone), min(alert.end, alert.start + LONGEST).replace(tzinfo=zone)
    while moment < end:
        helping = [org for org in instead if status_at(org, zones[org.id], moment).helps_now]
        if helping:
            covered = set().union(*(treats[org.id] for org in helping))
            if missing := [s for s in species if s not in covered]:
                return moment, missing
        moment += STEP
    return None
