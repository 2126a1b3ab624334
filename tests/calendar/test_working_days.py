"""Working-day arithmetic against a day-by-day count over the `holidays` package."""

from __future__ import annotations

import datetime as dt
import functools

import holidays
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casework.calendar import REGIONS, calendar_for

D = dt.date


@functools.cache
def bank_holidays(region: str) -> frozenset[dt.date]:
    days = holidays.country_holidays("GB", subdiv=REGIONS[region], years=range(1985, 2066))
    return frozenset(days.keys())


def naive_add(region: str, day: dt.date, n: int) -> dt.date:
    """The nth working day strictly after `day` (before it when n < 0), one day at a time."""
    step = dt.timedelta(days=1 if n > 0 else -1)
    found = 0
    while found < abs(n):
        day += step
        if day.weekday() < 5 and day not in bank_holidays(region):
            found += 1
    return day


# Days worth drawing around: bank holidays, leap days, month and year ends.
SPECIAL = sorted(
    {d for region in REGIONS for d in bank_holidays(region) if 1995 <= d.year <= 2055}
    | {D(2024, 2, 29), D(2028, 2, 29), D(2000, 2, 29), D(2052, 2, 29)}
    | {D(y, m, 1) - dt.timedelta(days=1) for y in (2023, 2024, 2025, 2028) for m in range(1, 13)}
    | {D(y, 12, 31) for y in range(1995, 2055)}
)

days = st.one_of(
    st.dates(min_value=D(1991, 1, 1), max_value=D(2059, 12, 31)),
    st.builds(
        lambda special, offset: special + dt.timedelta(days=offset),
        st.sampled_from(SPECIAL),
        st.integers(-6, 6),
    ),
)
offsets = st.integers(-60, 60).filter(lambda n: n != 0)
regions = st.sampled_from(sorted(REGIONS))


@settings(max_examples=600, deadline=None)
@given(region=regions, day=days, n=offsets)
def test_add_counts_working_days_one_at_a_time(region: str, day: dt.date, n: int) -> None:
    assert calendar_for(region).add(day, n) == naive_add(region, day, n)


@settings(max_examples=150, deadline=None)
@given(region=regions, pairs=st.lists(st.tuples(days, offsets), min_size=1, max_size=30))
def test_add_array_gives_add_for_every_element(
    region: str, pairs: list[tuple[dt.date, int]]
) -> None:
    calendar = calendar_for(region)
    out = calendar.add_array(
        np.array([d for d, _ in pairs], dtype="datetime64[D]"),
        np.array([n for _, n in pairs], dtype=np.int64),
    )
    assert [o.item() for o in out] == [naive_add(region, d, n) for d, n in pairs]


@settings(max_examples=100, deadline=None)
@given(region=regions, day_list=st.lists(days, min_size=1, max_size=20), n=offsets)
def test_add_array_takes_one_offset_for_every_date(
    region: str, day_list: list[dt.date], n: int
) -> None:
    out = calendar_for(region).add_array(np.array(day_list, dtype="datetime64[D]"), n)
    assert [o.item() for o in out] == [naive_add(region, d, n) for d in day_list]


@settings(max_examples=300, deadline=None)
@given(region=regions, day=days)
def test_a_working_day_is_a_weekday_that_is_not_a_bank_holiday(region: str, day: dt.date) -> None:
    expected = day.weekday() < 5 and day not in bank_holidays(region)
    assert calendar_for(region).is_working_day(day) is expected


@settings(max_examples=300, deadline=None)
@given(region=regions, day=days, n=st.integers(1, 60))
def test_count_between_undoes_add(region: str, day: dt.date, n: int) -> None:
    calendar = calendar_for(region)
    assert calendar.count_between(day, calendar.add(day, n)) == n


@pytest.mark.parametrize(
    ("region", "day", "n", "expected"),
    [
        # 1 working day after a Saturday or a Sunday is the Monday; before, the Friday.
        ("england-and-wales", D(2024, 1, 6), 1, D(2024, 1, 8)),
        ("england-and-wales", D(2024, 1, 7), 1, D(2024, 1, 8)),
        ("england-and-wales", D(2024, 1, 6), -1, D(2024, 1, 5)),
        ("england-and-wales", D(2024, 1, 8), -1, D(2024, 1, 5)),
        ("england-and-wales", D(2024, 1, 5), 1, D(2024, 1, 8)),
        # Christmas 2024: Wednesday 25 and Thursday 26 December; New Year's Day Wednesday.
        ("england-and-wales", D(2024, 12, 24), 1, D(2024, 12, 27)),
        ("england-and-wales", D(2024, 12, 20), 5, D(2024, 12, 31)),
        ("england-and-wales", D(2024, 12, 31), 1, D(2025, 1, 2)),
        ("england-and-wales", D(2024, 12, 27), -1, D(2024, 12, 24)),
        ("england-and-wales", D(2025, 1, 2), -3, D(2024, 12, 27)),
        # Scotland's 2 January.
        ("scotland", D(2024, 12, 31), 1, D(2025, 1, 3)),
        ("scotland", D(2023, 12, 29), 1, D(2024, 1, 3)),
        ("england-and-wales", D(2023, 12, 29), 1, D(2024, 1, 2)),
        # Northern Ireland: St Patrick's Day (Monday 17 March 2025; observed on Monday 18
        # March in 2024) and the Battle of the Boyne on 12 July.
        ("northern-ireland", D(2025, 3, 14), 1, D(2025, 3, 18)),
        ("northern-ireland", D(2024, 3, 15), 1, D(2024, 3, 19)),
        ("england-and-wales", D(2024, 3, 15), 1, D(2024, 3, 18)),
        ("northern-ireland", D(2024, 7, 11), 1, D(2024, 7, 15)),
        # 12 July 2025 is a Saturday, so it is observed on Monday 14 July.
        ("northern-ireland", D(2025, 7, 11), 1, D(2025, 7, 15)),
        ("england-and-wales", D(2025, 7, 11), 1, D(2025, 7, 14)),
        ("england-and-wales", D(2024, 7, 11), 1, D(2024, 7, 12)),
        # Easter 2024 (29 March and 1 April) across the leap day.
        ("england-and-wales", D(2024, 2, 28), 22, D(2024, 4, 2)),
    ],
)
def test_working_days_counted_by_hand(region: str, day: dt.date, n: int, expected: dt.date) -> None:
    assert calendar_for(region).add(day, n) == expected


def test_an_unknown_region_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown calendar region 'wales'.*england-and-wales"):
        calendar_for("wales")
