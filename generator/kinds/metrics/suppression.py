"""Small-number suppression for published aggregates.

Counts from 1 to 4 are never published (shown as "fewer than 5"). Suppressing one cell is not
enough when its group's total is published: total minus the other cells would reveal it, so a
second cell (the smallest remaining non-zero one) is suppressed too, and so on until no suppressed
cell can be recovered by differencing. A total of 1 to 4 suppresses the whole group.

A figure hidden only to stop differencing is 5 or more, so it says "not shown", never "fewer than 5":
what is published about a hidden figure must be true.
"""

from __future__ import annotations

from dataclasses import dataclass

THRESHOLD = 5  # counts below this (and above zero) are suppressed
SUPPRESSED_TEXT = "fewer than 5"  # only for a count that is 1 to 4 itself
NOT_SHOWN_TEXT = "not shown"  # a figure hidden so that a small count cannot be worked out, or too few behind it


@dataclass(frozen=True)
class Cell:
    value: int | float | None  # None when suppressed
    small: bool = False  # hidden because it is itself a count from 1 to 4

    @property
    def suppressed(self) -> bool:
        return self.value is None

    def text(self) -> str:
        if self.value is None:
            return SUPPRESSED_TEXT if self.small else NOT_SHOWN_TEXT
        return str(self.value)


def _hidden(value: int) -> Cell:
    return Cell(None, small=is_small(value))


def is_small(count: int) -> bool:
    return 0 < count < THRESHOLD


Table = dict[str, dict[str, int]]  # row -> column -> count


def suppress_table(table: Table) -> tuple[dict[str, dict[str, Cell]], dict[str, Cell], dict[str, Cell], Cell]:
    """Suppress a table whose row totals, column totals and grand total are all published.

    The table and its margins form one grid in which every row and every column adds up (the last
    entry of each line is the sum of the others). A hidden entry is recoverable when it is the only
    hidden entry of any line, so hiding repeats, always taking the smallest positive entry left in
    that line (a cell or a total), until no line has exactly one hidden entry.
    Returns (cells, row totals, column totals, grand total) as they may be published.
    """
    rows = list(table)
    columns = sorted({c for row in table.values() for c in row})
    total_row, total_col = "\0total", "\0total"
    grid: dict[tuple[str, str], int] = {(r, c): table[r].get(c, 0) for r in rows for c in columns}
    for r in rows:
        grid[(r, total_col)] = sum(grid[(r, c)] for c in columns)
    for c in columns:
        grid[(total_row, c)] = sum(grid[(r, c)] for r in rows)
    grid[(total_row, total_col)] = sum(grid[(r, total_col)] for r in rows)
    all_rows, all_cols = [*rows, total_row], [*columns, total_col]
    lines = [[(r, c) for c in all_cols] for r in all_rows] + [[(r, c) for r in all_rows] for c in all_cols]
    hidden = {key for key, v in grid.items() if is_small(v)}
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(1 for key in line if key in hidden) != 1:
                continue
            others = sorted((grid[key], key) for key in line if key not in hidden and grid[key] > 0)
            if others:
                hidden.add(others[0][1])
                changed = True

    def cell(key: tuple[str, str]) -> Cell:
        return _hidden(grid[key]) if key in hidden else Cell(grid[key])

    return ({r: {c: cell((r, c)) for c in columns} for r in rows},
            {r: cell((r, total_col)) for r in rows},
            {c: cell((total_row, c)) for c in columns},
            cell((total_row, total_col)))

