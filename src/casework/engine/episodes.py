"""Episodes (a plan, a period in care...) from their start and end events."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from casework.engine.table import FAR, I64, EventTable, child_day_key
from casework.standards.vocabulary import EpisodeType


@dataclass(frozen=True)
class Episodes:
    """Every episode of one type, sorted by the table position of its start event."""

    child: I64
    start_day: I64
    start_row: I64
    end_day: I64  # FAR while open
    episode: I64  # episode_id code of the start event, or -1

    def locate(self, child: I64, row: I64, day: I64) -> I64:
        """The episode each trigger (child, table row, day) belongs to, or -1.

        A trigger that is an episode's start event belongs to that episode; any other to
        the most recently started episode open on its day (start <= day <= end).
        """
        out = np.full(len(child), -1, dtype=np.int64)
        if len(self.child) == 0:
            return out
        own = np.searchsorted(self.start_row, row)
        own_safe = np.minimum(own, len(self.start_row) - 1)
        is_start = self.start_row[own_safe] == row
        out[is_start] = own_safe[is_start]
        # Others: walk back from the last episode started on or before the day until one
        # is open (more than one step only where episodes with ids overlap).
        keys = child_day_key(self.child, self.start_day)
        todo = np.flatnonzero(~is_start)
        idx = np.searchsorted(keys, child_day_key(child[todo], day[todo]), side="right") - 1
        while len(todo):
            safe = np.maximum(idx, 0)
            same = (idx >= 0) & (self.child[safe] == child[todo])
            hit = same & (self.end_day[safe] >= day[todo])
            out[todo[hit]] = idx[hit]
            more = same & ~hit
            todo, idx = todo[more], idx[more] - 1
        return out


def build_episodes(table: EventTable, kind: EpisodeType) -> Episodes:
    """Pair starts with ends.

    Events with an episode_id pair by id (the first end with that id after the start).
    Events without one
    pair in order for each child: an end closes the open episode, a start while one is open
    closes it that day, and an end with none open is ignored.
    """
    starts = table.rows_of_type(kind.starts)
    ends = table.rows_of_type(kind.ends)
    with_id = table.episode[starts] >= 0
    parts = [_by_id(table, starts[with_id], ends[table.episode[ends] >= 0])]
    parts.append(_in_order(table, starts[~with_id], ends[table.episode[ends] < 0]))
    start_row = np.concatenate([p[0] for p in parts])
    end_day = np.concatenate([p[1] for p in parts])
    perm = np.argsort(start_row, kind="stable")
    start_row, end_day = start_row[perm], end_day[perm]
    return Episodes(
        child=table.child[start_row],
        start_day=table.day[start_row],
        start_row=start_row,
        end_day=end_day,
        episode=table.episode[start_row],
    )


def _by_id(table: EventTable, starts: I64, ends: I64) -> tuple[I64, I64]:
    if len(starts) == 0:
        return starts, np.empty(0, dtype=np.int64)
    width = len(table.episode_ids) + 1
    # The first start of each (child, id) opens the episode; later ones are ignored.
    key = table.child[starts] * width + table.episode[starts]
    _, first = np.unique(key, return_index=True)
    starts = np.sort(starts[first])
    end_day = np.full(len(starts), FAR, dtype=np.int64)
    if len(ends):
        # The first end with the same id that comes after the start closes it.
        rows = len(table.child) + 1
        skey = (table.child[starts] * width + table.episode[starts]) * rows + starts
        ekey = np.sort((table.child[ends] * width + table.episode[ends]) * rows + ends)
        nxt = np.searchsorted(ekey, skey, side="right")
        safe = np.minimum(nxt, len(ekey) - 1)
        has = (nxt < len(ekey)) & (ekey[safe] // rows == skey // rows)
        end_day = np.where(has, table.day[ekey[safe] % rows], FAR)
    return starts, end_day


def _in_order(table: EventTable, starts: I64, ends: I64) -> tuple[I64, I64]:
    if len(starts) == 0:
        return starts, np.empty(0, dtype=np.int64)
    rows = np.concatenate([starts, ends])
    is_end = np.concatenate([np.zeros(len(starts), bool), np.ones(len(ends), bool)])
    perm = np.argsort(rows, kind="stable")
    rows, is_end = rows[perm], is_end[perm]
    nxt = np.arange(1, len(rows) + 1)
    has_next = nxt < len(rows)
    nxt = np.minimum(nxt, len(rows) - 1)
    same_child = has_next & (table.child[rows[nxt]] == table.child[rows])
    end_day = np.where(same_child, table.day[rows[nxt]], FAR)
    return rows[~is_end], end_day[~is_end]
