"""Small-number suppression, including the differencing case."""

import itertools

import pytest

from generator.kinds.metrics.suppression import Cell, can_recover, suppress_group, suppress_table


def values(cells: dict[str, Cell]) -> dict[str, int | None]:
    return {k: c.value for k, c in cells.items()}


def test_counts_of_five_or_more_and_zero_are_published() -> None:
    cells, total = suppress_group({"a": 5, "b": 0, "c": 12}, total=17)
    assert values(cells) == {"a": 5, "b": 0, "c": 12} and total.value == 17


def test_one_to_four_is_shown_as_fewer_than_five() -> None:
    cells, _ = suppress_group({"a": 3, "b": 9})
    assert cells["a"].text() == "fewer than 5" and cells["b"].text() == "9"


def test_differencing_against_the_total_is_blocked() -> None:
    # 20 - 9 - 8 would give away the 3: the smallest other cell is hidden as well
    cells, total = suppress_group({"a": 3, "b": 9, "c": 8}, total=20)
    assert values(cells) == {"a": None, "b": 9, "c": None}
    assert total.value == 20
    assert not can_recover(cells, total)


def test_a_lone_small_cell_beside_zeros_hides_the_total() -> None:
    cells, total = suppress_group({"a": 2, "b": 0}, total=2)
    assert total.suppressed and cells["a"].suppressed and cells["b"].value == 0


def test_small_total_hides_everything_non_zero() -> None:
    cells, total = suppress_group({"a": 1, "b": 2, "c": 0}, total=3)
    assert total.suppressed and values(cells) == {"a": None, "b": None, "c": 0}


@pytest.mark.parametrize("counts", list(itertools.product([0, 1, 2, 4, 5, 7, 30], repeat=3)))
def test_no_published_group_reveals_a_small_count(counts: tuple[int, int, int]) -> None:
    group = dict(zip("abc", counts, strict=True))
    cells, total = suppress_group(group, total=sum(counts))
    for key, count in group.items():
        if 0 < count < 5:
            assert cells[key].suppressed
    assert not can_recover(cells, total)
    if total.value is not None and 0 < total.value < 5:
        pytest.fail("a small total was published")


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
