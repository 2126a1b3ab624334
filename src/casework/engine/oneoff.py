"""One-off, recording and `before` standards (see docs/counting.md)."""

from __future__ import annotations

import numpy as np

from casework.calendar import WorkingCalendar
from casework.engine.dates import SECONDS_PER_DAY, add_hours, add_timescale
from casework.engine.obligations import LATE, MET, OPEN, OVERDUE, Part
from casework.engine.table import DAY_OFFSET, FAR, I64, NA, EventTable, child_day_key
from casework.engine.triggers import Triggers
from casework.standards.model import Standard
from casework.standards.timescale import Unit


def due_dates(
    t: Triggers, standard: Standard, calendar: WorkingCalendar, *, sign: int = 1
) -> tuple[I64, I64]:
    """Due day and (for hours, where the trigger's time is known) due date-time."""
    timescale = standard.intervals[0]
    due_day = add_timescale(t.day, timescale, calendar, sign=sign)
    due_at = np.full(len(t.day), NA, dtype=np.int64)
    if timescale.unit is Unit.HOURS:
        timed = t.at != NA
        if timed.any():
            due_at[timed] = add_hours(t.at[timed], sign * timescale.amount)
            due_day[timed] = due_at[timed] // SECONDS_PER_DAY
    return due_day, due_at


def _status(met_day: I64, on_time: np.ndarray, due_day: I64, as_of_day: int) -> I64:
    met = met_day != NA
    return np.where(
        met,
        np.where(on_time, MET, LATE),
        np.where(due_day < as_of_day, OVERDUE, OPEN),
    ).astype(np.int64)


def _on_time(met_day: I64, met_at: I64, due_day: I64, due_at: I64) -> np.ndarray:
    timed = (met_at != NA) & (due_at != NA)
    return np.where(timed, met_at <= due_at, met_day <= due_day)


def _part(t: Triggers, due_day: I64, due_at: I64, status: I64, met_day: I64, met_type: I64) -> Part:
    """One obligation per trigger."""
    return Part(
        child=t.child,
        seq=t.seq,
        trigger_day=t.day,
        trigger_type=t.etype,
        due_day=due_day,
        due_at=due_at,
        status=status,
        met_day=met_day,
        met_type=met_type,
        episode=t.episode,
    )


def _first_on_or_after(keys: I64, child: I64, day: I64) -> I64:
    return np.searchsorted(keys, child_day_key(child, day), side="left")


def evaluate_one_off(
    table: EventTable,
    standard: Standard,
    t: Triggers,
    calendar: WorkingCalendar,
    as_of_day: int,
) -> Part:
    due_day, due_at = due_dates(t, standard, calendar)
    meets = table.select(standard.met_by)
    m_key = table.key[meets]
    n = len(t.child)

    # A waiver counts from the trigger's day; it takes the obligation away only if it came
    # before the due date (and before the obligation was met, decided below).
    waive_day = np.full(n, FAR, dtype=np.int64)
    waivers = table.select(standard.waived_by)
    if len(waivers) and n:
        w_key = table.key[waivers]
        w = _first_on_or_after(w_key, t.child, t.day)
        ws = np.minimum(w, len(waivers) - 1)
        found = (w < len(waivers)) & (table.child[waivers][ws] == t.child)
        waive_day = np.where(found, table.day[waivers][ws], FAR)
    waived = waive_day < due_day
    # Qualifying events count up to the episode's end, and up to a waiver's day.
    close = np.minimum(t.ep_end, np.where(waived, waive_day, FAR))

    met_idx = np.full(n, -1, dtype=np.int64)
    if len(meets) and n:
        cand = _first_on_or_after(m_key, t.child, t.day)
        cs = np.minimum(cand, len(meets) - 1)
        ok = (cand < len(meets)) & (table.child[meets][cs] == t.child)
        ok &= table.day[meets][cs] <= close
        met_idx = np.where(ok, cs, -1)
        clash = _clashing_children(t.child, met_idx)
        if clash.any():
            met_idx = _greedy(table, meets, t, close, met_idx, clash)

    has = met_idx >= 0
    safe = np.maximum(met_idx, 0)
    met_rows = meets[safe] if len(meets) else np.zeros(n, dtype=np.int64)
    met_day = np.where(has, table.day[met_rows] if len(meets) else NA, NA)
    met_at = np.where(has, table.at[met_rows] if len(meets) else NA, NA)
    met_type = np.where(has, table.etype[met_rows] if len(meets) else -1, -1)
    status = _status(met_day, _on_time(met_day, met_at, due_day, due_at), due_day, as_of_day)
    # Not owed: the episode ended, or a waiver came, before the due date, and it was unmet.
    owed = has | ~((t.ep_end < due_day) | waived)
    return _part(t, due_day, due_at, status, met_day, met_type).take(owed)


