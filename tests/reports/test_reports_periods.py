"""Reporting periods: the last complete month, financial quarter, half year and year."""

from __future__ import annotations

import datetime as dt

import pytest

from casework.reports.periods import Frequency, last_complete

D = dt.date


@pytest.mark.parametrize(
    ("day", "frequency", "start", "end"),
    [
        (D(2026, 11, 23), Frequency.MONTHLY, D(2026, 10, 1), D(2026, 10, 31)),
        (D(2026, 3, 1), Frequency.MONTHLY, D(2026, 2, 1), D(2026, 2, 28)),
        (D(2024, 3, 31), Frequency.MONTHLY, D(2024, 2, 1), D(2024, 2, 29)),
        (D(2026, 1, 1), Frequency.MONTHLY, D(2025, 12, 1), D(2025, 12, 31)),
        (D(2026, 11, 23), Frequency.QUARTERLY, D(2026, 7, 1), D(2026, 9, 30)),
        (D(2026, 4, 1), Frequency.QUARTERLY, D(2026, 1, 1), D(2026, 3, 31)),
        (D(2026, 11, 23), Frequency.SIX_MONTHLY, D(2026, 4, 1), D(2026, 9, 30)),
        (D(2026, 3, 31), Frequency.SIX_MONTHLY, D(2025, 4, 1), D(2025, 9, 30)),
        (D(2026, 4, 1), Frequency.SIX_MONTHLY, D(2025, 10, 1), D(2026, 3, 31)),
        (D(2026, 11, 23), Frequency.ANNUAL, D(2025, 4, 1), D(2026, 3, 31)),
        (D(2026, 3, 31), Frequency.ANNUAL, D(2024, 4, 1), D(2025, 3, 31)),
    ],
)
def test_the_last_complete_period(
    day: dt.date, frequency: Frequency, start: dt.date, end: dt.date
) -> None:
    period = last_complete(frequency, day)
    assert (period.start, period.end) == (start, end)
    assert period.end < day
