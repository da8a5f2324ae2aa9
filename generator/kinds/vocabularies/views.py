"""Views over the vocabularies that several content types share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from generator.kinds.vocabularies.model import Region

T = TypeVar("T")


def by_region(regions: Iterable[Region], items: Iterable[T],
              region_of: Callable[[T], str]) -> list[tuple[Region, list[T]]]:
    """Every region, in the order given (the directory's), with the items in it, in their own order.
    One pass over the items: at national scale there are dozens of regions and thousands of items, and
    a scan of all items for each region made listings regions x items."""
    grouped: dict[str, list[T]] = {}
    for item in items:
        grouped.setdefault(region_of(item), []).append(item)
    return [(region, grouped.get(region.id, [])) for region in regions]
