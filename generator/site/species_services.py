"""Plan the species and service pages: who treats a species, or offers a service, region by region.

A page lists every such organisation up to `species_service_entries_on_one_page` (mkdocs.yml extra);
beyond that (a national network: thousands of clinics treat rats) it lists the regions with their
counts, and each region gets its own page, `species/<id>/<region>/` or `services/<id>/<region>/`. The
region pages of the directory link to these through `species_url_in_region`, the one place that
knows which page holds a species' clinics in a region."""

from __future__ import annotations

from typing import Any

from generator.core.catalog import Catalog
from generator.core.specs import PageSpec
from generator.kinds.organisations.model import Organisation
from generator.kinds.organisations.views import offering, treating
from generator.kinds.vocabularies.model import Region
from generator.kinds.vocabularies.views import by_region


def plan_species_and_services(catalog: Catalog) -> list[PageSpec]:
    pages: list[PageSpec] = []
    for species in catalog.species.values():
        listing = _listing(catalog, "species", species.id, treating(catalog, species.id))
        pages.append(PageSpec(f"species/{species.id}.md", "species.html", species.plural,
                              f"Clinics in the network that treat {species.plural.lower()}.",
                              {"species": species, **listing}))
        pages += [PageSpec(_source(url), "species-region.html", f"{species.plural} in {region.label}",
                           f"Clinics in {region.label} that treat {species.plural.lower()}.",
                           {"species": species, "region": region, "orgs": orgs})
                  for region, orgs, url in listing["region_pages"]]
    for service in catalog.services.values():
        listing = _listing(catalog, "services", service.id, offering(catalog, service.id))
        pages.append(PageSpec(f"services/{service.id}.md", "service.html", service.label, service.description,
                              {"service": service, **listing}))
        pages += [PageSpec(_source(url), "service-region.html", f"{service.label} in {region.label}",
                           f"The organisations in {region.label} that offer {service.label.lower()}.",
                           {"service": service, "region": region, "orgs": orgs})
                  for region, orgs, url in listing["region_pages"]]
    return pages


def species_url_in_region(catalog: Catalog, species_id: str, region_id: str) -> str:
    """The page that lists a species' clinics in a region: the species' own page for that region if it
    has one, else the species page."""
    orgs = treating(catalog, species_id)
    # the regions with any, once per species: asked for every region, a scan of the species' clinics
    # each time made this regions x organisations (a quarter of planning at 50,000 organisations)
    having = catalog.memo(("species_regions", species_id), lambda: {o.location.region for o in orgs})
    if _split(catalog, orgs) and region_id in having:
        return _region_url("species", species_id, region_id)
    return f"species/{species_id}/"


def _listing(catalog: Catalog, folder: str, item_id: str, orgs: list[Organisation]) -> dict[str, Any]:
    """The context a species or service page lists its organisations from: all of them by region
    (`by_region`), or, split, the regions that have some with their own pages' URLs (`region_pages`)
    and those that have none (`without`)."""
    by_region = _by_region(catalog, orgs)
    if not _split(catalog, orgs):
        return {"by_region": by_region, "listed": True, "region_pages": [], "without": []}
    having = {r.id for r, _ in by_region}
    return {"by_region": by_region, "listed": False,
            "region_pages": [(r, in_r, _region_url(folder, item_id, r.id)) for r, in_r in by_region],
            "without": [r for r in catalog.regions.values() if r.id not in having]}


def _split(catalog: Catalog, orgs: list[Organisation]) -> bool:
    return len(orgs) > catalog.settings.species_service_entries_on_one_page


def _region_url(folder: str, item_id: str, region_id: str) -> str:
    return f"{folder}/{item_id}/{region_id}/"


def _source(url: str) -> str:
    return url.removesuffix("/") + ".md"


def _by_region(catalog: Catalog, orgs: list[Organisation]) -> list[tuple[Region, list[Organisation]]]:
    """The organisations in each region that has any, regions in the directory's order."""
    return [(region, in_it) for region, in_it in by_region(catalog.regions.values(), orgs, lambda o: o.location.region)
            if in_it]
