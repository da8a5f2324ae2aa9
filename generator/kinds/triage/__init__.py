"""Triage (content/triage/): the tier scale, the signs dictionary (signs.yml, the one source of
urgency and clinical numbers per species), the body systems and one problem guide per file; urgency
per species (urgency.py), the checks that keep guidance consistent with signs.yml, and the quoting of
its numbers into prose.

May import generator.core, generator.common and the kinds below it (equipment, training,
organisations, vocabularies)."""

from __future__ import annotations

from typing import Any

from generator.common.freshness import GUIDANCE, finding
from generator.core.catalog import Catalog
from generator.core.collection import Collection, entries, terms
from generator.core.content_type import ContentType
from generator.core.references import ref
from generator.kinds.triage.checks import check_guides, check_signs, check_tiers
from generator.kinds.triage.clinical_checks import quote_catalog
from generator.kinds.triage.loading import load_body_systems, load_guides, load_signs, load_tiers
from generator.kinds.triage.model import Guide, Sign, Tier, TriageScale
from generator.kinds.triage.pages import (
    guide_files,
    plan_guides,
    plan_signs,
    plan_signs_index,
    plan_tiers,
    plan_triage_index,
    tier_files,
)
from generator.kinds.triage.views import guides
from generator.kinds.vocabularies.model import BodySystem

GUIDE_URL = "triage/{id}/"


def _export_guides(catalog: Catalog, site_url: str, public: Any) -> Collection:
    return Collection("problem-guides", "Problem guides",
                      "Triage guides: signs mapped to tiers, what owners and clinics do, when to refer.", Guide,
                      entries(guides(catalog), lambda g: GUIDE_URL.format(id=g.id), site_url, public))


def _audit_scale(catalog: Catalog) -> list:
    scale = catalog.scale
    found = scale and finding(catalog.settings, GUIDANCE, "Triage scale", "triage/", scale.model.review.next_review,
                              scale.source.display, "clinical review")
    return [found] if found else []


def _audit_guides(catalog: Catalog) -> list:
    return [found for e in catalog.problems.values()
            if (found := finding(catalog.settings, GUIDANCE, e.model.title, GUIDE_URL.format(id=e.id),
                                 e.model.review.next_review, e.source.display, "clinical review"))]


TIERS = ContentType(
    "tiers", TriageScale, file="content/triage/tiers.yml", schema="triage-scale.schema.json", url="triage/tiers/{id}/",
    load=load_tiers, checks=(check_tiers,), landing=plan_triage_index, pages=plan_tiers, files=tier_files,
    export=terms("tiers", "Triage tiers", "The urgency scale, most urgent first (rank 1).", Tier, "triage/tiers/{id}/"),
    audit=_audit_scale, examples="tiers", terms=True)

SIGNS = ContentType(
    "signs", Sign, file="content/triage/signs.yml", is_list=True, schema="signs.schema.json",
    url="triage/signs/{id}/", load=load_signs,
    references=(
        ref("*.species.*", "species", "species"),
        ref("*.tier", "tiers", "tier"),
        ref("*.thresholds.*.tier", "tiers", "tier"),
        ref("*.escalate.*.tier", "tiers", "tier"),
    ),
    # every piece of guidance quotes signs.yml's numbers: checked, then replaced, before the other checks
    prepare=quote_catalog, checks=(check_signs,), landing=plan_signs_index, pages=plan_signs,
    export=terms("signs", "Signs", "Signs owners and clinicians look for, in both their words.", Sign,
                 "triage/signs/{id}/"),
    examples="signs", terms=True)

BODY_SYSTEMS = ContentType(
    "body_systems", BodySystem, file="content/triage/body-systems.yml", is_list=True, schema="body-systems.schema.json",
    load=load_body_systems,
    export=terms("body_systems", "Body systems", "The body systems problem guides are grouped by.", BodySystem),
    terms=True)

GUIDES = ContentType(
    "problems", Guide, folder="content/triage/problems", required=True, new="problem", schema="problem.schema.json",
    url=GUIDE_URL, load=load_guides,
    references=(
        ref("species.*", "species", "species"),
        ref("body_system", "body_systems", "body system"),
        ref("signs.*.sign", "signs", "sign", list_options=False),
        ref("signs.*.tier", "tiers", "tier"),
        ref("equipment.*", "services", "service"),
    ),
    checks=(check_guides,), pages=plan_guides, files=guide_files, export=_export_guides, audit=_audit_guides,
    aliases=True, examples="problems")

TYPES = (TIERS, SIGNS, BODY_SYSTEMS, GUIDES)
