"""Small-number suppression, including the differencing case."""

import pytest

from generator.kinds.metrics.suppression import suppress_table


def texts(cells, row_totals, col_totals, grand) -> dict[str, str]:
    """Every published figure as a reader sees it, keyed "row/column" (totals as "row/total",
    "total/column" and "total")."""
    shown = {f"{r}/{c}": cell.text() for r, row in cells.items() for c, cell in row.items()}
    shown |= {f"{r}/total": cell.text() for r, cell in row_totals.items()}
    shown |= {f"total/{c}": cell.text() for c, cell in col_totals.items()}
    return shown | {"total": grand.text()}


# Expected values worked by hand from the rule (a count from 1 to 4 is hidden; a line of the table and
# its margins with exactly one hidden entry hides its smallest other positive entry), not by the code.

def test_counts_of_five_or_more_and_zero_are_published() -> None:
    shown = texts(*suppress_table({"r": {"a": 5, "b": 0, "c": 12}}))
    assert shown == {"r/a": "5", "r/b": "0", "r/c": "12", "r/total": "17",
                     "total/a": "5", "total/b": "0", "total/c": "12", "total": "17"}


def test_a_small_count_and_the_figures_that_would_give_it_away() -> None:
    # north/a = 3 is hidden; north's row would give it away (12 - 9), so 9 goes; column a (11 - 8) hides
    # south/a; column b (15 - 9) hides south/b; then every line has two hidden entries or none
    shown = texts(*suppress_table({"north": {"a": 3, "b": 9}, "south": {"a": 8, "b": 6}}))
    assert shown == {"north/a": "fewer than 5", "north/b": "not shown", "south/a": "not shown",
                     "south/b": "not shown", "north/total": "12", "south/total": "14",
                     "total/a": "11", "total/b": "15", "total": "26"}


def test_a_small_total_is_hidden_as_fewer_than_five() -> None:
    shown = texts(*suppress_table({"r": {"a": 1, "b": 2, "c": 0}}))
    assert shown == {"r/a": "fewer than 5", "r/b": "fewer than 5", "r/c": "0", "r/total": "fewer than 5",
                     "total/a": "fewer than 5", "total/b": "fewer than 5", "total/c": "0",
                     "total": "fewer than 5"}


@pytest.mark.parametrize(("count", "shown"), [(0, "0"), (1, "fewer than 5"), (4, "fewer than 5"), (5, "5"),
                                              (6, "6")])
def test_the_threshold_is_five(count: int, shown: str) -> None:
    assert set(texts(*suppress_table({"r": {"a": count}})).values()) == {shown}


def _recoverable_lines(cells, row_totals, col_totals, grand=None) -> list[str]:
    """Lines of the table with its margins in which exactly one entry is hidden."""
    problems = []
    for r, row in cells.items():
        if sum(c.suppressed for c in [*row.values(), row_totals[r]]) == 1:
            problems.append(f"row {r}")
    for col in next(iter(cells.values())):
        if sum(c.suppressed for c in [*(cells[r][col] for r in cells), col_totals[col]]) == 1:
            problems.append(f"column {col}")
    if grand is not None:
        if sum(c.suppressed for c in [*col_totals.values(), grand]) == 1:
            problems.append("column totals")
        if sum(c.suppressed for c in [*row_totals.values(), grand]) == 1:
            problems.append("row totals")
    return problems


def test_table_blocks_differencing_across_rows_and_columns() -> None:
    table = {"north": {"a": 3, "b": 20, "c": 11}, "east": {"a": 9, "b": 14, "c": 8},
             "south": {"a": 12, "b": 7, "c": 30}}
    cells, rows, cols, grand = suppress_table(table)
    assert cells["north"]["a"].suppressed
    assert _recoverable_lines(cells, rows, cols, grand) == []
    assert grand.value == sum(sum(r.values()) for r in table.values())


def test_the_margins_are_lines_too() -> None:
    # within/outside per region; the network row is column totals + grand total: 11 + hidden = 15
    table = {"east": {"within": 6, "outside": 2}, "south": {"within": 5, "outside": 2}}
    cells, rows, cols, grand = suppress_table(table)
    assert cols["outside"].suppressed
    assert _recoverable_lines(cells, rows, cols, grand) == []


@pytest.mark.parametrize("seed", range(300))
def test_random_tables_never_publish_or_leak_small_counts(seed: int) -> None:
    import random

    rng = random.Random(seed)
    table = {r: {c: rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 15, 40]) for c in "abcd"} for r in ("n", "e", "s", "w")}
    cells, rows, cols, grand = suppress_table(table)
    for r, row in table.items():
        for c, v in row.items():
            if 0 < v < 5:
                assert cells[r][c].suppressed
            if not cells[r][c].suppressed:
                assert cells[r][c].value == v
    for cell in [*rows.values(), *cols.values(), grand]:
        assert cell.suppressed or not (0 < cell.value < 5)
    assert _recoverable_lines(cells, rows, cols, grand) == []


def test_a_complementary_cell_alone_in_its_column_hides_that_total() -> None:
    # north/a (3) is hidden; the row rule hides north/b (9), which is alone in column b (the rest zero),
    # so column b's total would give it away, and with it the 3: the column total is hidden too
    table = {"north": {"a": 3, "b": 9}, "east": {"a": 20, "b": 0}, "south": {"a": 11, "b": 0}}
    cells, rows, cols, grand = suppress_table(table)
    assert cells["north"]["a"].suppressed and cells["north"]["b"].suppressed
    assert cols["b"].suppressed or sum(c.suppressed for c in (cells[r]["b"] for r in cells)) > 1
    assert _recoverable_lines(cells, rows, cols, grand) == []


def test_a_row_without_a_category_counts_it_as_zero() -> None:
    # north has no 'b', south no 'a': those are 0 (published), never a gap that hides or reveals anything
    shown = texts(*suppress_table({"north": {"a": 12}, "south": {"b": 9}}))
    assert shown == {"north/a": "12", "north/b": "0", "south/a": "0", "south/b": "9", "north/total": "12",
                     "south/total": "9", "total/a": "12", "total/b": "9", "total": "21"}
