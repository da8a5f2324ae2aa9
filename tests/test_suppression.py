"""Small-number suppression, including the differencing case."""

import itertools

import pytest

from generator.suppression import Cell, can_recover, suppress_group


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
