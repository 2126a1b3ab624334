"""What if a standard's timescale were different? Evaluate the same events against the
pack as it is and as changed, and compare compliance over a period.

Only the standard being changed is evaluated (both times), with the engine, as of the
end of the period: what would have been owed, met on time, met late or left overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np

from casework.engine import Event, EventTable, evaluate
from casework.engine.table import day_number, table_of
from casework.standards.model import Kind as StandardKind
from casework.standards.model import Pack, Standard
from casework.standards.timescale import Timescale


@dataclass(frozen=True)
class Compliance:
    """Obligations falling due in the period under one version of a standard."""

    met: int
    late: int
    overdue: int
    open: int  # due on the period's last day and not yet met

    @property
    def due(self) -> int:
        """Obligations due in the period that could be judged (met, late or overdue)."""
        return self.met + self.late + self.overdue

    @property
    def on_time(self) -> float | None:
        return self.met / self.due if self.due else None


@dataclass(frozen=True)
class WhatIf:
    standard: Standard
    changed: Standard
    position: int  # which interval changed (0: the first)
    start: dt.date
    end: dt.date
    now: Compliance
    then: Compliance  # under the changed standard
    children: int  # children with an obligation due in the period under either version

    @property
    def old(self) -> Timescale:
        return self.standard.intervals[self.position]

    @property
    def new(self) -> Timescale:
        return self.changed.intervals[self.position]


def interval_names(standard: Standard) -> list[str]:
    """What each of a standard's intervals is, in words, for choosing one to change."""
    n = len(standard.intervals)
    if standard.kind is not StandardKind.RECURRING:
        return ["Within"] * n
    names = ["First", "Second", "Third", "Fourth"][: n - 1]
    return [*names, "Then every" if n > 1 else "Every"]


def change_interval(pack: Pack, standard_id: str, position: int, timescale: Timescale) -> Pack:
    """The pack with one interval of one standard changed (KeyError, IndexError if absent)."""
    standard = pack.get(standard_id)
    intervals = list(standard.intervals)
    intervals[position] = timescale
    changed = replace(standard, intervals=tuple(intervals))
    return replace(
        pack, standards=tuple(changed if s.id == standard_id else s for s in pack.standards)
    )


def what_if(
    events: EventTable | Iterable[Event],
    pack: Pack,
    standard_id: str,
    position: int,
    timescale: Timescale,
    start: dt.date,
    end: dt.date,
) -> WhatIf:
    """Compliance with one standard over the period, as it is and with one interval changed."""
    table = table_of(events)
    changed_pack = change_interval(pack, standard_id, position, timescale)
    lo, hi = day_number(start), day_number(end)
    counted = []
    children: set[int] = set()
    for version in (pack, changed_pack):
        obligations = evaluate(table, version, end, standards=[standard_id])
        part = obligations.part
        due = (part.due_day >= lo) & (part.due_day <= hi)
        children |= set(np.unique(part.child[due]).tolist())
        found = np.bincount(part.status[due], minlength=4)
        counted.append(Compliance(*(int(n) for n in found[:4])))
    return WhatIf(
        standard=pack.get(standard_id),
        changed=changed_pack.get(standard_id),
        position=position,
        start=start,
        end=end,
        now=counted[0],
        then=counted[1],
        children=len(children),
    )
