"""Days as integers (proleptic ordinals) with lookup tables for fast date arithmetic.

The generator works in day numbers (`date.toordinal()`); these tables turn them into
dates and answer "is it a working day", "the next working day" and "n working days
after" with a list lookup, counting working days as TIMESCALES.md does (England and
Wales bank holidays).
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from casework.calendar import calendar_for

SATURDAY = 5


class Days:
    """Lookup tables for every day from `first` to `last` inclusive."""

    def __init__(self, first: dt.date, last: dt.date, region: str = "england-and-wales") -> None:
        self.base = first.toordinal()
        self.last = last.toordinal()
        n = self.last - self.base + 1
        holidays = np.array(calendar_for(region).holidays, dtype="datetime64[D]")
        busdays = np.busdaycalendar(weekmask="1111100", holidays=holidays)
        span = np.arange(np.datetime64(first, "D"), np.datetime64(last, "D") + 1)
        work = np.is_busday(span, busdaycal=busdays)
        ordinals = np.arange(self.base, self.last + 1, dtype=np.int64)
        # count[i]: working days on or before day base+i.
        count = np.cumsum(work)
        self.working_ordinals: list[int] = ordinals[work].tolist()
        self.count: list[int] = count.tolist()
        self.work: list[bool] = work.tolist()
        # next_work[i]: the first working day on or after day base+i (the last day of the
        # table if none is left).
        index = np.minimum(count - work, len(self.working_ordinals) - 1)
        self.next_work: list[int] = np.asarray(self.working_ordinals)[index].tolist()
        self.dates: list[dt.date] = [dt.date.fromordinal(self.base + i) for i in range(n)]

    def date(self, day: int) -> dt.date:
        return self.dates[day - self.base]

    def is_working(self, day: int) -> bool:
        return self.work[day - self.base]

    def on_or_after(self, day: int) -> int:
        """The first working day on or after `day`."""
        return self.next_work[day - self.base]

    def add(self, day: int, n: int) -> int:
        """The nth working day strictly after `day` (n >= 1); `day` itself when n is 0."""
        if n <= 0:
            return day
        return self.working_ordinals[self.count[day - self.base] + n - 1]

    def back(self, day: int, n: int) -> int:
        """The nth working day strictly before `day` (n >= 1); `day` itself when n is 0."""
        if n <= 0:
            return day
        i = self.base
        return self.working_ordinals[self.count[day - i] - self.work[day - i] - n]

    def between(self, start: int, end: int) -> int:
        """Working days in (start, end]."""
        return self.count[end - self.base] - self.count[start - self.base]


def weekday(day: int) -> int:
    """Monday 0 ... Sunday 6 (ordinal 1, 1 January of year 1, was a Monday)."""
    return (day - 1) % 7
