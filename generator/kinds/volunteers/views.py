"""Volunteer groups by region."""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.kinds.volunteers.model import VolunteerGroup


def volunteers_in(catalog: Catalog, region_id: str) -> list[VolunteerGroup]:
    return sorted((e.model for e in catalog.volunteers.values() if region_id in e.model.regions),
                  key=lambda g: g.name.lower())
