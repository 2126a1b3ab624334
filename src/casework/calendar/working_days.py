"""Working-day arithmetic.

A working day is Monday to Friday and not a bank holiday in the calendar's region.
"N working days after D" is the Nth working day strictly after D, whether or not D
itself is a working day (1 working day after a Saturday is the Monday).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

import holidays
import numpy as np
import numpy.typing as npt

# Region names used in packs, mapped to the `holidays` package's UK subdivision codes.
REGIONS: dict[str, str] = {
    "england-and-wales": "ENG",
    "scotland": "SCT",
    "northern-ireland": "NIR",
}

# Bank holidays are generated for this span; dates outside it are rejected rather than
# silently treated as having no holidays.
FIRST_YEAR = 1990
LAST_YEAR = 2060

DateArray = npt.NDArray[np.datetime64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class WorkingCalendar:
    """Bank holidays for one region and vectorised working-day arithmetic."""

    region: str
    holidays: tuple[dt.date, ...] = field(repr=False)
    _busdaycal: np.busdaycalendar = field(repr=False, compare=False)

    def is_working_day(self, day: dt.date) -> bool:
        return bool(np.is_busday(np.datetime64(day, "D"), busdaycal=self._busdaycal))

    def add(self, day: dt.date, n: int) -> dt.date:
        """The nth working day strictly after `day` (strictly before it when n < 0)."""
        out = self.add_array(np.array([day], dtype="datetime64[D]"), np.array([n]))
        return _to_date(out[0])

    def add_array(self, days: DateArray, n: IntArray | int) -> DateArray:
        """Vectorised `add`: element-wise nth working day after (or before) each date."""
        days = np.asarray(days, dtype="datetime64[D]")
        offsets = np.broadcast_to(np.asarray(n, dtype=np.int64), days.shape)
        out = days.copy()  # 0 working days after D is D itself
        forward = offsets > 0
        # Rolling a non-working day backwards first makes "1 after Saturday" Monday;
        # rolling it forwards first makes "1 before Saturday" Friday.
        if forward.any():
            out[forward] = np.busday_offset(
                days[forward], offsets[forward], roll="backward", busdaycal=self._busdaycal
            )
        backward = offsets < 0
        if backward.any():
            out[backward] = np.busday_offset(
                days[backward], offsets[backward], roll="forward", busdaycal=self._busdaycal
            )
        return out

    def count_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: how many working days after `start` `end` is."""
        return int(
            np.busday_count(
                np.datetime64(start, "D") + 1,
                np.datetime64(end, "D") + 1,
                busdaycal=self._busdaycal,
            )
        )


def _to_date(value: np.datetime64) -> dt.date:
    result = value.astype("datetime64[D]").item()
    assert isinstance(result, dt.date)
    return result


@cache
def calendar_for(region: str = "england-and-wales") -> WorkingCalendar:
    """The working calendar for a region (cached: holiday lists are built once)."""
    try:
        subdiv = REGIONS[region]
    except KeyError:
        known = ", ".join(sorted(REGIONS))
        raise ValueError(f"unknown calendar region {region!r}; expected one of {known}") from None
    days = holidays.country_holidays("GB", subdiv=subdiv, years=range(FIRST_YEAR, LAST_YEAR + 1))
    dates = tuple(sorted(days.keys()))
    cal = np.busdaycalendar(weekmask="1111100", holidays=np.array(dates, dtype="datetime64[D]"))
    return WorkingCalendar(region=region, holidays=dates, _busdaycal=cal)
