"""What opens obligations: trigger events (or birthdays), placed in their episodes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from casework.engine.dates import add_months
from casework.engine.episodes import Episodes, build_episodes
from casework.engine.table import FAR, I64, EventTable, child_day_key
from casework.standards.model import Kind, Standard
from casework.standards.vocabulary import vocabulary


@dataclass(frozen=True)
class Triggers:
    """One row per trigger (in table order): the facts every kind of standard needs."""

    child: I64
    day: I64
    at: I64
    row: I64  # table row of the trigger event (for birthdays: the child's last row that day)
    seq: I64  # ordinal among the child's triggers for this standard
    etype: I64  # event type code, or -1 for a birthday
    episode: I64  # episode_id code, or -1
    ep_end: I64  # end day of the episode the trigger belongs to (FAR if none or open)

    def take(self, keep: I64 | np.ndarray) -> Triggers:
        return Triggers(*(getattr(self, f)[keep] for f in Triggers.__dataclass_fields__))


class EpisodeCache:
    def __init__(self, table: EventTable) -> None:
        self.table = table
        self._built: dict[str, Episodes] = {}

    def get(self, name: str) -> Episodes:
        if name not in self._built:
            self._built[name] = build_episodes(self.table, vocabulary().episodes[name])
        return self._built[name]


def ordinal_within_child(child: I64) -> I64:
    """1, 2, 3... restarting for each child (rows must be grouped by child)."""
    if len(child) == 0:
        return child.copy()
    starts = np.flatnonzero(np.r_[True, child[1:] != child[:-1]])
    counts = np.diff(np.r_[starts, len(child)])
    return np.arange(len(child)) - np.repeat(starts, counts) + 1


def find_triggers(
    table: EventTable, standard: Standard, as_of_day: int, episodes: EpisodeCache
) -> Triggers:
    trigger = standard.trigger
    if trigger.birthday is not None:
        # A "before" standard's due date comes ahead of its birthday, so a birthday still to
        # come opens it: "by the 17th birthday" is owed, and shown, before that day.
        upto = int(FAR) if standard.kind is Kind.BEFORE else as_of_day
        t = _birthdays(table, trigger.birthday, upto)
    else:
        rows = table.select(trigger.match)
        t = Triggers(
            child=table.child[rows],
            day=table.day[rows],
            at=table.at[rows],
            row=rows,
            seq=ordinal_within_child(table.child[rows]),
            etype=table.etype[rows],
            episode=table.episode[rows],
            ep_end=np.full(len(rows), FAR, dtype=np.int64),
        )
    if standard.episode is None or len(t.child) == 0:
        return t
    eps = episodes.get(standard.episode)
    where = eps.locate(t.child, t.row, t.day)
    inside = where >= 0
    t = t.take(inside)
    where = where[inside]
    return Triggers(
        child=t.child,
        day=t.day,
        at=t.at,
        row=t.row,
        seq=t.seq,
        etype=t.etype,
        episode=eps.episode[where],
        ep_end=eps.end_day[where],
    )


def _birthdays(table: EventTable, age: int, as_of_day: int) -> Triggers:
    births = table.rows_of_type("birth")
    # A child's first recorded date of birth is the one used.
    if len(births):
        first = np.r_[True, table.child[births][1:] != table.child[births][:-1]]
        births = births[first]
    child = table.child[births]
    day = add_months(table.day[births], 12 * age)
    keep = day <= as_of_day
    child, day = child[keep], day[keep]
    row = np.searchsorted(table.key, child_day_key(child, day), side="right") - 1
    n = len(child)
    return Triggers(
        child=child,
        day=day,
        at=np.full(n, -(2**62), dtype=np.int64),
        row=row,
        seq=np.ones(n, dtype=np.int64),
        etype=np.full(n, -1, dtype=np.int64),
        episode=np.full(n, -1, dtype=np.int64),
        ep_end=np.full(n, FAR, dtype=np.int64),
    )
