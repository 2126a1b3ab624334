"""How long an allegation took to resolve, in the guidance's bands (standard 87)."""

from __future__ import annotations

import datetime as dt

import pytest

from casework.reports.content.lado import add_months, resolved_band

D = dt.date


@pytest.mark.parametrize(
    ("started", "ended", "band"),
    [
        (D(2025, 4, 10), D(2025, 4, 10), "Within 1 month"),
        (D(2025, 4, 10), D(2025, 5, 10), "Within 1 month"),
        (D(2025, 4, 10), D(2025, 5, 11), "Within 3 months"),
        (D(2025, 1, 31), D(2025, 2, 28), "Within 1 month"),
        (D(2025, 1, 31), D(2025, 3, 1), "Within 3 months"),
        (D(2025, 4, 10), D(2025, 7, 10), "Within 3 months"),
        (D(2025, 4, 10), D(2026, 4, 10), "Within 12 months"),
        (D(2025, 4, 10), D(2026, 4, 11), "Over 12 months"),
    ],
)
def test_resolution_bands(started: dt.date, ended: dt.date, band: str) -> None:
    assert resolved_band(started, ended) == band


def test_months_are_added_to_the_end_of_a_shorter_month() -> None:
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2025, 11, 30), 3) == D(2026, 2, 28)
    assert add_months(D(2025, 12, 15), 1) == D(2026, 1, 15)
