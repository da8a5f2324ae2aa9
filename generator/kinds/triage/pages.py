"""Plan the guidance pages: get help now, triage (tiers, signs, problem guides), first aid and the
referral protocol and form."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.common.markdown_text import render_markdown
from generator.common.qr import qr_svg
from generator.core.catalog import Catalog
from generator.core.specs import DataFile, PageSpec, TemplateFile
from generator.kinds.organisations.availability import NEAREST_OPEN, candidates, fallback, night_cover, open_at_night
from generator.kinds.organisations.help_data import help_data
from generator.kinds.triage.urgency import guide_species, guide_urgency, threshold_of
from generator.kinds.triage.views import badges, escalation_rows, guide_view, guides_at_tier


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
                              tier.meaning, {"tier": tier, "guides": guides_at_tier(catalog, tier),
                                             "review": catalog.scale.model.review,
                                             "qr": f"qr/triage/tiers/{tier.id}.svg"}))
    for sign in catalog.signs.values():
        species = [catalog.species[s] for s in catalog.species if s in sign.species]
        pages.append(PageSpec(f"triage/signs/{sign.id}.md", "sign.html", sign.label, sign.owner_wording,
                              {"sign": sign, "badges": badges(catalog, sign, species),
                               "thresholds": [(s, t.text) for s in species
                                              if (t := threshold_of(sign, s.id)) and t.text],
                               "escalations": escalation_rows(catalog, sign, species),
                               "guides": [(g, next((m.note for m in g.signs if m.sign == sign.id), None))
                                          for g in catalog.guides_with_sign(sign.id)]}))
    for entry in sorted(catalog.problems.values(), key=lambda e: e.id):
        guide = entry.model
        view = guide_view(catalog, guide)
        pages.append(PageSpec(f"triage/{guide.id}.md", "problem.html", guide.title, guide.summary,
                              source=entry.source.display, history=f"triage/{guide.id}/changes/",
                              context={"guide": guide, "view": view, "qr": f"qr/triage/{guide.id}.svg",
                                       "tiers_here": view.tiers, "source_path": entry.source.display},
                              scripts=("guide",)))
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
                               "fallback": [(r, [c.org for c in night_cover(catalog, r.id)])
                                            for r in catalog.regions.values()]}))
        pages.append(PageSpec("referral/form.md", "referral-form.html", "Referral form",
                              "A standard referral form for small mammals: fill it on a phone or print it.",
                              {"tier_options": [(t.id, f"{t.rank}. {t.label}") for t in tiers],
                               "species_options": [(s.id, s.label) for s in catalog.species.values()],
                               "receivers_options": [(o.id, o.name, (o.phones_of("referrals") or [o.first_call])[0])
                                                     for o in catalog.referral_receivers()]},
                              scripts=("referral-form",)))
    return [with_call_bar(spec) for spec in pages]


CALL_BAR_SECTIONS = ("triage/", "first-aid/")


def with_call_bar(spec: PageSpec) -> PageSpec:
    """Every triage and first-aid page carries the call bar (and the scripts it runs on)."""
    if not spec.src_uri.startswith(CALL_BAR_SECTIONS):
        return spec
    return replace(spec, call_bar=True, scripts=tuple(dict.fromkeys(("help", "callbar", *spec.scripts))))


def _get_help_pages(catalog: Catalog, tiers: list) -> list[PageSpec]:
    """ "Get help now" with every region on it; or, for a network with more clinics than one page
    should carry, the regions as links and one Get help page per region."""
    region_ids = list(catalog.regions)
    clinics = sum(len(candidates(catalog, r)) for r in region_ids)
    one_page = clinics <= catalog.settings.get_help_clinics_on_one_page
    common = {"tiers": tiers, "happening": what_is_happening(catalog),
              "species": list(catalog.species.values())}
    pages = [PageSpec("get-help.md", "get-help-body.html", "Get help now",
                      "Is it an emergency? What to do now, and who can help now: clinics open or on call, "
                      "by species and region.",
                      {**common, **(_get_help_regions(catalog, region_ids) if one_page else _no_regions()),
                       "single": False,
                       "region_links": [] if one_page else [(catalog.regions[r], len(candidates(catalog, r)))
                                                            for r in region_ids]},
                      scripts=("help", "get-help"), layout="get-help.html")]
    if not one_page:
        pages += [PageSpec(f"get-help/{r}.md", "get-help-body.html", f"Get help now in {catalog.regions[r].label}",
                           f"Is it an emergency? What to do now, and who can help now in {catalog.regions[r].label}.",
                           {**common, **_get_help_regions(catalog, [r]), "single": True, "region_links": []},
                           scripts=("help", "get-help"), layout="get-help.html", search=False)
                  for r in region_ids]
    return pages


def _no_regions() -> dict[str, Any]:
    return {"regions": [], "help_data": None}


def _get_help_regions(catalog: Catalog, region_ids: list[str]) -> dict[str, Any]:
    """Per region: who answers at night (shown without JavaScript, which has no clock) and the
    daytime clinics; and the data the page's script answers "who can help now" from."""
    regions = []
    for rid in region_ids:
        night = night_cover(catalog, rid)
        at_night = {c.org.id for c in night}
        day = [o for o, partner in candidates(catalog, rid) if partner is None and o.id not in at_night
               and o.status == "active" and not o.referral_only]
        elsewhere = [] if night else [o for o in fallback(catalog, rid) if open_at_night(o)][:NEAREST_OPEN]
        regions.append({"region": catalog.regions[rid], "night": night, "day": day, "elsewhere": elsewhere})
    return {"regions": regions, "help_data": help_data(catalog, region_ids)}


def what_is_happening(catalog: Catalog) -> list[dict[str, Any]]:
    """Get help's "What is happening?" list: every problem guide, most urgent first, with its urgency
    in words for each species it covers (the page shows the owner's animal's)."""
    entries = []
    for guide in catalog.guides():
        by_tier: dict[str, list[str]] = {}
        for species_id in guide_species(catalog, guide):
            try:
                by_tier.setdefault(guide_urgency(catalog, guide.id, species_id).id, []).append(species_id)
            except ValueError:  # no sign of the guide applies to that species
                continue
        badges = sorted(((catalog.tiers[t], species) for t, species in by_tier.items()), key=lambda b: b[0].rank)
        entries.append({"title": guide.title, "url": f"triage/{guide.id}/", "species": guide.species,
                        "badges": badges})
    return sorted(entries, key=lambda e: (e["badges"][0][0].rank if e["badges"] else 99, e["title"].lower()))


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
