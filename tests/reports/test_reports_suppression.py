"""The small-number rule: no hidden count can be worked out from what is published."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from casework.reports.suppression import HIDDEN, SMALL, WITHHELD, shown, suppress_group


def test_counts_under_five_are_shown_as_fewer_than_five() -> None:
    assert shown(0) == "0"
    assert shown(3) == "fewer than 5"
    assert shown(5) == "5"
    assert shown(1234) == "1,234"
    assert shown(3, suppress=False) == "3"


def test_one_hidden_count_brings_a_second_with_it() -> None:
    result = suppress_group({"North": 12, "South": 3, "East": 40})
    assert result.cells == {"North": WITHHELD, "South": HIDDEN, "East": 40}
    assert result.total == 55


def test_a_lone_count_with_nothing_else_to_hide_hides_the_total() -> None:
    result = suppress_group({"North": 0, "South": 7, "East": 0}, total=7)
    assert result.cells["South"] == 7
    result = suppress_group({"North": 0, "South": 3})
    assert result.cells["South"] == HIDDEN
    assert result.total == HIDDEN


def test_a_pair_that_could_only_add_up_one_way_is_not_left_alone() -> None:
    # 1 and 5 add up to 6, and 6 is only 1 + 5 (withheld counts are at least 5).
    result = suppress_group({"a": 1, "b": 5, "c": 100})
    assert result.cells["c"] == WITHHELD or result.total == WITHHELD


def _range(value: object, total: int) -> tuple[int, int] | None:
    if value == HIDDEN:
        return (1, SMALL - 1)
    if value == WITHHELD:
        return (SMALL, total)
    return None


@given(st.lists(st.integers(0, 40), min_size=1, max_size=7))
def test_no_hidden_count_can_be_worked_out_from_the_total(counts: list[int]) -> None:
    keyed = {f"g{i}": n for i, n in enumerate(counts)}
    result = suppress_group(keyed)
    for key, n in keyed.items():
        if 0 < n < SMALL:
            assert result.cells[key] == HIDDEN
    if not isinstance(result.total, int):
        return  # the total is hidden: nothing to subtract from
    shown_sum = sum(v for v in result.cells.values() if isinstance(v, int))
    hidden_sum = result.total - shown_sum
    ranges = [r for v in result.cells.values() if (r := _range(v, result.total))]
    low = sum(r[0] for r in ranges)
    high = sum(r[1] for r in ranges)
    for lo, hi in ranges:
        # What the reader can narrow this cell to, knowing the others' ranges.
        least = max(lo, hidden_sum - (high - hi))
        most = min(hi, hidden_sum - (low - lo))
        assert least < most, (keyed, result)
