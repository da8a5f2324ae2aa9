"""An open-data collection: one content type's entries as plain JSON-ready data, and what describes
them. Each content type makes its own (its ContentType's ``export``); generator/exports/ publishes
them all as the JSON API, its OpenAPI document and the archive."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

URL = {"type": ["string", "null"], "description": "the entry's page on this site, if it has one"}


@dataclass(frozen=True)
class Collection:
    """One content type: its entries (each with an "id") and what describes them."""

    name: str  # the URL segment: api/v1/<name>.json and api/v1/<name>/<id>.json
    title: str
    description: str
    model: type[BaseModel] | None  # the entries' schema comes from this model; None: given in `schema`
    items: list[dict[str, Any]]
    # properties the export adds to the model's fields, as JSON Schema
    extra: dict[str, dict[str, Any]] = field(default_factory=lambda: {"url": URL})
    schema: dict[str, Any] | None = None


def entries(models: list[Any], page: Callable[[Any], str | None], site_url: str, public: Callable[[Any], Any],
            **extra: Callable[[Any], Any]) -> list[dict[str, Any]]:
    """Each model's public fields, the address of its page (``page``: relative to the site, or None)
    and the ``extra`` values computed from it; sorted by id."""
    items = []
    for model in sorted(models, key=lambda m: m.id):
        path = page(model)
        entry = {**public(model), "url": site_url + path if path is not None else None}
        entry.update({name: compute(model) for name, compute in extra.items()})
        items.append(entry)
    return items


def terms(name: str, title: str, description: str, model: type[BaseModel], url: str | None = None
          ) -> Callable[[Any, str, Callable[[Any], Any]], Collection]:
    """The export of a vocabulary stored in the catalog as ``name``; ``url`` is its pages' pattern."""
    def export(catalog: Any, site_url: str, public: Callable[[Any], Any]) -> Collection:
        return Collection(name.replace("_", "-"), title, description, model, entries(
            list(catalog[name].values()), lambda term: url.format(id=term.id) if url else None, site_url, public))
    return export
