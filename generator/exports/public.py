"""What the open-data exports may publish: every content type's collection (its ContentType's
``export``), as plain JSON-ready entries with private fields left out at any depth.

Private fields are declared on each content type (ContentType.private); PRIVATE gathers them. The
API, its OpenAPI schemas, the archive and the tests all read PRIVATE, so a new private field is
hidden everywhere at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any

from pydantic import BaseModel

from generator.core.catalog import Catalog
from generator.core.collection import Collection
from generator.core.content_type import ContentType
from generator.kinds import REGISTRY


def private_fields(registry: Sequence[ContentType]) -> dict[type[BaseModel], frozenset[str]]:
    found: dict[type[BaseModel], frozenset[str]] = {}
    for ctype in registry:
        for model, names in ctype.private.items():
            found[model] = found.get(model, frozenset()) | names
    return found


# Fields kept for the network's own work and never published in any export (see each content type)
PRIVATE: Mapping[type[BaseModel], frozenset[str]] = private_fields(REGISTRY)


def public(value: Any, private: Mapping[type[BaseModel], frozenset[str]] = PRIVATE) -> Any:
    """The JSON form of a value, with every private field of every model inside it left out."""
    if value is None or type(value) in _PLAIN:  # most values: half a million at 5,000 organisations
        return value
    if isinstance(value, BaseModel):
        model = type(value)
        found = {}
        for name, key in _shown(model, private.get(model, frozenset())):
            item = getattr(value, name)
            found[key] = item if item is None or type(item) in _PLAIN else public(item, private)
        return found
    if isinstance(value, list | tuple):
        return [public(item, private) for item in value]
    if isinstance(value, dict):
        return {str(key): public(item, private) for key, item in value.items()}
    if isinstance(value, date):  # datetimes too: local session times stay local, as in the data
        return value.isoformat()
    return value


_PLAIN = frozenset({str, int, float, bool})


@cache
def _shown(model: type[BaseModel], hidden: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """A model's public fields: (attribute, the name the data uses: `from`, not the code's from_)."""
    return tuple((name, info.alias or name) for name, info in model.model_fields.items() if name not in hidden)


def collections(catalog: Catalog, site_url: str, registry: Sequence[ContentType] = REGISTRY) -> list[Collection]:
    """Every published content type, in the registry's order, entries sorted by id."""
    private = PRIVATE if registry is REGISTRY else private_fields(registry)
    if catalog.settings.members:  # behind access control: private fields are what members need
        private = {}
    return [ctype.export(catalog, site_url, lambda value: public(value, private))
            for ctype in registry if ctype.export]
