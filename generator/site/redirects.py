"""Stable addresses: an entry renamed with `aliases:` keeps its old URLs as redirect pages, because
clinics print QR codes that point at them. Every content type whose entries may have aliases says so
(ContentType.aliases); its pages' folder comes from its URL pattern."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from generator.core.catalog import Catalog
from generator.core.content_type import ContentType
from generator.core.issues import Issue
from generator.core.specs import TemplateFile


def _aliased(catalog: Catalog, registry: Sequence[ContentType]) -> Iterator[tuple]:
    for ctype in registry:
        if not ctype.aliases or not ctype.url:
            continue
        folder = ctype.url.split("/", 1)[0]
        for entry in catalog[ctype.name].values():
            for index, alias in enumerate(entry.model.aliases):
                yield ctype.name, folder, entry, index, alias


def check_aliases(catalog: Catalog, registry: Sequence[ContentType]) -> list[Issue]:
    issues = []
    claimed: dict[tuple[str, str], str] = {}
    for collection, folder, entry, index, alias in _aliased(catalog, registry):
        if alias in catalog[collection] or alias == entry.id:
            issues.append(entry.source.problem(("aliases", index), f"'{alias}' is a current id, not an old one"))
        elif (folder, alias) in claimed:
            issues.append(entry.source.problem(("aliases", index), f"'{alias}' is already an alias of "
                                               f"'{claimed[(folder, alias)]}'"))
        else:
            claimed[(folder, alias)] = entry.id
    return issues


def redirect_files(catalog: Catalog, site_url: str, registry: Sequence[ContentType]) -> list[TemplateFile]:
    return [TemplateFile(f"{folder}/{alias}/index.html", "redirect.html",
                         {"target": f"../{entry.id}/", "absolute": f"{site_url}{folder}/{entry.id}/",
                          "title": getattr(entry.model, "name", None) or entry.model.title})
            for _collection, folder, entry, _index, alias in _aliased(catalog, registry)]
