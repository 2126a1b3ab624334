"""Events as columns: the engine's working form.

Events are held as NumPy arrays sorted by (child, date, input order), so that every
standard can pick out its trigger and qualifying events with array operations, and
"the first event on or after day D for this child" is a binary search.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from casework.engine.types import Event
from casework.standards.model import Condition, EventMatch, Op
from casework.standards.values import normalise

I64 = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]
Obj = npt.NDArray[np.object_]

# Sentinels in day and second columns: NA means "not known"; FAR means "never" (an episode
# that has not ended).
NA = np.int64(-(2**62))
FAR = np.int64(2**40)
EPOCH = dt.date(1970, 1, 1)
EPOCH_DT = dt.datetime(1970, 1, 1)  # noqa: DTZ001 - wall-clock time in England, kept naive
DAY_BITS = 21  # days are offset by 2**20, so 1970 +/- 2,800 years fit
DAY_OFFSET = 2**20


def day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def day_of(number: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(number))


def second_number(when: dt.datetime) -> int:
    return int((when - EPOCH_DT).total_seconds())


def datetime_of(number: int) -> dt.datetime:
    return EPOCH_DT + dt.timedelta(seconds=int(number))


_ORDINAL = EPOCH.toordinal()
_NA = int(NA)


def _days(values: list[dt.date | None]) -> I64:
    """Dates as days since 1970 (NA for None)."""
    return np.fromiter(
        (_NA if v is None else v.toordinal() - _ORDINAL for v in values),
        dtype=np.int64,
        count=len(values),
    )


def _seconds(values: list[dt.datetime | None]) -> I64:
    """Wall-clock date-times as seconds since 1970 (NA for None)."""
    second = dt.timedelta(seconds=1)
    return np.fromiter(
        (_NA if v is None else (v - EPOCH_DT) // second for v in values),
        dtype=np.int64,
        count=len(values),
    )


def child_day_key(child: I64, day: I64) -> I64:
    """A sortable key for (child, day), for binary searches within one child's events."""
    return (child << DAY_BITS) | (day + DAY_OFFSET)


