"""Plan the guidance pages: get help now, triage (tiers, signs, problem guides), first aid and the
referral protocol and form."""

from __future__ import annotations

from typing import Any

from generator.catalog import Catalog
from generator.markdown_text import render_markdown
from generator.pages import DataFile, PageSpec, TemplateFile, hours_json
from generator.qr import qr_svg

NAV_SCRIPTS = ("hours",)


def plan_guidance(catalog: Catalog) -> list[PageSpec]:
    if not catalog.tiers:
        return []
    tiers = catalog.tiers_by_rank()
    pages = [
        *_get_help_pages(catalog, tiers),
        PageSpec("triage/index.md", "triage-index.html", "Triage: how urgent is it?",
                 "The network's triage scale for small mammals and the problem guides.",
                 {"tiers": tiers, "systems": [(s, [g for g in catalog.guides() if g.body_system == s.id])
                                              for s in catalog.body_systems.values()]}),
        PageSpec("triage/signs/index.md", "signs-index.html", "Signs to look for",
                 "Every sign used by the triage guides, in owners' words and clinical words.",
                 {"signs": sorted(catalog.signs.values(), key=lambda s: s.label.lower())}),
        PageSpec("first-aid/index.md", "first-aid-index.html", "First aid for owners",
                 "What you can safely do before and on the way to the vet.",
                 {"pages": catalog.first_aid_pages()}),
    ]
    for tier in tiers:
        pages.append(PageSpec(f"triage/tiers/{tier.id}.md", "tier.html", f"{tier.label}: {tier.target}",
                              tier.meaning, {"tier": tier, "guides": catalog.guides_with_tier(tier.id),
                                             "review": catalog.scale.model.review,
                                             "qr": f"qr/triage/tiers/{tier.id}.svg"}))
    for sign in catalog.signs.values():
        pages.append(PageSpec(f"triage/signs/{sign.id}.md", "sign.html", sign.label, sign.owner_wording,
                              {"sign": sign, "guides": [(g, [m for m in g.signs if m.sign == sign.id])
                                                        for g in catalog.guides_with_sign(sign.id)]}))
    for entry in sorted(catalog.problems.values(), key=lambda e: e.id):
        guide = entry.model
        pages.append(PageSpec(f"triage/{guide.id}.md", "problem.html", guide.title, guide.summary,
                              source=entry.source.display, history=f"triage/{guide.id}/changes/",
                              context={"guide": guide, "qr": f"qr/triage/{guide.id}.svg",
                               "tiers_here": sorted((catalog.tiers[t] for t in guide.tiers()), key=lambda t: t.rank),
                               "source_path": entry.source.display}))
    for entry in catalog.first_aid_pages():
        body = render_markdown(entry.body)
        pages.append(PageSpec(f"first-aid/{entry.id}.md", "first-aid.html", entry.model.title, entry.model.summary,
                              {"page": entry.model, "body": body.html}, toc=body.toc,
                              source=entry.source.display, history=f"first-aid/{entry.id}/changes/"))
    for species in catalog.species.values():
        pages.append(PageSpec(f"first-aid/species/{species.id}.md", "first-aid-species.html",
                              f"First aid for {species.plural.lower()}",
                              f"Problem guides and first aid for {species.plural.lower()}.",
                              {"species": species, "guides": catalog.guides_for_species(species.id),
                               "pages": catalog.first_aid_for_species(species.id)}))
    if catalog.referral is not None:
        protocol = catalog.referral.model
        pages.append(PageSpec("referral/index.md", "referral.html", protocol.title, protocol.summary,
                              source=catalog.referral.source.display,
                              context=
                              {"protocol": protocol, "receivers": catalog.referral_receivers(),
                               "fallback": [(r, catalog.after_hours_cover(r.id)) for r in catalog.regions.values()]}))
        pages.append(PageSpec("referral/form.md", "referral-form.html", "Referral form",
                              "A standard referral form for small mammals: fill it on a phone or print it.",
                              {"tier_options": [(t.id, f"{t.rank}. {t.label}") for t in tiers],
                               "species_options": [(s.id, s.label) for s in catalog.species.values()],
                               "receivers_options": [(o.id, o.name) for o in catalog.referral_receivers()]},
                              scripts=("referral-form",)))
    return pages


def _get_help_pages(catalog: Catalog, tiers: list) -> list[PageSpec]:
    """ "Get help now" with every region's clinics on it; or, for a network with more clinics than
    one page should carry, the regions as links and one Get help page per region."""
    regions = [(r, catalog.emergency_clinics(r.id), _region_clinics(catalog, r.id)) for r in catalog.regions.values()]
    one_page = sum(len(clinics) for _, _, clinics in regions) <= catalog.settings.get_help_clinics_on_one_page
    common = {"tiers": tiers, "guides": catalog.guides()}
    pages = [PageSpec("get-help.md", "get-help-body.html", "Get help now",
                      "Is it an emergency? What to do now, and the clinics open now or on call in your region.",
                      {**common, "regions": regions if one_page else [], "single": False,
                       "region_links": [] if one_page else [(r, len(clinics)) for r, _, clinics in regions]},
                      scripts=("hours", "get-help"), layout="get-help.html")]
    if not one_page:
        pages += [PageSpec(f"get-help/{r.id}.md", "get-help-body.html", f"Get help now in {r.label}",
                           f"Is it an emergency? What to do now, and the clinics in {r.label} open now or on call.",
                           {**common, "regions": [(r, emergency, clinics)], "single": True, "region_links": []},
                           scripts=("hours", "get-help"), layout="get-help.html", search=False)
                  for r, emergency, clinics in regions]
    return pages


def _region_clinics(catalog: Catalog, region_id: str) -> list[dict[str, Any]]:
    """Every active clinic in the region with its hours, for "open now" on the get-help page."""
    return [{"org": o, "hours": hours_json(o, catalog.region_of(o).timezone)}
            for o in catalog.in_region(region_id) if o.status == "active" and o.kind not in ("rescue", "shelter")]


def guidance_files(catalog: Catalog, site_url: str) -> list[DataFile | TemplateFile]:
    if not catalog.tiers:
        return []
    files: list[DataFile | TemplateFile] = [TemplateFile("assets/tiers.css", "tiers.css",
                                                         {"tiers": catalog.tiers_by_rank()})]
    for tier in catalog.tiers.values():
        url = f"{site_url}triage/tiers/{tier.id}/"
        files.append(DataFile(f"qr/triage/tiers/{tier.id}.svg", qr_svg(url, f"QR code for {url}")))
    for guide_id in catalog.problems:
        url = f"{site_url}triage/{guide_id}/"
        files.append(DataFile(f"qr/triage/{guide_id}.svg", qr_svg(url, f"QR code for {url}")))
    return files
