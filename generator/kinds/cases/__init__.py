"""The case library: de-identified case reports (content/cases/), after the CARE checklist.

May import generator.core, generator.common and the kinds below it (organisations, triage)."""

from __future__ import annotations

from typing import Any

from generator.core.catalog import Catalog
from generator.core.collection import Collection, entries
from generator.core.content_type import ContentType
from generator.core.references import ref
from generator.kinds.cases.checks import check_cases, identifying_details, name_field_message
from generator.kinds.cases.model import Case
from generator.kinds.cases.pages import plan_cases
from generator.kinds.cases.views import case_list

URL = "cases/{id}/"


def _export(catalog: Catalog, site_url: str, public: Any) -> Collection:
    return Collection("cases", "Cases", "De-identified case reports, after the CARE checklist.", Case,
                      entries(case_list(catalog), lambda c: URL.format(id=c.id), site_url, public))


CASES = ContentType(
    "cases", Case, folder="content/cases", new="case", schema="case.schema.json", url=URL,
    new_reminder="answer consent_recorded with true only when the owner's consent is recorded",
    reword=name_field_message,
    references=(
        ref("species", "species", "species"),
        ref("body_system", "body_systems", "body system"),
        ref("tier", "tiers", "tier"),
        ref("presenting_signs.*", "signs", "sign", list_options=False),
        ref("related.problems.*", "problems", "problem guide", list_options=False),
        ref("related.modules.*", "modules", "training module", list_options=False),
        ref("related.services.*", "services", "service"),
        ref("organisation", "organisations", "organisation", list_options=False),
    ),
    checks=(check_cases,), file_checks=(identifying_details,), pages=plan_cases, export=_export,
    # a case is published only with the owner's consent, so the record of it is never published
    private={Case: frozenset({"consent_recorded"})}, examples="cases")

TYPES = (CASES,)
