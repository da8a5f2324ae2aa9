"""Training modules in order, pathways (an audience's modules with every prerequisite first), and
placements and exchanges with their coming dates."""

from __future__ import annotations

from datetime import date
from graphlib import TopologicalSorter

from generator.common.date_spans import DateSpan
from generator.core.catalog import Catalog
from generator.kinds.training.model import Module, Placement


def module_list(catalog: Catalog) -> list[Module]:
    return sorted((e.model for e in catalog.modules.values()), key=lambda m: m.title.lower())


def pathway(catalog: Catalog, audience: str) -> list[Module]:
    """The audience's modules in an order where every prerequisite comes first."""
    modules = {m.id: m for m in module_list(catalog) if audience in m.audience}
    graph = {mid: [p for p in m.prerequisites if p in modules] for mid, m in modules.items()}
    sorter = TopologicalSorter(graph)
    sorter.prepare()
    ordered: list[Module] = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready(), key=lambda mid: (modules[mid].level != "introductory", mid))
        for mid in ready:
            ordered.append(modules[mid])
            sorter.done(mid)
    return ordered


def placement_list(catalog: Catalog) -> list[Placement]:
    return sorted((e.model for e in catalog.get("placements", {}).values()), key=lambda p: p.title.lower())


def placements_at(catalog: Catalog, org_id: str) -> list[Placement]:
    """The placements and exchanges an organisation hosts."""
    return [p for p in placement_list(catalog) if p.host == org_id]


def coming_dates(placement: Placement, today: date) -> list[DateSpan]:
    """Its intakes that have not ended, soonest first."""
    return sorted((d for d in placement.dates if d.to >= today), key=lambda d: d.from_)
