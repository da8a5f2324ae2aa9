"""Plan the training pages (pathways per audience, one page per module, one per placement or
exchange) and the iCalendar files of upcoming sessions.

The training index lists every audience's pathway up to `training_modules_on_one_page` modules
(mkdocs.yml extra); beyond, it lists the audiences with their counts and the next few sessions, and
each pathway has its own page with its modules' sessions (training/pathways/<audience>/)."""

from __future__ import annotations

from generator.common.markdown_text import render_markdown
from generator.core.catalog import Catalog
from generator.core.specs import DataFile, PageSpec
from generator.kinds.training.calendar import feed, upcoming
from generator.kinds.training.views import coming_dates, module_list, pathway, placement_list

AUDIENCES = {"owner": "Owners", "technician": "Technicians and nurses", "vet": "Vets",
             "rescue-volunteer": "Rescue volunteers"}
PLACEMENT_URL = "training/placements/{id}/"
KINDS = {"placement": "Placement", "exchange": "Exchange"}
SESSIONS_SHOWN = 20  # upcoming sessions on a split training index; each pathway's page lists its own


def session_file(module_id: str, session_id: str) -> str:
    return f"training/sessions/{module_id}--{session_id}.ics"


def plan_training(catalog: Catalog) -> list[PageSpec]:
    pages: list[PageSpec] = []
    # names only, all the pages show of a host: `kb serve` renders a page again when its context
    # changes, and an edit to another field of a clinic must not render every module page again
    host_names = {oid: e.model.name for oid, e in catalog.organisations.items()}
    module_titles = {mid: e.model.title for mid, e in catalog.modules.items()}
    today = catalog.settings.today
    if catalog.modules or placement_list(catalog):
        sessions = [(m, s) for m in module_list(catalog) for s in m.sessions]
        pathways = [(aid, label, pathway(catalog, aid)) for aid, label in AUDIENCES.items()]
        split = len(catalog.modules) > catalog.settings.training_modules_on_one_page
        coming = upcoming(sessions, today)
        pages.append(PageSpec("training/index.md", "training-index.html", "Training",
                              "Training pathways for owners, technicians, vets and rescue volunteers, sessions, "
                              "and placements and exchanges at members.",
                              {"pathways": [] if split else pathways, "upcoming": coming[:SESSIONS_SHOWN] if split
                               else coming, "sessions_total": len(coming), "audiences": AUDIENCES,
                               "pathway_pages": [(aid, label, len(mods), f"training/pathways/{aid}/")
                                                 for aid, label, mods in pathways if mods] if split else [],
                               "host_names": host_names, "module_titles": module_titles,
                               "placements": [(p, coming_dates(p, today)) for p in placement_list(catalog)],
                               "kinds": KINDS}))
        if split:
            pages += [PageSpec(f"training/pathways/{aid}.md", "training-pathway.html", f"Training: {label}",
                               f"The training pathway for {label.lower()}: modules in order, and their sessions.",
                               {"audience": aid, "label": label, "modules": mods, "module_titles": module_titles,
                                "host_names": host_names, "upcoming": [(m, s) for m, s in coming if aid in m.audience]})
                      for aid, label, mods in pathways if mods]
        for module in module_list(catalog):
            pages.append(PageSpec(
                f"training/{module.id}.md", "module.html", module.title, module.summary,
                {"module": module, "audiences": AUDIENCES,
                 "sections": [(s.title, render_markdown(s.body).html) for s in module.sections],
                 "upcoming": upcoming([(module, s) for s in module.sessions], catalog.settings.today),
                 "required_by": [m for m in module_list(catalog) if module.id in m.prerequisites],
                 "host_names": host_names, "module_titles": module_titles},
                scripts=("self-check",), source=catalog.modules[module.id].source.display))
    return pages


def plan_placements(catalog: Catalog) -> list[PageSpec]:
    """One page per placement or exchange (the training index and the host's page list them)."""
    hosts = {oid: e.model for oid, e in catalog.organisations.items()}
    module_titles = {mid: e.model.title for mid, e in catalog.modules.items()}
    return [PageSpec(
        PLACEMENT_URL.format(id=p.id).rstrip("/") + ".md", "placement.html", p.title, p.summary,
        {"placement": p, "host": hosts[p.host], "coming": coming_dates(p, catalog.settings.today),
         "audiences": AUDIENCES, "kinds": KINDS, "module_titles": module_titles},
        source=catalog.placements[p.id].source.display) for p in placement_list(catalog)]


def session_files(catalog: Catalog, site_url: str) -> list[DataFile]:
    if not catalog.modules:
        return []
    hosts = {oid: e.model.name for oid, e in catalog.organisations.items()}
    sessions = [(m, s) for m in module_list(catalog) for s in m.sessions]
    files = [DataFile("training/sessions.ics", feed(upcoming(sessions, catalog.settings.today), site_url, hosts))]
    for module, session in sessions:
        files.append(DataFile(session_file(module.id, session.id), feed([(module, session)], site_url, hosts)))
    return files
