"""The OpenAPI 3.1 document for the open data: paths from the endpoint table, and JSON Schemas made
from the same pydantic models that validate the data, with private fields taken out."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from generator.common.fields import PublishedNames
from generator.exports.endpoints import Endpoint, pascal
from generator.exports.licence import Licence
from generator.exports.public import PRIVATE, Collection

REF = "#/components/schemas/{model}"
HSDS_DOCS = "https://docs.openreferral.org/en/latest/hsds/"

_LICENCE = {"type": "object", "additionalProperties": False, "required": ["name", "id", "url"],
            "properties": {"name": {"type": "string"}, "id": {"type": "string"}, "url": {"type": "string"}}}
_INDEX = {"type": "object", "required": ["api", "name", "licence", "openapi", "types", "downloads"],
          "properties": {"api": {"const": "v1"}, "name": {"type": "string"}, "licence": {"$ref": REF.format(
              model="Licence")}, "openapi": {"type": "string"},
              "types": {"type": "array", "items": {"type": "object", "required": ["type", "count", "list", "entry"]}},
              "downloads": {"type": "object"}}}


def _model_schemas(collections: list[Collection], private: Mapping[type[BaseModel], frozenset[str]]
                   ) -> dict[str, Any]:
    models = {c.model for c in collections if c.model} | set(private)
    refs, schemas = _pydantic_schemas(tuple(sorted(models, key=lambda m: (m.__module__, m.__qualname__))))
    schemas = copy.deepcopy(schemas)  # changed below; the remembered one stays as pydantic made it
    for cls, hidden in private.items():  # the same table the exports obey
        schema = schemas[_name(refs[(cls, "serialization")])]
        for name in hidden:
            schema.get("properties", {}).pop(name, None)
        if "required" in schema:
            schema["required"] = [r for r in schema["required"] if r not in hidden]
    for c in collections:
        entry = copy.deepcopy(schemas[_name(refs[(c.model, "serialization")])]) if c.model else copy.deepcopy(c.schema)
        entry.setdefault("properties", {}).update(c.extra)
        entry["required"] = sorted(set(entry.get("required", [])) | set(c.extra))
        entry["title"] = f"{c.title}: one entry"
        schemas[f"{pascal(c.name)}Entry"] = entry
        schemas[f"{pascal(c.name)}List"] = {
            "type": "object", "additionalProperties": False, "title": f"{c.title}: all",
            "required": ["type", "title", "count", "licence", "items"],
            "properties": {"type": {"const": c.name}, "title": {"type": "string"}, "count": {"type": "integer"},
                           "licence": {"$ref": REF.format(model="Licence")},
                           "items": {"type": "array", "items": {"$ref": REF.format(model=f"{pascal(c.name)}Entry")}}}}
    schemas["Licence"] = _LICENCE
    schemas["Index"] = _INDEX
    return schemas


@functools.lru_cache(maxsize=4)
def _pydantic_schemas(models: tuple[type[BaseModel], ...]) -> tuple[dict[Any, Any], dict[str, Any]]:
    """pydantic's JSON schemas of the models, and the reference to each: the same for every build of
    one process (a tenth of a second; `kb serve` rebuilds on every edit)."""
    refs, top = models_json_schema([(m, "serialization") for m in models], ref_template=REF,
                                   schema_generator=PublishedNames)
    return refs, top.get("$defs", {})


def _name(ref: dict[str, str]) -> str:
    return ref["$ref"].rsplit("/", 1)[1]


def _operation(endpoint: Endpoint) -> dict[str, Any]:
    media: dict[str, Any] = {}
    if endpoint.schema:
        media["schema"] = {"$ref": REF.format(model=endpoint.schema)}
    operation: dict[str, Any] = {
        "operationId": re.sub(r"[^A-Za-z0-9]+", "_", endpoint.path).strip("_"),
        "summary": endpoint.title, "description": endpoint.description, "tags": [endpoint.group],
        "responses": {"200": {"description": endpoint.title, "content": {endpoint.media_type: media}}},
    }
    names = re.findall(r"\{([a-z_-]+)\}", endpoint.path)
    if names:
        operation["parameters"] = [{"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                                   for name in names]
    if endpoint.path.startswith("api/hsds/"):
        operation["externalDocs"] = {"description": "Open Referral HSDS 3.0", "url": HSDS_DOCS}
    return operation


def openapi_document(collections: list[Collection], endpoints: list[Endpoint], licence: Licence,
                     site_name: str, private: Mapping[type[BaseModel], frozenset[str]] = PRIVATE) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": f"{site_name}: open data", "version": "1.0.0",
                 "summary": "Static files generated at build time: fetch them with GET, no key needed.",
                 "description": "Private fields never appear. Every JSON body validates against the schema named "
                                "for its path; the schemas are generated from the models that check the data.",
                 "license": {"name": licence.name, "identifier": licence.id}},
        # relative to this document (api/v1/openapi.json): the site root, wherever the site is served
        "servers": [{"url": "../..", "description": "this site"}],
        "tags": [{"name": group} for group in dict.fromkeys(e.group for e in endpoints)],
        "paths": {f"/{e.path}": {"get": _operation(e)} for e in endpoints},
        "components": {"schemas": _model_schemas(collections, private)},
    }

