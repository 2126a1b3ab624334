"""Reporting periods: the last complete month, quarter, half year or year before a day.
Quarters and half years follow the financial year (April to March), as councils report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Every month"
    QUARTERLY = "quarterly", "Every quarter"
    SIX_MONTHLY = "six_monthly", "Every six months"
    ANNUAL = "annual", "Every year"


MONTHS = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.SIX_MONTHLY: 6,
    Frequency.ANNUAL: 12,
}


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # included

    @property
    def title(self) -> str:
        if self.start.month == self.end.month and self.start.year == self.end.year:
            return f"{self.start:%B %Y}"
        return f"{self.start:%B %Y} to {self.end:%B %Y}"

    @property
    def slug(self) -> str:
        return f"{self.start:%Y-%m}-to-{self.end:%Y-%m}"


def last_complete(frequency: Frequency, day: dt.date) -> Period:
    """The latest whole period that ended before `day`. Periods of 3, 6 and 12 months
    start in April, July, October or January (financial quarters)."""
    months = MONTHS[frequency]
    # Months counted from April of year 0, so whole periods start at multiples of `months`.
    index = day.year * 12 + day.month - 1 - 3
    start = index - index % months - months
    return Period(_month(start + 3), _month(start + months + 3) - dt.timedelta(days=1))


def _month(index: int) -> dt.date:
    """The first day of the month `index` months after January of year 0."""
    return dt.date(index // 12, index % 12 + 1, 1)
