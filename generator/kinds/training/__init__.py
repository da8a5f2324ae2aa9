"""Training modules (content/training/): objectives, sections, self-check questions and sessions;
pathways per audience and iCalendar files for sessions. Placements and exchanges
(content/placements/), training spent at a host organisation, are listed with them.

May import generator.core, generator.common and the kinds below it (organisations)."""

from __future__ import annotations

from typing import Any

from generator.common.freshness import GUIDANCE, finding
from generator.core.catalog import Catalog
from generator.core.collection import Collection, entries
from generator.core.content_type import ContentType
from generator.core.references import ref
from generator.kinds.training.checks import check_modules, check_placements, module_markdown
from generator.kinds.training.model import Module, Placement
from generator.kinds.training.pages import PLACEMENT_URL, plan_placements, plan_training, session_files
from generator.kinds.training.views import module_list, placement_list

URL = "training/{id}/"


def _export(catalog: Catalog, site_url: str, public: Any) -> Collection:
    return Collection("training-modules", "Training modules",
                      "Training modules with objectives, sections, self-check questions and sessions "
                      "(session `start` is local time in the session's `timezone`).", Module,
                      entries(module_list(catalog), lambda m: URL.format(id=m.id), site_url, public))


def _audit(catalog: Catalog) -> list:
    return [found for e in catalog.modules.values()
            if (found := finding(catalog.settings, GUIDANCE, e.model.title, URL.format(id=e.id),
                                 e.model.review.next_review, e.source.display, "clinical review"))]


MODULES = ContentType(
    "modules", Module, folder="content/training", new="module", schema="module.schema.json", url=URL,
    references=(
        ref("prerequisites.*", "modules", "training module", list_options=False),
        ref("sessions.*.host", "organisations", "organisation", list_options=False),
    ),
    checks=(check_modules,), markdown_fields=module_markdown, pages=plan_training, files=session_files,
    export=_export, audit=_audit, examples="training")

def _export_placements(catalog: Catalog, site_url: str, public: Any) -> Collection:
    return Collection("training-placements", "Placements and exchanges",
                      "Placements and exchanges at member organisations: host, role, duration in days, capacity "
                      "(visitors at a time), dates (`from` and `to`, both days included), how to apply and the "
                      "competencies gained.", Placement,
                      entries(placement_list(catalog), lambda p: PLACEMENT_URL.format(id=p.id), site_url, public))


PLACEMENTS = ContentType(
    "placements", Placement, folder="content/placements", new="placement", schema="placement.schema.json",
    url=PLACEMENT_URL,
    references=(
        ref("host", "organisations", "organisation", list_options=False),
        ref("prerequisites.*", "modules", "training module", list_options=False),
    ),
    checks=(check_placements,), pages=plan_placements, export=_export_placements, examples="placements")

TYPES = (MODULES, PLACEMENTS)
