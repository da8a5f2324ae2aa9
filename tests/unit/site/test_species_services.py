"""Species and service pages split by region above extra.species_service_entries_on_one_page: one page
per region that has any, holding exactly its organisations, and the region pages link to them."""

from __future__ import annotations

import dataclasses

from generator.site.species_services import plan_species_and_services, species_url_in_region
from tests.helpers import catalog_with


def test_the_demo_lists_every_organisation_on_its_species_and_service_pages(demo_catalog) -> None:
    pages = plan_species_and_services(demo_catalog)
    assert {p.template for p in pages} == {"species.html", "service.html"}
    assert all(p.context["listed"] for p in pages)
    assert species_url_in_region(demo_catalog, "rat", "eastmarsh") == "species/rat/"


def test_above_the_limit_each_region_has_a_page_with_exactly_its_organisations(demo_catalog) -> None:
    catalog = catalog_with(demo_catalog, settings=dataclasses.replace(demo_catalog.settings,
                                                                      species_service_entries_on_one_page=5))
    pages = {p.url: p for p in plan_species_and_services(catalog)}
    main = pages["species/guinea-pig/"]
    assert not main.context["listed"]
    urls = [url for _, _, url in main.context["region_pages"]]
    regions = [r.id for r, _, _ in main.context["region_pages"]] + [r.id for r in main.context["without"]]
    assert sorted(regions) == sorted(catalog.regions) and urls  # every region, with or without a page
    for region, orgs, url in main.context["region_pages"]:
        page = pages[url]
        assert page.url == f"species/guinea-pig/{region.id}/" and page.title == f"Guinea pigs in {region.label}"
        expected = [e.model for e in catalog.organisations.values() if e.model.location.region == region.id
                    and any(c.species == "guinea-pig" for c in e.model.species)]
        assert sorted(o.id for o in page.context["orgs"]) == sorted(o.id for o in expected) == \
            sorted(o.id for o in orgs)
        assert species_url_in_region(catalog, "guinea-pig", region.id) == url
    for region in main.context["without"]:
        assert species_url_in_region(catalog, "guinea-pig", region.id) == "species/guinea-pig/"
    # a page at or under the limit keeps its list and gets no region pages
    short = [p for p in pages.values() if p.template == "service.html" and p.context["listed"]]
    assert short and not any(url.startswith(short[0].url) and url != short[0].url for url in pages)
