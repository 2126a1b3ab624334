"""Obligations as columns for counting compliance: what the refresh reads back from the
database and what `compute_series` counts within periods and groups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from casework.engine import Obligation, Status

STATUSES = ("met", "late", "overdue")
Days = npt.NDArray[np.datetime64]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Owed:
    """Obligations as columns: child, standard, due date and status (0 met, 1 late,
    2 overdue). Open obligations are left out, as compliance leaves them out. Children and
    standards are held as integer codes into `people` and `names`, so that hundreds of
    thousands of obligations are a few arrays rather than Python objects."""

    people: tuple[str, ...]  # the children, each once
    child: Ints  # each obligation's child, an index into people
    names: tuple[str, ...]  # the standards, each once
    standard: Ints  # each obligation's standard, an index into names
    due: Days
    status: npt.NDArray[np.int8]

    @property
    def child_ids(self) -> list[str]:
        people = self.people
        return [people[i] for i in self.child.tolist()]

    @property
    def standards(self) -> list[str]:
        names = self.names
        return [names[i] for i in self.standard.tolist()]

    def __len__(self) -> int:
        return len(self.child)

    @classmethod
    def of(cls, obligations: Iterable[Obligation]) -> Owed:
        rows = [
            (o.child_id, o.standard, o.due, STATUSES.index(str(o.status)))
            for o in obligations
            if o.status is not Status.OPEN
        ]
        return cls._build(rows)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, dt.date, str]], as_of: dt.date) -> Owed:
        """From stored rows (child, standard, due, status) worked out on some earlier day:
        an open obligation whose day has passed by `as_of` counts as overdue."""
        out = []
        for child, standard, due, status in rows:
            if status == Status.OPEN:
                if due >= as_of:
                    continue
                status = Status.OVERDUE
            out.append((child, standard, due, STATUSES.index(status)))
        return cls._build(out)

    @classmethod
    def from_columns(
        cls,
        child_ids: Sequence[str],
        standards: Sequence[str],
        due: Sequence[dt.date | str],
        status: Sequence[str],
        as_of: dt.date,
    ) -> Owed:
        """As `from_rows`, from columns (dates as dates or ISO text)."""
        codes = {"met": 0, "late": 1, "overdue": 2, "open": 3}
        return cls.from_codes(
            child_ids,
            standards,
            np.array(due, dtype="datetime64[D]"),
            np.array([codes[s] for s in status], dtype=np.int8),
            as_of,
        )

    @classmethod
    def from_codes(
        cls,
        child_ids: Sequence[str],
        standards: Sequence[str],
        due: Days,
        status: npt.NDArray[np.int8],
        as_of: dt.date,
    ) -> Owed:
        """From arrays: due dates, and statuses coded 0 met, 1 late, 2 overdue, 3 open."""
        people, child = coded(child_ids)
        names, standard = coded(standards)
        return cls.from_coded(people, child, names, standard, due, status, as_of)

    @classmethod
    def from_coded(
        cls,
        people: Sequence[str],
        child: Ints,
        names: Sequence[str],
        standard: Ints,
        due: Days,
        status: npt.NDArray[np.int8],
        as_of: dt.date,
    ) -> Owed:
        """From arrays throughout: children and standards as indexes into `people` and
        `names`, statuses coded 0 met, 1 late, 2 overdue, 3 open."""
        found = np.asarray(status, dtype=np.int8).copy()
        opened = found == 3
        keep = ~opened | (due < np.datetime64(as_of, "D"))
        found[opened] = 2  # an open obligation whose day has passed is overdue
        return cls(
            people=tuple(people),
            child=np.asarray(child, dtype=np.int64)[keep],
            names=tuple(names),
            standard=np.asarray(standard, dtype=np.int64)[keep],
            due=np.asarray(due, dtype="datetime64[D]")[keep],
            status=found[keep],
        )

    @classmethod
    def _build(cls, rows: list[tuple[str, str, dt.date, int]]) -> Owed:
        people, child = coded([r[0] for r in rows])
        names, standard = coded([r[1] for r in rows])
        return cls(
            people=tuple(people),
            child=child,
            names=tuple(names),
            standard=standard,
            due=np.array([r[2] for r in rows], dtype="datetime64[D]"),
            status=np.array([r[3] for r in rows], dtype=np.int8),
        )

    def obligations(self, keep: npt.NDArray[np.bool_] | None = None) -> list[Obligation]:
        """As engine obligations (for `compute`); only the fields compliance reads are real."""
        out = []
        for i in np.flatnonzero(keep) if keep is not None else range(len(self.child)):
            due = self.due[i].astype(dt.date)
            out.append(
                Obligation(
                    child_id=self.people[int(self.child[i])],
                    standard=self.names[int(self.standard[i])],
                    sequence=0,
                    trigger=due,
                    trigger_event="",
                    due=due,
                    status=Status(STATUSES[int(self.status[i])]),
                )
            )
        return out


def coded(values: Sequence[str]) -> tuple[list[str], Ints]:
    """The distinct values in order of first appearance, and each value's index."""
    index: dict[str, int] = {}
    codes = np.fromiter(
        (index.setdefault(v, len(index)) for v in values), dtype=np.int64, count=len(values)
    )
    return list(index), codes
