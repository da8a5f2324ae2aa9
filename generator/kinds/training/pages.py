"""Plan the case library and training pages, and the iCalendar files for sessions."""

from __future__ import annotations

from generator.common.markdown_text import render_markdown
from generator.core.catalog import Catalog
from generator.core.specs import DataFile, PageSpec
from generator.kinds.training.calendar import feed, upcoming
from generator.kinds.training.checks import pathway

AUDIENCES = {"owner": "Owners", "technician": "Technicians and nurses", "vet": "Vets",
             "rescue-volunteer": "Rescue volunteers"}
OUTCOMES = {"recovered": "Recovered", "improved": "Improved", "referred": "Referred", "died": "Died",
            "euthanised": "Euthanised"}


def session_file(module_id: str, session_id: str) -> str:
    return f"training/sessions/{module_id}--{session_id}.ics"


def plan_learning(catalog: Catalog) -> list[PageSpec]:
    pages: list[PageSpec] = []
    if catalog.cases:
        cases = catalog.case_list()
        pages.append(PageSpec("cases/index.md", "case-library.html", "Case library",
                              "De-identified cases from the network's clinics, with lessons for clinicians.",
                              {"cases": cases, "outcomes": OUTCOMES,
                               "used": {"species": sorted({c.species for c in cases}),
                                        "tiers": [t for t in catalog.tiers_by_rank()
                                                  if any(c.tier == t.id for c in cases)],
                                        "systems": sorted({c.body_system for c in cases}),
                                        "services": sorted({s for c in cases for s in c.related.services})}},
                              scripts=("case-filter",)))
        for case in cases:
            pages.append(PageSpec(f"cases/{case.id}.md", "case.html", case.title, case.history[:160],
                                  {"case": case, "outcomes": OUTCOMES},
                                  source=catalog.cases[case.id].source.display))
    if catalog.modules:
        sessions = [(m, s) for m in catalog.module_list() for s in m.sessions]
        pages.append(PageSpec("training/index.md", "training-index.html", "Training",
                              "Training pathways for owners, technicians, vets and rescue volunteers, and sessions.",
                              {"pathways": [(aid, label, pathway(catalog, aid)) for aid, label in AUDIENCES.items()],
                               "upcoming": upcoming(sessions, catalog.settings.today), "audiences": AUDIENCES}))
        for module in catalog.module_list():
            pages.append(PageSpec(
                f"training/{module.id}.md", "module.html", module.title, module.summary,
                {"module": module, "audiences": AUDIENCES,
                 "sections": [(s.title, render_markdown(s.body).html) for s in module.sections],
                 "upcoming": upcoming([(module, s) for s in module.sessions], catalog.settings.today),
                 "required_by": [m for m in catalog.module_list() if module.id in m.prerequisites]},
                scripts=("self-check",), source=catalog.modules[module.id].source.display))
    return pages


def learning_files(catalog: Catalog, site_url: str) -> list[DataFile]:
    if not catalog.modules:
        return []
    hosts = {oid: e.model.name for oid, e in catalog.organisations.items()}
    sessions = [(m, s) for m in catalog.module_list() for s in m.sessions]
    files = [DataFile("training/sessions.ics", feed(upcoming(sessions, catalog.settings.today), site_url, hosts))]
    for module, session in sessions:
        files.append(DataFile(session_file(module.id, session.id), feed([(module, session)], site_url, hosts)))
    return files


def plan_kit(catalog: Catalog) -> list[PageSpec]:
    from generator.kinds.equipment.checks import nearest_available  # noqa: PLC0415

    pages: list[PageSpec] = []
    if catalog.equipment:
        types_used = [t for t in catalog.equipment_types.values() if any(k.item == t.id for k in catalog.kit_list())]
        pages.append(PageSpec("kit/index.md", "kit-library.html", "Kit library",
                              "Shared equipment across the network, by region and by type, and who can borrow it.",
                              {"types": types_used,
                               "by_region": [(r, [k for k in catalog.kit_list() if k.status != "retired"
                                                  and catalog.org(k.holder).location.region == r.id])
                                             for r in catalog.regions.values()]}))
        for kit_type in types_used:
            pages.append(PageSpec(
                f"kit/{kit_type.id}.md", "kit-type.html", kit_type.label, kit_type.description,
                {"kit_type": kit_type, "items": [k for k in catalog.kit_list() if k.item == kit_type.id],
                 "nearest": [(r, nearest_available(catalog, kit_type.id, r.id)[:5]) for r in catalog.regions.values()]},
                scripts=("kit-region",)))
    if catalog.volunteers:
        groups = sorted((e.model for e in catalog.volunteers.values()), key=lambda g: g.name.lower())
        pages.append(PageSpec("volunteers/index.md", "volunteers.html", "Volunteer groups",
                              "Volunteer groups that transport and foster small mammals, by region.",
                              {"by_region": [(r, catalog.volunteers_in(r.id)) for r in catalog.regions.values()]}))
        for group in groups:
            pages.append(PageSpec(f"volunteers/{group.id}.md", "volunteer-group.html", group.name, group.summary,
                                  {"group": group}, source=catalog.volunteers[group.id].source.display))
    return pages
