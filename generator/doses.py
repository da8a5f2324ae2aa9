"""Guidance never states drug doses: find dose-like text (a number followed by mg, ml, kg …)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.sources import FieldPath

DOSE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?[\s-]*(?:mg|mcg|µg|ug|ml|iu|kg)s?(?:\s*/\s*(?:kg|g|day|h))?(?![\w])",
                  re.IGNORECASE)


def find_dose(text: str) -> re.Match[str] | None:
    return DOSE.search(text)


def strings(data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every text value in loaded YAML data, with its field path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, (*path, index))
