"""Collecting the events a return converts to, with the source of each, and its children."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from casework.engine.types import Event
from casework.interchange.errors import ErrorRow, Problems, Why, by_reason
from casework.interchange.tables import Record


@dataclass
class Conversion:
    """A return converted to events: `sources[i]` names the file (and sheet) and row(s)
    that `events[i]` came from; `errors` is the error report."""

    kind: str
    path: Path
    events: list[Event]
    sources: list[str]
    errors: list[ErrorRow]
    children: list[str]  # every child found in any table, sorted
    adopters: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # data rows read, by table

    def events_by_type(self) -> dict[str, int]:
        return dict(sorted(Counter(e.event for e in self.events).items()))

    def errors_by_reason(self) -> dict[str, int]:
        return by_reason(self.errors)

    def source_rows(self) -> set[tuple[str, str, int]]:
        """(file, sheet, row) of every input row named as the source of an event."""
        rows: set[tuple[str, str, int]] = set()
        for source in self.sources:
            for part in source.split("; "):
                file, _, rest = part.partition(":")
                sheet, _, row = rest.rpartition(":")
                rows.add((file, sheet, int(row) if row.isdigit() else 0))
        return rows

    def unaccounted(self, rows: Iterable[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
        """The input rows (file, sheet, row) that are neither the source of an event nor
        in the error report: none, when nothing was lost."""
        sources = self.source_rows()
        return [
            (file, sheet, row)
            for file, sheet, row in rows
            if (file, sheet, row) not in sources
            and not any(e.covers(file, sheet, row) for e in self.errors)
        ]

    def unaccounted_spans(
        self, file: str, spans: Iterable[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """The line spans (an XML element from its first line to its last) with no event
        from any line in them and no error about them."""
        lines = {row for f, _, row in self.source_rows() if f == file}
        errors = [e for e in self.errors if e.file == file]
        return [
            (start, end)
            for start, end in spans
            if not any(start <= line <= end for line in lines)
            and not any(start <= e.row <= end for e in errors)
            and not any(0 < e.row <= start and e.why == Why.READING_STOPPED for e in errors)
        ]

    @property
    def counts(self) -> dict[str, int]:
        return {
            "children": len(self.children),
            "adopters": len(self.adopters),
            "rows": sum(self.rows.values()),
            "events": len(self.events),
            "errors": len(self.errors),
        }


@dataclass
class _Birth:
    record: Record  # where the child was first seen with facts about them
    dob_field: str
    dob: dt.date | None = None
    details: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    has_facts: bool = False
    # Every row named among the sources, so each can be reported if no date of birth is
    # ever found and the birth event is not made.
    rows: list[tuple[Record, str]] = field(default_factory=list)


class Builder:
    """Events in the order they are found; `merge` names the event types for which the same
    event (child, type, date) found twice is kept once, with both sources."""

    def __init__(self, problems: Problems, *, merge: Collection[str] = ()) -> None:
        self.problems = problems
        self.merge = frozenset(merge)
        self.events: list[Event] = []
        self.sources: list[list[str]] = []
        self.children: set[str] = set()
        self.adopters: set[str] = set()
        self._seen: dict[tuple[str, str, dt.date], int] = {}
        # Counts every row that became (part of) an event, so that a row that gave nothing
        # and was not reported can be found.
        self.touched = 0
        self._births: dict[str, _Birth] = {}

    def child(self, child_id: str) -> None:
        self.children.add(child_id)

    def add(
        self,
        child_id: str,
        kind: str,
        occurred: dt.date | None,
        source: str,
        *,
        worker: str = "",
        details: Mapping[str, str] | None = None,
    ) -> bool:
        """Add an event (nothing when the date is missing); True when one was added."""
        if occurred is None or not child_id:
            return False
        clean = {k: v for k, v in (details or {}).items() if v}
        if kind in self.merge:
            key = (child_id, kind, occurred)
            at = self._seen.get(key)
            if at is not None:
                old = self.events[at]
                merged = {**clean, **old.details}
                if merged != old.details or (worker and not old.worker):
                    self.events[at] = Event(
                        child_id=child_id,
                        event=kind,
                        occurred=occurred,
                        worker=old.worker or worker,
                        details=merged,
                        row=old.row,
                    )
                if source not in self.sources[at]:
                    self.sources[at].append(source)
                self.touched += 1
                return True
            self._seen[key] = len(self.events)
        self.events.append(
            Event(
                child_id=child_id,
                event=kind,
                occurred=occurred,
                worker=worker,
                details=clean,
                row=_row_of(source),
            )
        )
        self.sources.append([source])
        self.touched += 1
        return True

    def birth(
        self,
        child_id: str,
        record: Record,
        dob_field: str,
        *,
        sex: str = "",
        ethnicity: str = "",
        disability: str = "",
        uasc: str = "",
        required: bool = False,
        keep_source: bool = False,
    ) -> None:
        """Facts for the child's `birth` event, from one row. The date of birth is read
        from `dob_field` (a blank one is reported when `required`); a different date of
        birth from a later row is reported. `keep_source` names the row among the birth
        event's sources even when it adds nothing new."""
        if not child_id:
            return
        self.children.add(child_id)
        dob = record.date(dob_field, required=required) if dob_field else None
        facts = {"sex": sex, "ethnicity": ethnicity, "disability": disability, "uasc": uasc}
        entry = self._births.get(child_id)
        if entry is None:
            entry = self._births[child_id] = _Birth(record, dob_field)
        contributed = False
        if dob is not None:
            if entry.dob is None:
                entry.dob = dob
                contributed = True
            elif entry.dob != dob:
                record.report(dob_field, Why.DOB_DIFFERS)
        for key, value in facts.items():
            if value and not entry.details.get(key):
                entry.details[key] = value
                contributed = True
        if any(facts.values()):
            entry.has_facts = True
        if contributed or keep_source:
            source = record.source(dob_field)
            if source not in entry.sources:
                entry.sources.append(source)
                entry.rows.append((record, dob_field))
            self.touched += 1

    def convert_row(self, record: Record, convert: Callable[[Record, Builder], None]) -> None:
        """Convert one row; a row that gives no event and no error is reported."""
        before = (self.touched, len(self.problems))
        convert(record, self)
        if (self.touched, len(self.problems)) == before:
            record.report_row(Why.NOTHING_CONVERTED)

    def finish(self, kind: str, path: Path, rows: Mapping[str, int]) -> Conversion:
        for child_id, entry in self._births.items():
            if entry.dob is None:
                for record, dob_field in [(entry.record, entry.dob_field), *entry.rows]:
                    if not record.was_reported(dob_field):
                        record.report(dob_field, Why.NO_DOB, "")
                continue
            details = {k: v for k, v in entry.details.items() if v}
            self.events.append(
                Event(
                    child_id=child_id,
                    event="birth",
                    occurred=entry.dob,
                    details=details,
                    row=_row_of(entry.sources[0]) if entry.sources else 0,
                )
            )
            self.sources.append(entry.sources)
        order = sorted(
            range(len(self.events)),
            key=lambda i: (self.events[i].child_id, self.events[i].occurred, i),
        )
        return Conversion(
            kind=kind,
            path=path,
            events=[self.events[i] for i in order],
            sources=["; ".join(self.sources[i]) for i in order],
            errors=list(self.problems.rows),
            children=sorted(self.children),
            adopters=sorted(self.adopters),
            rows=dict(rows),
        )


def _row_of(source: str) -> int:
    tail = source.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0
