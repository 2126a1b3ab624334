"""Periods to count over: weeks (Monday to Sunday), months, quarters and years (the
financial quarters and years, April to March, as the national returns count)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class PeriodKind(enum.StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True, order=True)
class Period:
    kind: PeriodKind
    start: dt.date
    end: dt.date  # the last day counted: the period's last day, or the day it is counted to
    full_end: dt.date  # the period's last day

    @property
    def complete(self) -> bool:
        return self.end == self.full_end

    @property
    def label(self) -> str:
        s = self.start
        if self.kind is PeriodKind.WEEK:
            text = f"w/c {s.day} {MONTHS[s.month - 1]} {s.year}"
        elif self.kind is PeriodKind.MONTH:
            text = f"{MONTHS[s.month - 1]} {s.year}"
        elif self.kind is PeriodKind.QUARTER:
            e = self.full_end
            text = f"{MONTHS[s.month - 1]} to {MONTHS[e.month - 1]} {e.year}"
        else:
            text = f"{s.year} to {(s.year + 1) % 100:02d}"
        return text if self.complete else f"{text} (to {self.end.day} {MONTHS[self.end.month - 1]})"

    @property
    def key(self) -> str:
        """A short stable name for links: 2026-11, 2026-w47, 2026-q3 (Oct to Dec), 2026-27."""
        s = self.start
        if self.kind is PeriodKind.WEEK:
            year, week, _ = s.isocalendar()
            return f"{year}-w{week:02d}"
        if self.kind is PeriodKind.MONTH:
            return f"{s.year}-{s.month:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{s.year}-q{(s.month - 4) % 12 // 3 + 1}"
        return f"{s.year}-{(s.year + 1) % 100:02d}"


def _add_months(day: dt.date, n: int) -> dt.date:
    years, month = divmod(day.month - 1 + n, 12)
    return dt.date(day.year + years, month + 1, 1)


def containing(kind: PeriodKind, day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the period of this kind that holds the day."""
    if kind is PeriodKind.WEEK:
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if kind is PeriodKind.MONTH:
        start = day.replace(day=1)
        months = 1
    elif kind is PeriodKind.QUARTER:
        # the financial quarters start in April, July, October and January, as the
        # calendar's do
        start = dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        months = 3
    else:
        start = dt.date(day.year if day.month >= 4 else day.year - 1, 4, 1)
        months = 12
    return start, _add_months(start, months) - dt.timedelta(days=1)


def periods(kind: PeriodKind, as_of: dt.date, count: int) -> list[Period]:
    """The last `count` periods of a kind, oldest first, the last one counted to `as_of`."""
    out = []
    day = as_of
    for _ in range(count):
        start, full_end = containing(kind, day)
        out.append(Period(kind, start, min(full_end, as_of), full_end))
        day = start - dt.timedelta(days=1)
    return out[::-1]


def period_from_key(kind: PeriodKind, key: str, as_of: dt.date) -> Period | None:
    """The period a key names (None if it does not name one that has started)."""
    for period in periods(kind, as_of, 400 if kind is PeriodKind.WEEK else 120):
        if period.key == key:
            return period
    return None
