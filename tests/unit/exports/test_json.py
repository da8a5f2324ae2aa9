"""The JSON exports are written with orjson (generator/exports/api.py dump_json); the standard
library is the reference: every demo export must be byte for byte what json.dumps writes with the
same settings."""

from __future__ import annotations

import json
from typing import Any

from generator.exports.api import api_documents, dump_json
from generator.exports.endpoints import endpoints
from generator.exports.hsds import hsds_documents
from generator.exports.licence import CC_BY_4
from generator.exports.openapi import openapi_document
from generator.exports.public import collections

SITE = "https://example.org/kb/"


def _json_dumps(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")


def test_every_demo_export_is_what_json_dumps_writes(demo_catalog) -> None:
    found = collections(demo_catalog, SITE)
    documents = {**api_documents(found, CC_BY_4, "Network"), **dict(hsds_documents(demo_catalog, SITE)),
                 "openapi": openapi_document(found, endpoints(demo_catalog, found), CC_BY_4, "Network")}
    assert len(documents) > 300
    for path, data in documents.items():
        assert dump_json(data) == _json_dumps(data), path


def test_awkward_values_are_written_as_json_dumps_writes_them() -> None:
    data = {"z": [None, True, False, 0, -1, 2**63 - 1, -(2**63), 51.372, -0.1, 0.1 + 0.2, 1e16, 1.5e300, 0.0001],
            "é": "\x00\x1f\x7f\"\\/\u2028 é 中 🐹 \n\t", "b": {"y": {}, "x": [], "B": "upper before lower"},
            "a": [[1, [2, [3]]], {"k": "v"}]}
    assert dump_json(data) == _json_dumps(data)
