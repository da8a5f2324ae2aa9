"""Plan the directory's pages: the directory, the finder, search, regions, species and services (their
own pages: generator/site/species_services.py) and one page per organisation. They span content types
(an organisation's page lists its kit and the placements it hosts, a region's its volunteer groups and
metrics), so they are planned here rather than by one type."""

from __future__ import annotations

from generator.common.notices import for_organisation, for_region, not_ended
from generator.core.catalog import Catalog
from generator.core.specs import PageSpec
from generator.kinds.equipment.pages import KIT_SCRIPTS
from generator.kinds.equipment.views import equipment_of, equipment_row
from generator.kinds.organisations.availability import clients_only, cover_words, night_cover, night_elsewhere
from generator.kinds.organisations.help_data import HELP_DIR, help_data, help_record, in_page, region_file
from generator.kinds.organisations.views import (
    in_region,
    offering,
    organisation,
    partners_of,
    region_of,
    region_vcard_path,
    treating,
)
from generator.kinds.training.views import coming_dates, placements_at
from generator.kinds.volunteers.views import volunteers_in
from generator.site.search_words import search_vocabulary
from generator.site.species_services import plan_species_and_services, species_url_in_region


def org_url(org_id: str) -> str:
    return f"organisations/{org_id}/"


def plan_directory(catalog: Catalog) -> list[PageSpec]:
    pages: list[PageSpec] = [
        PageSpec("directory/index.md", "directory.html", "Directory",
                 "Every organisation in the network, grouped by region.",
                 {"regions": [(r, in_region(catalog, r.id)) for r in catalog.regions.values()],
                  # a national network: regions and counts here, the organisations on each region's page
                  "listed": len(catalog.organisations) <= catalog.settings.directory_entries_on_one_page}),
        PageSpec("directory/find.md", "finder.html", "Find a clinic",
                 "Filter clinics by species, region and service, and see which can help now.",
                 {"data_index": f"{HELP_DIR}/index.json", "species": list(catalog.species.values()),
                  "regions": list(catalog.regions.values()), "services": list(catalog.services.values())},
                 search=False, scripts=("help", "finder")),
        PageSpec("search.md", "search.html", "Search", "Search the whole site.",
                 {"vocabulary": search_vocabulary(catalog)}, search=False, scripts=("search",)),
        PageSpec("regions/index.md", "regions.html", "Regions", "The regions the network covers.",
                 {"regions": [(r, in_region(catalog, r.id), night_cover(catalog, r.id))
                              for r in catalog.regions.values()]}),
        PageSpec("species/index.md", "species-index.html", "Species",
                 "Which clinics treat each small-mammal species.",
                 {"species_list": [(s, treating(catalog, s.id)) for s in catalog.species.values()]}),
        PageSpec("services/index.md", "services-index.html", "Services",
                 "Which clinics offer each service.",
                 {"services_list": [(s, offering(catalog, s.id)) for s in catalog.services.values()]}),
    ]
    for region in catalog.regions.values():
        cover = night_cover(catalog, region.id)
        pages.append(PageSpec(
            f"regions/{region.id}.md", "region.html", region.label, region.description,
            {"region": region, "orgs": in_region(catalog, region.id),
             "cover": cover, "region_vcard": region_vcard_path(region.id) if cover else None,
             # on-call vets for their registered clients only do not answer other owners
             "cover_for_anyone": any(not clients_only(c.org) for c in cover),
             # then the nearest open at night elsewhere, as Get help lists them without JavaScript
             "elsewhere": [(o, cover_words(o)) for o in night_elsewhere(catalog, region.id)],
             "volunteers": volunteers_in(catalog, region.id),
             "alerts": not_ended(for_region(catalog, region.id), catalog.settings.now), "now": catalog.settings.now,
             "has_metrics": any(e.model.region == region.id for e in catalog.metrics.values()),
             # who can help now: the data in the page, or for a large region its file, fetched
             "help_data": help_data(catalog, [region.id]) if in_page(catalog, region.id) else None,
             "help_src": None if in_page(catalog, region.id) else region_file(region.id),
             "species_counts": [(s, sum(1 for o in in_region(catalog, region.id)
                                        if o.status == "active" and any(c.species == s.id for c in o.species)),
                                 species_url_in_region(catalog, s.id, region.id))
                                for s in catalog.species.values()]},
            scripts=("help", "region-help")))
    pages += plan_species_and_services(catalog)
    for entry in sorted(catalog.organisations.values(), key=lambda e: e.id):
        org = entry.model
        pages.append(PageSpec(
            f"organisations/{org.id}.md", "organisation.html", org.name, org.summary,
            {"org": org, "region": region_of(catalog, org),
             "partner": organisation(catalog, org.after_hours.partner) if org.after_hours.partner else None,
             "partner_of": partners_of(catalog, org.id),
             "record": help_record(catalog, org),
             "alerts": not_ended(for_organisation(catalog, org.id), catalog.settings.now),
             "now": catalog.settings.now,
             "cover_words": cover_words(org),
             "equipment": [equipment_row(catalog, item) for item in equipment_of(catalog, org.id)],
             "placements": [(p, coming_dates(p, catalog.settings.today)) for p in placements_at(catalog, org.id)],
             # due for re-checking: the page says so (the audit and kb check use the same age)
             "recheck": (catalog.settings.today - org.verified.on).days > catalog.settings.verify_note_days,
             "source_path": entry.source.display},
            scripts=("help", *(KIT_SCRIPTS if equipment_of(catalog, org.id) else ())), source=entry.source.display))
    return pages
