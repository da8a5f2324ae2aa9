"""Plan the training pages (pathways per audience, one page per module) and the iCalendar files of
upcoming sessions."""

from __future__ import annotations

from generator.common.markdown_text import render_markdown
from generator.core.catalog import Catalog
from generator.core.specs import DataFile, PageSpec
from generator.kinds.training.calendar import feed, upcoming
from generator.kinds.training.views import module_list, pathway

AUDIENCES = {"owner": "Owners", "technician": "Technicians and nurses", "vet": "Vets",
             "rescue-volunteer": "Rescue volunteers"}


def session_file(module_id: str, session_id: str) -> str:
    return f"training/sessions/{module_id}--{session_id}.ics"


def plan_training(catalog: Catalog) -> list[PageSpec]:
    pages: list[PageSpec] = []
    hosts = {oid: e.model for oid, e in catalog.organisations.items()}
    module_titles = {mid: e.model.title for mid, e in catalog.modules.items()}
    if catalog.modules:
        sessions = [(m, s) for m in module_list(catalog) for s in m.sessions]
        pages.append(PageSpec("training/index.md", "training-index.html", "Training",
                              "Training pathways for owners, technicians, vets and rescue volunteers, and sessions.",
                              {"pathways": [(aid, label, pathway(catalog, aid)) for aid, label in AUDIENCES.items()],
                               "upcoming": upcoming(sessions, catalog.settings.today), "audiences": AUDIENCES,
                               "hosts": hosts, "module_titles": module_titles}))
        for module in module_list(catalog):
            pages.append(PageSpec(
                f"training/{module.id}.md", "module.html", module.title, module.summary,
                {"module": module, "audiences": AUDIENCES,
                 "sections": [(s.title, render_markdown(s.body).html) for s in module.sections],
                 "upcoming": upcoming([(module, s) for s in module.sessions], catalog.settings.today),
                 "required_by": [m for m in module_list(catalog) if module.id in m.prerequisites],
                 "hosts": hosts, "module_titles": module_titles},
                scripts=("self-check",), source=catalog.modules[module.id].source.display))
    return pages


def session_files(catalog: Catalog, site_url: str) -> list[DataFile]:
    if not catalog.modules:
        return []
    hosts = {oid: e.model.name for oid, e in catalog.organisations.items()}
    sessions = [(m, s) for m in module_list(catalog) for s in m.sessions]
    files = [DataFile("training/sessions.ics", feed(upcoming(sessions, catalog.settings.today), site_url, hosts))]
    for module, session in sessions:
        files.append(DataFile(session_file(module.id, session.id), feed([(module, session)], site_url, hosts)))
    return files
