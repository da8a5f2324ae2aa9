"""The network's referral and transfer protocol (content/referral/protocol.yml) and the referral form.

May import generator.core, generator.common and the kinds below it (organisations, triage)."""

from __future__ import annotations

from typing import Any

from generator.common.freshness import GUIDANCE, finding
from generator.core.catalog import Catalog
from generator.core.collection import URL, Collection
from generator.core.content_type import ContentType
from generator.core.issues import Issues
from generator.core.loading import Entry, load_single, missing_folder
from generator.core.references import ref
from generator.core.settings import Settings
from generator.kinds.referral.checks import check_referral
from generator.kinds.referral.model import ReferralProtocol
from generator.kinds.referral.pages import plan_referral

FILE = "content/referral/protocol.yml"


def _load(settings: Settings, catalog: Catalog, issues: Issues) -> Entry[ReferralProtocol] | None:
    """The protocol is required: the problem guides, the offline page and the home page link to the
    referral pages, which a missing file would take away without a word."""
    path = settings.root / FILE
    if not (path.exists() or path.is_symlink()):
        issues.add(missing_folder(path, settings.root, "this file is missing: the referral page and form are "
                                  "made from it, and the problem guides and the offline page link to them"))
        return None
    source, entry = load_single(path, ReferralProtocol, settings.root, issues)
    if source is not None:
        catalog.sources["referral"] = [source]
    return entry


def _export(catalog: Catalog, site_url: str, public: Any) -> Collection:
    return Collection("referral-protocol", "Referral protocol",
                      "The network's referral and transfer protocol (one entry, id `protocol`).", ReferralProtocol,
                      [{"id": "protocol", **public(catalog.referral.model), "url": site_url + "referral/"}]
                      if catalog.referral else [], {"id": {"type": "string"}, "url": URL})


def _audit(catalog: Catalog) -> list:
    entry = catalog.referral
    found = entry and finding(catalog.settings, GUIDANCE, entry.model.title, "referral/",
                              entry.model.review.next_review, entry.source.display, "clinical review")
    return [found] if found else []


REFERRAL = ContentType(
    "referral", ReferralProtocol, file=FILE, schema="referral-protocol.schema.json", load=_load,
    references=(ref("timelines.*.tier", "tiers", "tier"),),
    checks=(check_referral,), pages=plan_referral, export=_export, audit=_audit, examples="referral")

TYPES = (REFERRAL,)
