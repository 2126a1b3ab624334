"""Rate ratios and intervals against examples worked by hand."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casework.equality.stats import per_10k, rate_ratio, wilson


def test_the_katz_interval_matches_a_hand_worked_example() -> None:
    # 30 of 1,000 children in a group against 60 of the other 6,000:
    # rates 3% and 1%, ratio 3.0.
    # SE(ln RR) = sqrt(1/30 - 1/1000 + 1/60 - 1/6000) = sqrt(0.0488333) = 0.220983
    # ln 3 = 1.098612; 1.96 x 0.220983 = 0.433127
    # exp(0.665485) = 1.9454 and exp(1.531739) = 4.6262
    found = rate_ratio(30, 1000, 60, 6000)
    assert found is not None
    assert found.estimate == pytest.approx(3.0)
    assert found.low == pytest.approx(1.9454, abs=5e-4)
    assert found.high == pytest.approx(4.6262, abs=5e-4)
    assert found.excludes(1.0)


def test_a_ratio_whose_interval_spans_one_is_no_clear_difference() -> None:
    # 6 of 500 against 10 of 1,000: ratio 1.2, interval wide enough to include 1.
    found = rate_ratio(6, 500, 10, 1000)
    assert found is not None
    assert found.estimate == pytest.approx(1.2)
    assert found.low < 1 < found.high
    assert not found.excludes(1.0)


def test_no_ratio_without_children_on_both_sides() -> None:
    assert rate_ratio(0, 100, 5, 100) is None
    assert rate_ratio(5, 100, 0, 100) is None
    assert rate_ratio(5, 0, 5, 100) is None


def test_the_wilson_interval_matches_a_hand_worked_example() -> None:
    # 8 of 10: centre (0.8 + 1.96^2/20) / (1 + 1.96^2/10) = 0.7166,
    # half-width 1.96 sqrt(0.016 + 1.96^2/400) / 1.38415 = 0.2266: 0.4902 to 0.9433.
    found = wilson(8, 10)
    assert found is not None
    assert found.estimate == pytest.approx(0.8)
    assert found.low == pytest.approx(0.4902, abs=5e-4)
    assert found.high == pytest.approx(0.9433, abs=5e-4)


def test_wilson_stays_inside_zero_and_one_at_the_edges() -> None:
    none_in_time = wilson(0, 7)
    all_in_time = wilson(7, 7)
    assert none_in_time is not None
    assert all_in_time is not None
    assert none_in_time.low == 0.0
    assert 0 < none_in_time.high < 1
    assert all_in_time.high == 1.0
    assert 0 < all_in_time.low < 1
    assert wilson(1, 0) is None


def test_rates_are_per_ten_thousand() -> None:
    assert per_10k(12, 4000) == pytest.approx(30.0)
    assert per_10k(1, 0) is None


@given(
    a=st.integers(1, 500),
    n_extra=st.integers(0, 5000),
    b=st.integers(1, 500),
    m_extra=st.integers(0, 5000),
)
def test_the_interval_always_holds_the_estimate(a: int, n_extra: int, b: int, m_extra: int) -> None:
    found = rate_ratio(a, a + n_extra, b, b + m_extra)
    assert found is not None
    assert found.low <= found.estimate <= found.high
    # Swapping the groups inverts the ratio and its interval.
    swapped = rate_ratio(b, b + m_extra, a, a + n_extra)
    assert swapped is not None
    assert math.isclose(swapped.estimate, 1 / found.estimate, rel_tol=1e-9)
    assert math.isclose(swapped.low, 1 / found.high, rel_tol=1e-9)
