"""Plan the triage pages: the triage index and the tier pages, the signs index and the signs, and one
page per problem guide; and the files they link to (tier colours, QR codes for printed cards)."""

from __future__ import annotations

from typing import Any

from generator.common.qr import qr_svg
from generator.core.catalog import Catalog
from generator.core.specs import DataFile, PageSpec, TemplateFile
from generator.kinds.equipment.views import first_available
from generator.kinds.organisations.help_data import with_call_bar
from generator.kinds.organisations.views import offering
from generator.kinds.triage.model import Guide
from generator.kinds.triage.urgency import threshold_of
from generator.kinds.triage.views import (
    badges,
    escalation_rows,
    guide_view,
    guides,
    guides_at_tier,
    guides_with_sign,
    tiers_by_rank,
)


def plan_triage_index(catalog: Catalog) -> list[PageSpec]:
    """The triage index: the scale and the guides by body system."""
    if not catalog.tiers:
        return []
    systems = [(s, [g for g in guides(catalog) if g.body_system == s.id]) for s in catalog.body_systems.values()]
    spec = PageSpec("triage/index.md", "triage-index.html", "Triage: how urgent is it?",
                    "The network's triage scale for small mammals and the problem guides.",
                    {"tiers": tiers_by_rank(catalog), "systems": systems})
    return [with_call_bar(spec, catalog.species.values())]


def plan_tiers(catalog: Catalog) -> list[PageSpec]:
    """One card per tier."""
    if not catalog.tiers:
        return []
    pages = []
    for tier in tiers_by_rank(catalog):
        pages.append(PageSpec(f"triage/tiers/{tier.id}.md", "tier.html", f"{tier.label}: {tier.target}",
                              tier.meaning, {"tier": tier, "guides": guides_at_tier(catalog, tier),
                                             "review": catalog.scale.model.review,
                                             "qr": f"qr/triage/tiers/{tier.id}.svg"}))
    return [with_call_bar(spec, catalog.species.values()) for spec in pages]


def plan_signs_index(catalog: Catalog) -> list[PageSpec]:
    if not catalog.tiers:
        return []
    return [with_call_bar(PageSpec(
        "triage/signs/index.md", "signs-index.html", "Signs to look for",
        "Every sign used by the triage guides, in owners' words and clinical words.",
        {"signs": sorted(catalog.signs.values(), key=lambda s: s.label.lower())}), catalog.species.values())]


def plan_signs(catalog: Catalog) -> list[PageSpec]:
    if not catalog.tiers:
        return []
    pages = []
    for sign in catalog.signs.values():
        species = [catalog.species[s] for s in catalog.species if s in sign.species]
        spec = PageSpec(f"triage/signs/{sign.id}.md", "sign.html", sign.label, sign.owner_wording,
                        {"sign": sign, "badges": badges(catalog, sign, species),
                         "thresholds": [(s, t.text) for s in species if (t := threshold_of(sign, s.id)) and t.text],
                         "escalations": escalation_rows(catalog, sign, species),
                         "guides": [(g, next((m.note for m in g.signs if m.sign == sign.id), None))
                                    for g in guides_with_sign(catalog, sign.id)]})
        pages.append(with_call_bar(spec, species))
    return pages


def plan_guides(catalog: Catalog) -> list[PageSpec]:
    if not catalog.tiers:
        return []
    pages, case_pages = [], []
    for entry in sorted(catalog.problems.values(), key=lambda e: e.id):
        guide = entry.model
        view = guide_view(catalog, guide)
        clinic = _clinic_context(catalog, guide)
        spec = PageSpec(f"triage/{guide.id}.md", "problem.html", guide.title, guide.summary,
                        source=entry.source.display, history=f"triage/{guide.id}/changes/",
                        context={"guide": guide, "view": view, "qr": f"qr/triage/{guide.id}.svg",
                                 "tiers_here": view.tiers, "source_path": entry.source.display, **clinic},
                        scripts=("guide",))
        pages.append(with_call_bar(spec, view.species))
        if clinic["cases_by_species"]:  # too many to list on the guide: they have their own page
            case_pages.append(PageSpec(
                f"triage/{guide.id}/cases.md", "guide-cases.html", f"Cases: {guide.title}",
                f"The network's de-identified cases of {guide.title.lower()}, by species.",
                {"guide": guide, "by_species": clinic["cases_by_species"]}, search=False))
    return pages + case_pages


def _clinic_context(catalog: Catalog, guide: Guide) -> dict[str, Any]:
    """What a guide's "for clinic staff" part lists: who offers the services it needs, the nearest
    available kit for them in each region, and the network's cases of the problem: up to
    `guide_cases_on_one_page` (mkdocs.yml extra) on the guide, beyond that their count by species
    (`cases_by_species`) and a page of their own (a national network has hundreds of dental cases)."""
    types_needed = [t for t in catalog.equipment_types.values()
                    if t.services and set(t.services) & set(guide.equipment)]
    equipment_needed = []
    if catalog.equipment:
        for equipment_type in types_needed:
            # the holder's id and name, which is all the guide shows of it: `kb serve` renders a guide
            # again when its context changes, and an edit to any other field of a clinic does not
            nearest = [(region, ({"id": near["holder"].id, "name": near["holder"].name}
                                 if (near := first_available(catalog, equipment_type.id, region.id)) else None))
                       for region in catalog.regions.values()]
            equipment_needed.append((equipment_type, nearest))
    cases = _cases_of(catalog, guide.id)
    by_species = [] if len(cases) <= catalog.settings.guide_cases_on_one_page else \
        [(s, of_s) for s in catalog.species.values() if (of_s := [c for c in cases if c.species == s.id])]
    return {"offering": {s: sum(1 for o in offering(catalog, s) if o.status == "active") for s in guide.equipment},
            "equipment_needed": equipment_needed, "cases": [] if by_species else cases,
            "cases_by_species": by_species}


def _cases_of(catalog: Catalog, guide_id: str) -> list:
    """The network's cases that name the guide (the case library sits above triage: it names guides,
    signs and tiers, so it is read here from the catalog rather than imported)."""
    return sorted((e.model for e in catalog.get("cases", {}).values() if guide_id in e.model.related.problems),
                  key=lambda c: c.title.lower())


def tier_files(catalog: Catalog, site_url: str) -> list[DataFile | TemplateFile]:
    """The tiers' colours as CSS, and a QR code for each tier card."""
    if not catalog.tiers:
        return []
    files: list[DataFile | TemplateFile] = [TemplateFile("assets/tiers.css", "tiers.css",
                                                         {"tiers": tiers_by_rank(catalog)})]
    for tier in catalog.tiers.values():
        url = f"{site_url}triage/tiers/{tier.id}/"
        files.append(DataFile(f"qr/triage/tiers/{tier.id}.svg", qr_svg(url, f"QR code for {url}")))
    return files


def guide_files(catalog: Catalog, site_url: str) -> list[DataFile | TemplateFile]:
    """A QR code for each guide's printed card."""
    if not catalog.tiers:
        return []
    files: list[DataFile | TemplateFile] = []
    for guide_id in catalog.problems:
        url = f"{site_url}triage/{guide_id}/"
        files.append(DataFile(f"qr/triage/{guide_id}.svg", qr_svg(url, f"QR code for {url}")))
    return files
