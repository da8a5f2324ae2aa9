"""Training modules in order, and pathways: an audience's modules with every prerequisite first."""

from __future__ import annotations

from graphlib import TopologicalSorter

from generator.core.catalog import Catalog
from generator.kinds.training.model import Module


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
