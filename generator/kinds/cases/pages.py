"""Plan the case library: a filterable index and one page per case."""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.core.specs import PageSpec
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
                      {"cases": cases, "outcomes": OUTCOMES,
                       "used": {"species": sorted({c.species for c in cases}),
                                "tiers": [t for t in tiers_by_rank(catalog) if any(c.tier == t.id for c in cases)],
                                "systems": sorted({c.body_system for c in cases}),
                                "services": sorted({s for c in cases for s in c.related.services})}},
                      scripts=("case-filter",))]
    guide_titles = {gid: e.model.title for gid, e in catalog.problems.items()}
    module_titles = {mid: e.model.title for mid, e in catalog.get("modules", {}).items()}
    for case in cases:
        pages.append(PageSpec(f"cases/{case.id}.md", "case.html", case.title, case.history[:160],
                              {"case": case, "outcomes": OUTCOMES,
                               "organisation": organisation(catalog, case.organisation),
                               "guide_titles": guide_titles, "module_titles": module_titles},
                              source=catalog.cases[case.id].source.display))
    return pages