@dataclass
class EventTable:
    """All events, sorted by (child, day, input order)."""

    child_ids: list[str]  # child code -> child_id
    type_names: list[str]  # type code -> event type
    child: I64
    etype: I64
    day: I64  # occurred, as days since 1970-01-01
    at: I64  # occurred, as seconds since 1970-01-01 (wall clock), or NA
    rec_day: I64  # recorded date, or NA
    rec_at: I64  # recorded date-time, or NA
    episode: I64  # episode_id code, or -1
    episode_ids: list[str]
    order: I64  # position in the input
    raw_details: list[Mapping[str, str]] = field(repr=False)
    _type_rows: dict[int, I64] = field(default_factory=dict, repr=False)
    _detail_cache: dict[str, Obj] = field(default_factory=dict, repr=False)
    _key: I64 | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.child)

    @property
    def key(self) -> I64:
        if self._key is None:
            self._key = child_day_key(self.child, self.day)
        return self._key

    @classmethod
    def from_events(cls, events: Sequence[Event]) -> EventTable:
        n = len(events)
        child_codes: dict[str, int] = {}
        type_codes: dict[str, int] = {}
        episode_codes: dict[str, int] = {"": -1}  # no episode id is coded -1
        child = [child_codes.setdefault(e.child_id, len(child_codes)) for e in events]
        etype = [type_codes.setdefault(e.event, len(type_codes)) for e in events]
        episode = [episode_codes.setdefault(e.episode_id, len(episode_codes) - 1) for e in events]
        table = cls(
            child_ids=list(child_codes),
            type_names=list(type_codes),
            child=np.array(child, dtype=np.int64),
            etype=np.array(etype, dtype=np.int64),
            day=_days([e.occurred for e in events]),
            at=_seconds([e.occurred_at for e in events]),
            rec_day=_days([e.recorded for e in events]),
            rec_at=_seconds([e.recorded_at for e in events]),
            episode=np.array(episode, dtype=np.int64),
            episode_ids=[k for k in episode_codes if k],
            order=np.arange(n, dtype=np.int64),
            # Details stay as given (events are not changed once made); they are read on
            # demand for the rows a condition needs.
            raw_details=[e.details for e in events],
        )
        return table.sorted()

    def sorted(self) -> EventTable:
        """Sort by child id (as text), then day, then input order."""
        names = np.array(self.child_ids, dtype=object)
        rank = np.empty(len(names), dtype=np.int64)
        rank[np.argsort(names, kind="stable")] = np.arange(len(names))
        # Recode children so that codes follow child_id order: outputs come out sorted.
        child = rank[self.child] if len(self.child) else self.child
        child_ids = [str(x) for x in names[np.argsort(names, kind="stable")]]
        perm = np.lexsort((self.order, self.day, child))
        return self._take(perm, child=child[perm], child_ids=child_ids)

    def upto(self, as_of: dt.date) -> EventTable:
        """Only the events that occurred on or before `as_of`."""
        keep = self.day <= day_number(as_of)
        if keep.all():
            return self
        return self._take(np.flatnonzero(keep))

    def _take(self, rows: I64, **overrides: object) -> EventTable:
        details = [self.raw_details[i] for i in rows.tolist()]
        values: dict[str, object] = {
            "child_ids": self.child_ids,
            "type_names": self.type_names,
            "child": self.child[rows],
            "etype": self.etype[rows],
            "day": self.day[rows],
            "at": self.at[rows],
            "rec_day": self.rec_day[rows],
            "rec_at": self.rec_at[rows],
            "episode": self.episode[rows],
            "episode_ids": self.episode_ids,
            "order": self.order[rows],
            "raw_details": details,
        }
        values.update(overrides)
        return EventTable(**values)  # type: ignore[arg-type]

    # --- selecting events ----------------------------------------------------------

    def rows_of_type(self, name: str) -> I64:
        """Row positions of one event type, in table order."""
        if not self._type_rows:
            order = np.argsort(self.etype, kind="stable")
            bounds = np.searchsorted(self.etype[order], np.arange(len(self.type_names) + 1))
            for code in range(len(self.type_names)):
                self._type_rows[code] = order[bounds[code] : bounds[code + 1]]
        try:
            code = self.type_names.index(name)
        except ValueError:
            return np.empty(0, dtype=np.int64)
        return self._type_rows[code]

    def detail(self, name: str, rows: I64) -> Obj:
        """One detail for the given rows, normalised ('' where missing).

        Values are worked out the first time a row is asked for and kept.
        """
        column = self._detail_cache.get(name)
        if column is None:
            column = np.full(len(self.raw_details), None, dtype=object)
            self._detail_cache[name] = column
        values = column[rows]
        todo = rows[np.frompyfunc(lambda v: v is None, 1, 1)(values).astype(bool)]
        if len(todo):
            seen: dict[object, str] = {}
            fresh = []
            for i in todo.tolist():
                raw = self.raw_details[i].get(name)
                norm = seen.get(raw)
                if norm is None:
                    norm = seen[raw] = normalise(raw)
                fresh.append(norm)
            column[todo] = fresh
            values = column[rows]
        return values

    def select(self, match: EventMatch | None) -> I64:
        """Rows matching an event match, in table order."""
        if match is None:
            return np.empty(0, dtype=np.int64)
        parts = [self.rows_of_type(name) for name in match.events]
        rows = parts[0] if len(parts) == 1 else np.sort(np.concatenate(parts))
        for condition in match.where:
            if len(rows) == 0:
                break
            rows = rows[self._passes(condition, rows)]
        return rows

    def _passes(self, condition: Condition, rows: I64) -> Bool:
        values = self.detail(condition.detail, rows)
        if condition.op is Op.PRESENT:
            return np.asarray(values != "", dtype=bool)
        if condition.op is Op.ABSENT:
            return np.asarray(values == "", dtype=bool)
        hit = np.isin(values, np.array(condition.values, dtype=object))
        return ~hit if condition.op is Op.NOT_IN else hit

    def child_rows(self, child_id: str) -> I64:
        try:
            code = self.child_ids.index(child_id)
        except ValueError:
            return np.empty(0, dtype=np.int64)
        lo, hi = np.searchsorted(self.child, [code, code + 1])
        return np.arange(lo, hi, dtype=np.int64)


def table_of(events: EventTable | Iterable[Event]) -> EventTable:
    if isinstance(events, EventTable):
        return events
    return EventTable.from_events(list(events))
