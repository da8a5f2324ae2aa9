"""Stable addresses: an entry renamed with `aliases:` keeps its old URLs as redirect pages, because
clinics print QR codes that point at them."""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.core.specs import TemplateFile
from generator.core.issues import Problem

SECTIONS = {"organisations": "organisations", "problems": "triage"}  # catalog collection -> URL folder


def _aliased(catalog: Catalog):
    for collection, folder in SECTIONS.items():
        for entry in getattr(catalog, collection).values():
            for index, alias in enumerate(entry.model.aliases):
                yield collection, folder, entry, index, alias


def check_aliases(catalog: Catalog) -> list[Problem]:
    issues = []
    claimed: dict[tuple[str, str], str] = {}
    for collection, folder, entry, index, alias in _aliased(catalog):
        if alias in getattr(catalog, collection) or alias == entry.id:
            issues.append(entry.source.problem(("aliases", index), f"'{alias}' is a current id, not an old one"))
        elif (folder, alias) in claimed:
            issues.append(entry.source.problem(("aliases", index), f"'{alias}' is already an alias of "
                                               f"'{claimed[(folder, alias)]}'"))
        else:
            claimed[(folder, alias)] = entry.id
    return issues


def redirect_files(catalog: Catalog, site_url: str) -> list[TemplateFile]:
    return [TemplateFile(f"{folder}/{alias}/index.html", "redirect.html",
                         {"target": f"../{entry.id}/", "absolute": f"{site_url}{folder}/{entry.id}/",
                          "title": getattr(entry.model, "name", None) or entry.model.title})
            for _collection, folder, entry, _index, alias in _aliased(catalog)]
