"""Obligations as columns (what the engine produces), and as objects and CSV rows."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

import numpy as np

from casework.engine.dates import iso_days
from casework.engine.table import I64, NA, EventTable, datetime_of, day_of
from casework.engine.types import Obligation, Status

STATUSES: tuple[Status, ...] = (Status.MET, Status.LATE, Status.OVERDUE, Status.OPEN)
MET, LATE, OVERDUE, OPEN = range(4)

COLUMNS = (
    "child_id",
    "standard",
    "sequence",
    "trigger",
    "trigger_event",
    "due",
    "due_at",
    "status",
    "met_on",
    "met_event",
    "episode_id",
)


@dataclass(frozen=True)
class Part:
    """Obligations of one standard, before they are put together."""

    child: I64
    seq: I64
    trigger_day: I64
    trigger_type: I64  # event type code, or -1 for a birthday
    due_day: I64
    due_at: I64
    status: I64
    met_day: I64
    met_type: I64
    episode: I64

    def take(self, keep: I64 | np.ndarray) -> Part:
        return Part(*(getattr(self, f)[keep] for f in Part.__dataclass_fields__))


def _order(child: I64, standard: I64, day: I64, seq: I64) -> I64:
    """The permutation sorting by (child, standard, day, seq), stable.

    Packing the four columns into one integer sorts several times faster than lexsort;
    where they do not fit in 63 bits, lexsort does it.
    """
    if len(child) == 0:
        return np.empty(0, dtype=np.int64)
    lo = int(day.min())
    widths = [int(child.max()) + 1, int(standard.max()) + 1, int(day.max()) - lo + 1]
    widths.append(int(seq.max()) + 1)
    bits = [max(1, w.bit_length()) for w in widths]
    if sum(bits) > 63:
        return np.lexsort((seq, day, standard, child))
    key = child.copy()
    for column, width in ((standard, bits[1]), (day - lo, bits[2]), (seq, bits[3])):
        key = (key << width) | column
    return np.argsort(key, kind="stable")


@dataclass(frozen=True)
class ObligationTable:
    """All obligations, sorted by child, standard, trigger date and sequence."""

    standards: tuple[str, ...]
    child_ids: list[str]
    type_names: list[str]
    episode_ids: list[str]
    standard: I64
    part: Part

    def __len__(self) -> int:
        return len(self.standard)

    @classmethod
    def assemble(cls, table: EventTable, parts: Sequence[tuple[str, Part]]) -> ObligationTable:
        ids = tuple(sorted({sid for sid, _ in parts}))
        rank = {sid: i for i, sid in enumerate(ids)}
        if parts:
            standard = np.concatenate(
                [np.full(len(p.child), rank[sid], dtype=np.int64) for sid, p in parts]
            )
            fields = Part.__dataclass_fields__
            merged = Part(*(np.concatenate([getattr(p, f) for _, p in parts]) for f in fields))
        else:
            standard = np.empty(0, dtype=np.int64)
            merged = Part(*(np.empty(0, dtype=np.int64) for _ in Part.__dataclass_fields__))
        perm = _order(merged.child, standard, merged.trigger_day, merged.seq)
        return cls(
            standards=ids,
            child_ids=table.child_ids,
            type_names=table.type_names,
            episode_ids=table.episode_ids,
            standard=standard[perm],
            part=merged.take(perm),
        )

    def counts(self) -> dict[str, int]:
        values = np.bincount(self.part.status, minlength=4)
        return {str(s): int(values[i]) for i, s in enumerate(STATUSES)}

    def _type_name(self, code: int) -> str:
        return "birthday" if code < 0 else self.type_names[code]

    def to_list(self) -> list[Obligation]:
        p = self.part
        out = []
        for i in range(len(self)):
            due_at = int(p.due_at[i])
            met = int(p.met_day[i])
            episode = int(p.episode[i])
            out.append(
                Obligation(
                    child_id=self.child_ids[int(p.child[i])],
                    standard=self.standards[int(self.standard[i])],
                    sequence=int(p.seq[i]),
                    trigger=day_of(int(p.trigger_day[i])),
                    trigger_event=self._type_name(int(p.trigger_type[i])),
                    due=day_of(int(p.due_day[i])),
                    status=STATUSES[int(p.status[i])],
                    met_on=None if met == NA else day_of(met),
                    met_event="" if met == NA else self._type_name(int(p.met_type[i])),
                    episode_id="" if episode < 0 else self.episode_ids[episode],
                    due_at=None if due_at == NA else datetime_of(due_at),
                )
            )
        return out

    def rows(self) -> list[dict[str, str | int]]:
        """The obligations as plain rows (for CSV and JSON output)."""
        p = self.part
        children = np.array(self.child_ids, dtype=object)
        standards = np.array(self.standards, dtype=object)
        names = np.array([*self.type_names, "birthday"], dtype=object)
        episodes = np.array([*self.episode_ids, ""], dtype=object)
        due = iso_days(p.due_day)
        trigger = iso_days(p.trigger_day)
        met = iso_days(p.met_day)
        child_col = children[p.child]
        std_col = standards[self.standard]
        trig_col = names[p.trigger_type]
        met_type = names[p.met_type]
        ep_col = episodes[p.episode]
        out: list[dict[str, str | int]] = []
        for i in range(len(self)):
            due_at = int(p.due_at[i])
            out.append(
                {
                    "child_id": str(child_col[i]),
                    "standard": str(std_col[i]),
                    "sequence": int(p.seq[i]),
                    "trigger": trigger[i],
                    "trigger_event": str(trig_col[i]),
                    "due": due[i],
                    "due_at": "" if due_at == NA else datetime_of(due_at).isoformat(),
                    "status": str(STATUSES[int(p.status[i])]),
                    "met_on": met[i],
                    "met_event": str(met_type[i]) if met[i] else "",
                    "episode_id": str(ep_col[i]),
                }
            )
        return out

    def write_csv(self, handle: TextIO) -> None:
        """Write CSV to an open text file (opened with newline="")."""
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows())

    def write_json(self, handle: TextIO) -> None:
        handle.write(json.dumps(self.rows(), indent=1) + "\n")
