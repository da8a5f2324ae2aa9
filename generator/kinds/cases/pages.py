"""Plan the case library: a filterable index and one page per case.

Up to `case_entries_on_one_page` cases (mkdocs.yml extra) the library lists them all with its filters.
Beyond, it lists the species with their counts, and each species' cases have their own filterable
page (cases/species/<id>/); a species with more than that lists its body systems, each with its own
page (cases/species/<id>/<system>/). A clinician looks for cases like the animal in front of them."""

from __future__ import annotations

from typing import Any

from generator.core.catalog import Catalog
from generator.core.specs import PageSpec
from generator.kinds.cases.model import Case
from generator.kinds.cases.views import case_list
from generator.kinds.organisations.views import organisation
from generator.kinds.triage.views import tiers_by_rank

OUTCOMES = {"recovered": "Recovered", "improved": "Improved", "referred": "Referred", "died": "Died",
            "euthanised": "Euthanised"}


def plan_cases(catalog: Catalog) -> list[PageSpec]:
    if not catalog.cases:
        return []
    cases = case_list(catalog)
    pages = [PageSpec("cases/index.md", "case-library.html", "Case library",
                      "De-identified cases from the network's clinics, with lessons for clinicians.",
                      _listing(catalog, cases, {}), scripts=("case-filter",))]
    if pages[0].context["groups"]:
        pages += _species_pages(catalog, cases)
    guide_titles = {gid: e.model.title for gid, e in catalog.problems.items()}
    module_titles = {mid: e.model.title for mid, e in catalog.get("modules", {}).items()}
    for case in cases:
        pages.append(PageSpec(f"cases/{case.id}.md", "case.html", case.title, case.history[:160],
                              {"case": case, "outcomes": OUTCOMES,
                               "organisation": organisation(catalog, case.organisation),
                               "guide_titles": guide_titles, "module_titles": module_titles},
                              source=catalog.cases[case.id].source.display))
    return pages


def _species_pages(catalog: Catalog, cases: list[Case]) -> list[PageSpec]:
    """One page per species that has cases, and, for a species with too many, one per body system."""
    pages = []
    for species in catalog.species.values():
        of_species = [c for c in cases if c.species == species.id]
        if not of_species:
            continue
        fixed = {"species": species.id}
        pages.append(PageSpec(f"cases/species/{species.id}.md", "case-library.html", f"{species.label} cases",
                              f"De-identified {species.label.lower()} cases from the network's clinics.",
                              _listing(catalog, of_species, fixed), scripts=("case-filter",)))
        if not pages[-1].context["groups"]:
            continue
        for system in catalog.body_systems.values():
            in_system = [c for c in of_species if c.body_system == system.id]
            if in_system:
                pages.append(PageSpec(
                    f"cases/species/{species.id}/{system.id}.md", "case-library.html",
                    f"{species.label} cases: {system.label.lower()}",
                    f"De-identified {species.label.lower()} cases of {system.label.lower()} from the network.",
                    _listing(catalog, in_system, {**fixed, "system": system.id}), scripts=("case-filter",)))
    return pages


def _listing(catalog: Catalog, cases: list[Case], fixed: dict[str, str]) -> dict[str, Any]:
    """A case library page's context: its cases and the filters' choices, or, over the limit, the
    groups it links to instead (by species, or, on a species' page, by body system), each with the
    URL of its page and its count. `fixed` is what every case on the page shares (no filter for it)."""
    groups: list[tuple[str, str, int]] = []
    if len(cases) > catalog.settings.case_entries_on_one_page and len(fixed) < 2:
        if "species" in fixed:
            groups = [(s.label, f"cases/species/{fixed['species']}/{s.id}/", n)
                      for s in catalog.body_systems.values() if (n := sum(c.body_system == s.id for c in cases))]
        else:
            groups = [(s.plural, f"cases/species/{s.id}/", n)
                      for s in catalog.species.values() if (n := sum(c.species == s.id for c in cases))]
    listed = [] if groups else cases
    context = {"cases": listed, "outcomes": OUTCOMES,
               "used": {"species": sorted({c.species for c in listed}),
                        "tiers": [t for t in tiers_by_rank(catalog) if any(c.tier == t.id for c in listed)],
                        "systems": sorted({c.body_system for c in listed}),
                        "services": sorted({s for c in listed for s in c.related.services})}}
    return {**context, "groups": groups, "fixed": fixed, "total": len(cases)}
