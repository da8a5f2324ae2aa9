"""Why a rate or a time is not published: each reason from a hand-built set of published cells."""

from __future__ import annotations

import pytest

from generator.kinds.metrics.publish import (
    FEW_BEHIND,
    GIVES_AWAY,
    NO_REPORT,
    NONE_BEHIND,
    Published,
    Row,
    Shown,
)
from generator.kinds.metrics.suppression import Cell

MEASURE = "seen-within-target:emergency-now"


def _published(within: Cell | None, seen: Cell | None, median: Cell | None = None) -> Published:
    pub = Published(["2026-05"], ["north"])
    for category, cell in (("within", within), ("seen", seen)):
        if cell is not None:
            pub.rows.append(Row("2026-05", "north", MEASURE, category, cell))
    if median is not None:
        pub.rows.append(Row("2026-05", "north", "minutes-to-vet:emergency-now", "median", median))
    return pub


@pytest.mark.parametrize(("within", "seen", "expected"), [
    (Cell(6), Cell(8), Shown(75.0)),
    (Cell(0), Cell(9), Shown(0.0)),
    (Cell(2, ), Cell(3), Shown(66.7)),  # unreachable after suppression, but the arithmetic is plain
    (Cell(None, small=True), Cell(3, ), Shown(None, GIVES_AWAY)),
    (Cell(None, small=True), Cell(None, small=True), Shown(None, FEW_BEHIND)),
    (Cell(7), Cell(None), Shown(None, GIVES_AWAY)),  # a total hidden to protect another row
    (Cell(None), Cell(12), Shown(None, GIVES_AWAY)),
    (Cell(0), Cell(0), Shown(None, NONE_BEHIND)),
    (None, Cell(10), Shown(None, NO_REPORT)),
    (Cell(5), None, Shown(None, NO_REPORT)),
])
def test_a_rate_or_why_not(within: Cell | None, seen: Cell | None, expected: Shown) -> None:
    assert _published(within, seen).shown_rate("2026-05", "north", MEASURE, "within", "seen") == expected


@pytest.mark.parametrize(("seen", "median", "expected"), [
    (Cell(9), Cell(14.5), Shown(14.5)),
    (Cell(None, small=True), Cell(None), Shown(None, FEW_BEHIND)),
    (Cell(0), Cell(None), Shown(None, NONE_BEHIND)),
    (Cell(9), None, Shown(None, NO_REPORT)),
])
def test_a_time_or_why_not(seen: Cell, median: Cell | None, expected: Shown) -> None:
    pub = _published(Cell(0), seen, median)
    assert pub.shown_minutes("2026-05", "north", "emergency-now", "median") == expected
