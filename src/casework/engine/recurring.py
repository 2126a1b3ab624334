"""Recurring standards: chains of obligations, each met event anchoring the next.

Obligation k of a chain is met by the first qualifying event strictly after its anchor, so
the anchors of a chain are its start followed by every later day with a qualifying event,
up to the episode's end. That makes a whole chain a slice of the child's qualifying days,
and every chain in the council can be laid out with array operations at once.
"""

from __future__ import annotations

import numpy as np

from casework.calendar import WorkingCalendar
from casework.engine.dates import add_timescale
from casework.engine.obligations import LATE, MET, OPEN, OVERDUE, Part
from casework.engine.table import FAR, I64, NA, EventTable, child_day_key
from casework.engine.triggers import Triggers
from casework.standards.model import Standard


def _due(anchor: I64, k: I64, standard: Standard, calendar: WorkingCalendar) -> I64:
    due = np.empty(len(anchor), dtype=np.int64)
    last = len(standard.intervals)
    which = np.minimum(k, last) - 1
    for i, timescale in enumerate(standard.intervals):
        mask = which == i
        if mask.any():
            due[mask] = add_timescale(anchor[mask], timescale, calendar)
    return due


def evaluate_recurring(
    table: EventTable,
    standard: Standard,
    t: Triggers,
    calendar: WorkingCalendar,
    as_of_day: int,
) -> Part:
    meets = table.select(standard.met_by)
    # Two qualifying events on one day are one: keep the first of each (child, day).
    if len(meets):
        key = table.key[meets]
        meets = meets[np.r_[True, key[1:] != key[:-1]]]
    u_key = table.key[meets]
    u_day = table.day[meets]
    u_type = table.etype[meets]
    u_child = table.child[meets]

    n = len(t.child)
    lo = np.searchsorted(u_key, child_day_key(t.child, t.day), side="right")
    child_end = np.searchsorted(u_child, t.child, side="right")
    ended = t.ep_end != FAR
    hi = np.where(
        ended,
        np.searchsorted(u_key, child_day_key(t.child, np.where(ended, t.ep_end, 0)), "right"),
        child_end,
    )
    hi = np.maximum(hi, lo)
    met_count = hi - lo

    # Met obligations: chain j contributes k = 1..met_count[j].
    chain = np.repeat(np.arange(n), met_count)
    k = np.arange(len(chain)) - np.repeat(np.cumsum(met_count) - met_count, met_count) + 1
    met_pos = lo[chain] + k - 1
    first = k == 1
    prev = np.maximum(met_pos - 1, 0)
    anchor = np.where(first, t.day[chain], u_day[prev] if len(u_day) else 0)
    anchor_type = np.where(first, t.etype[chain], u_type[prev] if len(u_type) else -1)
    met_day = u_day[met_pos] if len(chain) else np.empty(0, dtype=np.int64)
    due = _due(anchor, k, standard, calendar)
    met_part = Part(
        child=t.child[chain],
        seq=k,
        trigger_day=anchor,
        trigger_type=anchor_type,
        due_day=due,
        due_at=np.full(len(chain), NA, dtype=np.int64),
        status=np.where(met_day <= due, MET, LATE).astype(np.int64),
        met_day=met_day,
        met_type=u_type[met_pos] if len(chain) else np.empty(0, dtype=np.int64),
        episode=t.episode[chain],
    )

    # The last obligation of each chain: not met yet.
    k_last = met_count + 1
    has_met = met_count > 0
    last_pos = np.maximum(hi - 1, 0)
    anchor_last = np.where(has_met, u_day[last_pos] if len(u_day) else 0, t.day)
    type_last = np.where(has_met, u_type[last_pos] if len(u_type) else -1, t.etype)
    due_last = _due(anchor_last, k_last, standard, calendar)
    owed = ~(ended & (t.ep_end < due_last))
    open_part = Part(
        child=t.child,
        seq=k_last,
        trigger_day=anchor_last,
        trigger_type=type_last,
        due_day=due_last,
        due_at=np.full(n, NA, dtype=np.int64),
        status=np.where(due_last < as_of_day, OVERDUE, OPEN).astype(np.int64),
        met_day=np.full(n, NA, dtype=np.int64),
        met_type=np.full(n, -1, dtype=np.int64),
        episode=t.episode,
    ).take(owed)
    fields = Part.__dataclass_fields__
    return Part(*(np.concatenate([getattr(met_part, f), getattr(open_part, f)]) for f in fields))
