"""Small-number suppression for published aggregates.

Counts from 1 to 4 are never published (shown as "fewer than 5"). Suppressing one cell is not
enough when its group's total is published: total minus the other cells would reveal it, so a
second cell (the smallest remaining non-zero one) is suppressed too, and so on until no suppressed
cell can be recovered by differencing. A total of 1 to 4 suppresses the whole group.
"""

from __future__ import annotations

from dataclasses import dataclass

THRESHOLD = 5  # counts below this (and above zero) are suppressed
SUPPRESSED_TEXT = "fewer than 5"


@dataclass(frozen=True)
class Cell:
    value: int | None  # None when suppressed

    @property
    def suppressed(self) -> bool:
        return self.value is None

    def text(self) -> str:
        return SUPPRESSED_TEXT if self.value is None else str(self.value)


def is_small(count: int) -> bool:
    return 0 < count < THRESHOLD


def suppress_group(cells: dict[str, int], total: int | None = None) -> tuple[dict[str, Cell], Cell | None]:
    """Suppress a group of counts whose ``total`` (if given) is published beside them.

    Returns the cells and the total as they may be published.
    """
    if total is not None and is_small(total):
        return {k: Cell(None) if v else Cell(0) for k, v in cells.items()}, Cell(None)
    hidden = {k for k, v in cells.items() if is_small(v)}
    if total is not None or len(cells) > 1:
        # With a published total, one hidden cell is total minus the rest: hide another.
        recoverable = total is not None
        while recoverable and len(hidden) == 1:
            candidates = sorted((v, k) for k, v in cells.items() if k not in hidden and v > 0)
            if not candidates:
                break
            hidden.add(candidates[0][1])
        if recoverable and len(hidden) == 1:
            # every other cell is zero: the total itself gives the hidden cell away
            return {k: Cell(None) if k in hidden else Cell(v) for k, v in cells.items()}, Cell(None)
    published = {k: Cell(None) if k in hidden else Cell(v) for k, v in cells.items()}
    return published, (Cell(total) if total is not None else None)


Table = dict[str, dict[str, int]]  # row -> column -> count


def suppress_table(table: Table) -> tuple[dict[str, dict[str, Cell]], dict[str, Cell], dict[str, Cell], Cell]:
    """Suppress a table whose row totals, column totals and grand total are all published.

    Each row and each column is a group with a published total, so a cell hidden in one must not be
    recoverable from either. Hiding is repeated across rows and columns until nothing changes.
    Returns (cells, row totals, column totals, grand total) as they may be published.
    """
    rows = list(table)
    columns = sorted({c for row in table.values() for c in row})
    value = {(r, c): table[r].get(c, 0) for r in rows for c in columns}
    hidden = {key for key, v in value.items() if is_small(v)}
    row_totals = {r: sum(value[(r, c)] for c in columns) for r in rows}
    col_totals = {c: sum(value[(r, c)] for r in rows) for c in columns}
    grand = sum(row_totals.values())
    hidden_rows = {r for r, t in row_totals.items() if is_small(t)}
    hidden_cols = {c for c, t in col_totals.items() if is_small(t)}
    hidden |= {(r, c) for r in hidden_rows for c in columns if value[(r, c)]}
    hidden |= {(r, c) for c in hidden_cols for r in rows if value[(r, c)]}
    changed = True
    while changed:
        changed = False
        lines = [(("row", r), [(r, c) for c in columns]) for r in rows]
        lines += [(("column", c), [(r, c) for r in rows]) for c in columns]
        for (kind, name), keys in lines:
            totals_hidden = hidden_rows if kind == "row" else hidden_cols
            if name in totals_hidden or sum(1 for k in keys if k in hidden) != 1:
                continue
            others = sorted((value[k], k) for k in keys if k not in hidden and value[k] > 0)
            if others:
                hidden.add(others[0][1])
            else:  # the rest are zeros, so the line total is the hidden cell: hide the total
                totals_hidden.add(name)
            changed = True
    if is_small(grand):
        hidden |= {k for k, v in value.items() if v}
    cells = {r: {c: Cell(None) if (r, c) in hidden else Cell(value[(r, c)]) for c in columns} for r in rows}
    return (cells,
            {r: Cell(None if r in hidden_rows else t) for r, t in row_totals.items()},
            {c: Cell(None if c in hidden_cols else t) for c, t in col_totals.items()},
            Cell(None if is_small(grand) else grand))


def can_recover(published: dict[str, Cell], total: Cell | None) -> bool:
    """True when differencing against the total reveals a suppressed cell exactly."""
    if total is None or total.suppressed:
        return False
    return sum(1 for c in published.values() if c.suppressed) == 1
