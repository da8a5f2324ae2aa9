"""Checks of the vocabularies as a whole: a region's public holidays must be knowable, since kb check
asks for each one's hours and every "who can help now" answer says when a clinic's are in doubt."""

from __future__ import annotations

from generator.common.public_holidays import subdivisions
from generator.core.catalog import Catalog
from generator.core.issues import Issue, Severity


def check_region_calendars(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    regions = catalog.regions
    sources = getattr(regions, "sources", [])
    if not sources or not isinstance(sources[0].data, list):
        return []
    source, problems = sources[0], []
    for index, item in enumerate(source.data):
        region = regions.get(item.get("id")) if isinstance(item, dict) else None
        if region is None:  # not valid: reported already
            continue
        parts = subdivisions(region.country)
        if parts is None:
            problems.append(source.problem(
                (index, "country"), f"the holidays library has no public holidays for '{region.country}', so "
                "kb check cannot ask for holiday hours and pages cannot say when a clinic's are in doubt",
                hint="is the country code right? It is the ISO 3166 code, e.g. GB", severity=Severity.WARNING))
        elif parts and region.subdivision is None:
            problems.append(source.problem(
                (index, "country"), f"{region.country}'s public holidays differ between its parts "
                f"({', '.join(parts)}), and without a subdivision only those they share are known",
                hint="add subdivision: the part the region is in, e.g. subdivision: ENG", severity=Severity.WARNING))
    return problems
