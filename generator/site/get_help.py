"""Plan "Get help now": the first page an owner in a panic sees. It spans content types (the tiers'
advice, every guide's urgency, who can help now in each region), so it is planned here."""

from __future__ import annotations

from typing import Any

from generator.common.notices import Notice, not_ended, notices
from generator.common.owner_words import owner_words
from generator.core.catalog import Catalog
from generator.core.specs import PageSpec
from generator.kinds.organisations.availability import candidates, night_cover, night_elsewhere
from generator.kinds.organisations.help_data import help_data, in_page, region_file
from generator.kinds.organisations.views import organisation, region_vcard_path
from generator.kinds.triage.urgency import guide_species, guide_urgency
from generator.kinds.triage.views import guides, tiers_by_rank


def plan_get_help(catalog: Catalog) -> list[PageSpec]:
    """ "Get help now" with every region on it; or, for a network with more clinics than one page
    should carry, or a region too large to carry its data (help_data.in_page), the regions as links
    and one Get help page per region."""
    if not catalog.tiers:  # no triage scale, no tier advice: there is no Get help page to make
        return []
    tiers = tiers_by_rank(catalog)
    region_ids = list(catalog.regions)
    clinics = sum(len(candidates(catalog, r)) for r in region_ids)
    one_page = clinics <= catalog.settings.get_help_clinics_on_one_page and all(in_page(catalog, r) for r in region_ids)
    now = catalog.settings.now
    common = {"tiers": tiers, "happening": what_is_happening(catalog), "clinic_words": owner_words()["clinic_words"],
              "species": list(catalog.species.values()),
              "alerts": not_ended(for_owners(catalog, notices(catalog)), now), "now": now}
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


def for_owners(catalog: Catalog, items: list[Notice]) -> list[Notice]:
    """The alerts an owner looking for help acts on: all but those naming only clinics that take
    referrals from vets (a vets' matter: on Get help they only push the numbers to ring down the
    screen; the clinics' and regions' pages still carry them)."""
    def only_referrals(notice: Notice) -> bool:
        alert = catalog.alerts.get(notice.id)
        if alert is not None and alert.model.regions:  # it names a region of its own: for everyone there
            return False
        named = [organisation(catalog, o) for o in notice.organisations if o in catalog.organisations]
        return bool(named) and all(org.referral_only for org in named)
    return [n for n in items if not only_referrals(n)]


def _no_regions() -> dict[str, Any]:
    return {"regions": [], "help_data": None, "help_src": None}


def _get_help_regions(catalog: Catalog, region_ids: list[str]) -> dict[str, Any]:
    """Per region: who answers at night (shown without JavaScript, which has no clock) and the
    daytime clinics, at most extra.region_clinics_on_one_page of them for a large region (the region's
    page lists them all); and the data the page's script answers "who can help now" from: in the page,
    or for a large region (only ever on its own Get help page) its data file, fetched."""
    regions = []
    for rid in region_ids:
        night = night_cover(catalog, rid)
        at_night = {c.org.id for c in night}
        day = [o for o, partner in candidates(catalog, rid) if partner is None and o.id not in at_night
               and o.status == "active" and not o.referral_only]
        listed = day if in_page(catalog, rid) else day[:catalog.settings.region_clinics_on_one_page]
        elsewhere = night_elsewhere(catalog, rid)
        regions.append({"region": catalog.regions[rid], "night": night, "day": listed, "day_total": len(day),
                        "elsewhere": elsewhere, "vcard": region_vcard_path(rid) if night else None})
    inline = all(in_page(catalog, r) for r in region_ids)
    return {"regions": regions, "help_data": help_data(catalog, region_ids) if inline else None,
            "help_src": None if inline else region_file(region_ids[0])}


def what_is_happening(catalog: Catalog) -> list[dict[str, Any]]:
    """Get help's "What is happening?" list: every problem guide, most urgent first, with its urgency
    in words for each species it covers (the page shows the owner's animal's)."""
    entries = []
    for guide in guides(catalog):
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