def _clashing_children(child: I64, met_idx: I64) -> np.ndarray:
    """Triggers (by child) where two obligations reach for the same qualifying event."""
    taken = met_idx >= 0
    idx = np.flatnonzero(taken)
    dup = np.zeros(len(child), dtype=bool)
    if len(idx) < 2:
        return dup
    same = met_idx[idx][1:] == met_idx[idx][:-1]
    bad_children = np.unique(child[idx][1:][same])
    return np.isin(child, bad_children)


def _greedy(
    table: EventTable,
    meets: I64,
    t: Triggers,
    close: I64,
    met_idx: I64,
    clash: np.ndarray,
) -> I64:
    """Event by event: each qualifying event meets the earliest-triggered open obligation.
    Only for the few children where the fast path's choices collide."""
    met_idx = met_idx.copy()
    m_child = table.child[meets]
    m_day = table.day[meets]
    for c in np.unique(t.child[clash]).tolist():
        obl = np.flatnonzero(t.child == c)
        met_idx[obl] = -1
        lo, hi = np.searchsorted(m_child, [c, c + 1])
        for m in range(int(lo), int(hi)):
            day = m_day[m]
            for i in obl.tolist():
                if met_idx[i] < 0 and t.day[i] <= day <= close[i]:
                    met_idx[i] = m
                    break
    return met_idx


def evaluate_recording(
    table: EventTable,
    standard: Standard,
    t: Triggers,
    calendar: WorkingCalendar,
    as_of_day: int,
) -> Part:
    written = table.rec_day[t.row] != NA
    t = t.take(written)
    due_day, due_at = due_dates(t, standard, calendar)
    rec_day = table.rec_day[t.row]
    rec_at = table.rec_at[t.row]
    in_time = rec_day <= as_of_day
    met_day = np.where(in_time, rec_day, NA)
    met_at = np.where(in_time, rec_at, NA)
    status = _status(met_day, _on_time(met_day, met_at, due_day, due_at), due_day, as_of_day)
    return _part(t, due_day, due_at, status, met_day, np.where(in_time, t.etype, -1))


def evaluate_before(
    table: EventTable,
    standard: Standard,
    t: Triggers,
    calendar: WorkingCalendar,
    as_of_day: int,
) -> Part:
    due_day, due_at = due_dates(t, standard, calendar, sign=-1)
    n = len(t.child)
    meets = table.select(standard.met_by)
    # The window for each trigger opens after the child's previous trigger of this standard.
    first = np.r_[True, t.child[1:] != t.child[:-1]] if n else np.zeros(0, dtype=bool)
    previous = np.where(first, -DAY_OFFSET, np.r_[0, t.day[:-1]] if n else t.day)
    met_day = np.full(n, NA, dtype=np.int64)
    met_at = np.full(n, NA, dtype=np.int64)
    met_type = np.full(n, -1, dtype=np.int64)
    if len(meets) and n:
        m_key = table.key[meets]
        cand = np.searchsorted(m_key, child_day_key(t.child, previous), side="right")
        cs = np.minimum(cand, len(meets) - 1)
        rows = meets[cs]
        ok = (cand < len(meets)) & (table.child[rows] == t.child) & (table.day[rows] <= t.day)
        met_day = np.where(ok, table.day[rows], NA)
        met_at = np.where(ok, table.at[rows], NA)
        met_type = np.where(ok, table.etype[rows], -1)
    status = _status(met_day, _on_time(met_day, met_at, due_day, due_at), due_day, as_of_day)
    return _part(t, due_day, due_at, status, met_day, met_type)
