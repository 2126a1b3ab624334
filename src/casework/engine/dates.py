"""Vectorised due-date arithmetic for every unit in TIMESCALES.md."""

from __future__ import annotations

import datetime as dt
import math
from functools import cache
from zoneinfo import ZoneInfo

import numpy as np

from casework.calendar import WorkingCalendar
from casework.engine.table import EPOCH, EPOCH_DT, I64, NA, datetime_of, day_of
from casework.standards.timescale import Timescale, Unit

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC
SECONDS_PER_DAY = 86_400


def add_months(days: I64, months: int) -> I64:
    """The same day of the month `months` later, or that month's last day if shorter."""
    d = days.astype("datetime64[D]")
    month_start = d.astype("datetime64[M]")
    day_in_month = (d - month_start.astype("datetime64[D]")).astype(np.int64)
    target = month_start + np.timedelta64(months, "M")
    length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(
        np.int64
    )
    out = target.astype("datetime64[D]") + np.minimum(day_in_month, length - 1)
    result: I64 = out.astype(np.int64)
    return result


def add_timescale(
    days: I64, timescale: Timescale, calendar: WorkingCalendar, *, sign: int = 1
) -> I64:
    """Each day plus (or, with sign=-1, minus) the timescale, as days since 1970."""
    n = timescale.amount * sign
    unit = timescale.unit
    if len(days) == 0:
        return days.copy()
    if unit is Unit.WORKING_DAYS:
        return calendar.add_array(days.astype("datetime64[D]"), n).astype(np.int64)
    if unit is Unit.DAYS:
        return days + n
    if unit is Unit.WEEKS:
        return days + 7 * n
    if unit is Unit.MONTHS:
        return add_months(days, n)
    # Hours with only a date known: whole days, rounded up (TIMESCALES.md).
    return days + sign * math.ceil(timescale.amount / 24)


def add_hours(at: I64, hours: int) -> I64:
    """Wall-clock times in England plus real elapsed hours, as wall-clock times again.

    Most days have one UTC offset all day, so offsets are looked up once per distinct day;
    times on the two clock-change days each year go through zoneinfo one by one.
    """
    out = np.full(len(at), NA, dtype=np.int64)
    known = at != NA
    if not known.any():
        return out
    local = at[known]
    utc = local - _offsets(local, from_local=True)
    later = utc + hours * 3600
    out[known] = later + _offsets(later, from_local=False)
    return out


def _offsets(seconds: I64, *, from_local: bool) -> I64:
    days = seconds // SECONDS_PER_DAY
    unique, inverse = np.unique(days, return_inverse=True)
    offsets = np.empty(len(seconds), dtype=np.int64)
    day_offsets = np.array([_day_offset(int(d)) for d in unique], dtype=np.int64)
    uniform = day_offsets != NA
    offsets[:] = day_offsets[inverse]
    tricky = ~uniform[inverse]
    for i in np.flatnonzero(tricky).tolist():
        offsets[i] = _exact_offset(int(seconds[i]), from_local=from_local)
    return offsets


@cache
def _day_offset(day: int) -> np.int64:
    """The UTC offset in seconds if it is the same all day (in England), else NA."""
    date = EPOCH + dt.timedelta(days=day)
    start = dt.datetime(date.year, date.month, date.day, tzinfo=LONDON)
    end = start + dt.timedelta(hours=23, minutes=59)
    first, last = start.utcoffset(), end.utcoffset()
    assert first is not None
    assert last is not None
    if first != last:
        return NA
    return np.int64(int(first.total_seconds()))


def _exact_offset(seconds: int, *, from_local: bool) -> int:
    if from_local:
        local = datetime_of(seconds).replace(tzinfo=LONDON)
        offset = local.utcoffset()
    else:
        instant = (EPOCH_DT + dt.timedelta(seconds=seconds)).replace(tzinfo=UTC)
        offset = instant.astimezone(LONDON).utcoffset()
    assert offset is not None
    return int(offset.total_seconds())


def iso_days(days: I64) -> list[str]:
    """Days since 1970 as ISO dates ('' for NA)."""
    known = days != NA
    out = np.full(len(days), "", dtype=object)
    if known.any():
        out[known] = np.datetime_as_string(days[known].astype("datetime64[D]"), unit="D")
    return [str(x) for x in out]


def as_date(day: int) -> dt.date:
    return day_of(day)
