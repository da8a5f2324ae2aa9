"""First aid for owners: Markdown pages with front matter in content/first-aid/.

May import generator.core, generator.common and the kinds below it (organisations, triage)."""

from __future__ import annotations

from typing import Any

from generator.common.freshness import GUIDANCE, finding
from generator.common.text_checks import body_problems
from generator.core.catalog import Catalog
from generator.core.collection import URL, Collection
from generator.core.content_type import ContentType
from generator.core.issues import Issues
from generator.core.loading import Loaded, load_markdown_entries
from generator.core.references import ref
from generator.core.settings import Settings
from generator.kinds.first_aid.checks import check_first_aid
from generator.kinds.first_aid.model import FirstAidPage
from generator.kinds.first_aid.pages import plan_first_aid, plan_first_aid_index

FOLDER = "content/first-aid"
PAGE = "first-aid/{id}/"


def _load(settings: Settings, catalog: Catalog, issues: Issues) -> Loaded:
    return load_markdown_entries(settings.root / FOLDER, FirstAidPage, settings, issues, body_problems)


def _export(catalog: Catalog, site_url: str, public: Any) -> Collection:
    return Collection("first-aid", "First aid", "Owner first aid pages; `body` is Markdown.", FirstAidPage,
                      [{"id": e.id, **public(e.model), "body": e.body, "url": site_url + PAGE.format(id=e.id)}
                       for e in sorted(catalog.first_aid.values(), key=lambda e: e.id)],
                      {"id": {"type": "string"}, "body": {"type": "string", "description": "Markdown"},
                       "url": URL})


def _audit(catalog: Catalog) -> list:
    return [found for e in catalog.first_aid.values()
            if (found := finding(catalog.settings, GUIDANCE, e.model.title, PAGE.format(id=e.id),
                                 e.model.review.next_review, e.source.display, "clinical review"))]


FIRST_AID = ContentType(
    "first_aid", FirstAidPage, folder=FOLDER, suffix=".md", new="first-aid", url=PAGE, load=_load,
    references=(ref("species.*", "species", "species", also=frozenset({"all"})),),
    checks=(check_first_aid,), landing=plan_first_aid_index, pages=plan_first_aid, export=_export, audit=_audit,
    examples="first-aid")

TYPES = (FIRST_AID,)
