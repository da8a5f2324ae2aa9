"""The Catalog: every content type's entries, by type, and the settings they were read with.

A store filled by generator/site/pipeline.py from the registry (generator/kinds/); it imports no
loader and names no content type. `catalog["organisations"]` and `catalog.organisations` are the same
thing. Views derived from the entries live with their content type (generator/kinds/<type>/views.py)
and are memoised here, so a view asked for by every page is computed once per build.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.core.settings import Settings


class Catalog:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: dict[str, Any] = {}
        # every file read, valid or not, by content type: the checks of the data as written
        # (references, doses, identifying details) run on all of them
        self.sources: dict[str, list[Any]] = {}
        self._memo: dict[Any, Any] = {}
        # what the memo's stamp reads: a count of replacements, and the collections that have a size
        self._replaced = 0
        self._sized: list[Any] = []

    def put(self, name: str, value: Any) -> None:
        """Store (or replace) what is known of ``name``: a content type's entries, or a value a type's
        loader keeps beside them (the triage scale)."""
        self._store[name] = value
        self._replaced += 1
        self._sized = [item for item in self._store.values() if hasattr(item, "__len__")]

    def __getitem__(self, name: str) -> Any:
        return self._store[name]

    def __contains__(self, name: str) -> bool:
        return name in self._store

    def get(self, name: str, default: Any = None) -> Any:
        return self._store.get(name, default)

    def __getattr__(self, name: str) -> Any:
        store = self.__dict__.get("_store")
        if store is not None and name in store:
            return store[name]
        raise AttributeError(f"the catalog holds no '{name}'")

    def ids(self, name: str) -> dict[str, None] | None:
        """Every id of ``name`` that exists, valid entries first; None when its file or folder could
        not be read at all."""
        loaded = self._store.get(name, {})
        if not getattr(loaded, "available", True):
            return None
        return {**dict.fromkeys(loaded), **getattr(loaded, "known", {})}

    def names(self, name: str) -> dict[str, list[str]]:
        """Each id of ``name`` with the names people write for it (a label, a plural, an
        organisation's name), for "did you mean"."""
        found: dict[str, list[str]] = {}
        for entry_id, item in self._store.get(name, {}).items():
            model = getattr(item, "model", item)
            found[entry_id] = [text for attribute in ("name", "label", "plural", "title")
                               if isinstance(text := getattr(model, attribute, None), str)]
        for entry_id in self.ids(name) or {}:
            found.setdefault(entry_id, [])
        return found

    # ---- derived views -------------------------------------------------------------------
    def _stamp(self) -> tuple:
        # asked for by every memoised view on every page: a walk over the store with a test per item
        # was a second of a 5,000-organisation build
        return (self._replaced, *map(len, self._sized))

    def memo(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """Derived views are asked for once per page; at 10,000 organisations recomputing them per page
        makes the build quadratic. The memo is dropped whenever an entry collection is replaced or grows."""
        stamp = self._stamp()
        if self._memo.get("stamp") != stamp:
            self._memo.clear()
            self._memo["stamp"] = stamp
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def forget(self, name: str) -> None:
        """Drop the memoised views named ``name`` once nothing will ask for them again this build."""
        for key in [key for key in self._memo if isinstance(key, tuple) and key[:1] == (name,)]:
            del self._memo[key]
