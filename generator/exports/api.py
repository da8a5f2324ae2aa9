"""The JSON API as static files: api/v1/index.json, one file per content type with every entry,
and one file per entry."""

from __future__ import annotations

import json
from typing import Any

from generator.exports.licence import Licence
from generator.exports.public import Collection

API = "api/v1"


def dump_json(data: Any) -> str:
    """One serialisation for every JSON export: sorted keys, so two builds are byte-identical.
    Compact, because an indent makes Python use its pure-Python encoder: with indent=1 writing the
    JSON took 17 of the 40 seconds the exports needed at 5,000 organisations."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def list_path(collection: Collection) -> str:
    return f"{API}/{collection.name}.json"


def entry_path(collection: Collection, entry_id: str = "{id}") -> str:
    return f"{API}/{collection.name}/{entry_id}.json"


def api_documents(collections: list[Collection], licence: Licence, site_name: str) -> dict[str, Any]:
    """Every API file as data, by its path in the site. Links in the index are relative to it."""
    documents: dict[str, Any] = {f"{API}/index.json": {
        "api": "v1",
        "name": f"{site_name}: open data",
        "licence": licence.as_dict(),
        "openapi": "openapi.json",
        "types": [{"type": c.name, "title": c.title, "description": c.description, "count": len(c.items),
                   "list": f"{c.name}.json", "entry": f"{c.name}/{{id}}.json"} for c in collections],
        "downloads": {"archive": "../open-data.zip", "directory_csv": "../directory.csv",
                      "hsds": "../hsds/index.json", "vcard": "../vcards/{id}.vcf",
                      "region_vcard": "../vcards/regions/{id}.vcf"},
    }}
    for collection in collections:
        documents[list_path(collection)] = {"type": collection.name, "title": collection.title,
                                            "count": len(collection.items), "licence": licence.as_dict(),
                                            "items": collection.items}
        for item in collection.items:
            documents[entry_path(collection, item["id"])] = item
    return documents
