"""The catalog's memoised views are computed once, and again whenever a collection is replaced or
grows (a stale view would, say, leave a new clinic off a region's list)."""

from __future__ import annotations

from pathlib import Path

from generator.core.catalog import Catalog
from generator.core.settings import Settings


def test_a_view_is_computed_once_until_its_collections_change(tmp_path: Path) -> None:
    catalog = Catalog(Settings(root=tmp_path, demo_data=True))
    catalog.put("organisations", {"a": 1})
    catalog.put("scale", object())  # a value without a size, as the triage scale
    computed: list[int] = []

    def count() -> int:
        computed.append(1)
        return len(catalog.organisations)

    assert catalog.memo(("organisations", "count"), count) == 1
    assert catalog.memo(("organisations", "count"), count) == 1
    assert len(computed) == 1
    catalog.organisations["b"] = 2  # grows in place
    assert catalog.memo(("organisations", "count"), count) == 2
    catalog.put("organisations", {"c": 3})  # replaced, same size
    assert catalog.memo(("organisations", "count"), count) == 1
    catalog.put("scale", object())  # another collection replaced
    catalog.memo(("organisations", "count"), count)
    assert len(computed) == 4
    catalog.memo(("organisations", "count"), count)
    assert len(computed) == 4
