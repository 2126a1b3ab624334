"""Read and write events files in the CLI contract's CSV format.

Columns: `child_id`, `event`, `occurred` (ISO date or date-time) required; `recorded`,
`episode_id`, `worker`, `source` optional; every other column is a detail. Bad input stops
with an `InputError` naming the file, line and column; nothing is half-read.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from casework.engine.types import Event
from casework.standards.vocabulary import vocabulary

LONDON = ZoneInfo("Europe/London")
REQUIRED = ("child_id", "event", "occurred")
OPTIONAL = ("recorded", "episode_id", "worker", "source")
# Errors beyond this many are counted, not listed, so a broken file gives a readable message.
MAX_LISTED = 20


@dataclass(frozen=True)
class InputProblem:
    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        column = f" column '{self.column}':" if self.column else ""
        return f"{where}:{column} {self.message}"


class InputError(ValueError):
    def __init__(self, problems: Sequence[InputProblem], total: int | None = None) -> None:
        self.problems = tuple(problems)
        self.total = total if total is not None else len(problems)
        lines = [str(p) for p in self.problems[:MAX_LISTED]]
        if self.total > len(lines):
            lines.append(f"... and {self.total - len(lines)} more problems")
        super().__init__("\n".join(lines))


def parse_when(text: str) -> tuple[dt.date, dt.datetime | None]:
    """An ISO date or date-time: the date, and the (naive, local) date-time if given."""
    value = text.strip()
    if len(value) == 10:
        return dt.date.fromisoformat(value), None
    when = dt.datetime.fromisoformat(value.replace(" ", "T", 1))
    if when.tzinfo is not None:
        # A time with an offset (or Z) is turned into the time in England.
        when = when.astimezone(LONDON).replace(tzinfo=None)
    return when.date(), when


def read_events(path: Path | str, *, known_events: Iterable[str] | None = None) -> list[Event]:
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return _read(handle, str(path), known_events)
    except OSError as exc:
        raise InputError([InputProblem(str(path), 0, "", f"cannot read: {exc.strerror}")]) from None
    except UnicodeDecodeError:
        raise InputError(
            [InputProblem(str(path), 0, "", "is not UTF-8 text; save it as CSV UTF-8")]
        ) from None


def _read(handle: TextIO, name: str, known_events: Iterable[str] | None) -> list[Event]:
    known = set(known_events) if known_events is not None else set(vocabulary().events)
    reader = csv.reader(handle)
    header = next(reader, None)
    if header is None:
        raise InputError([InputProblem(name, 1, "", "is empty: expected a header row")])
    columns = [c.strip() for c in header]
    problems: list[InputProblem] = []
    total = 0

    def problem(line: int, column: str, message: str) -> None:
        nonlocal total
        total += 1
        if len(problems) < MAX_LISTED:
            problems.append(InputProblem(name, line, column, message))

    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        problem(1, missing[0], f"missing required column(s): {', '.join(missing)}")
        raise InputError(problems, total)
    dupes = sorted({c for c in columns if columns.count(c) > 1})
    if dupes:
        problem(1, dupes[0], "column appears more than once")
        raise InputError(problems, total)
    index = {c: i for i, c in enumerate(columns)}
    detail_columns = [c for c in columns if c not in REQUIRED and c not in OPTIONAL and c]
    events: list[Event] = []
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            problem(line, "", f"has {len(row)} fields; the header has {len(columns)}")
            continue

        def cell(column: str, row: list[str] = row) -> str:
            i = index.get(column)
            return row[i].strip() if i is not None else ""

        child_id = cell("child_id")
        if not child_id:
            problem(line, "child_id", "is empty")
        kind = cell("event")
        if kind not in known:
            problem(line, "event", f"unknown event type {kind!r}")
        try:
            occurred, occurred_at = parse_when(cell("occurred"))
        except ValueError:
            problem(line, "occurred", f"{cell('occurred')!r} is not an ISO date or date-time")
            continue
        recorded: dt.date | None = None
        recorded_at: dt.datetime | None = None
        if cell("recorded"):
            try:
                recorded, recorded_at = parse_when(cell("recorded"))
            except ValueError:
                problem(line, "recorded", f"{cell('recorded')!r} is not an ISO date or date-time")
                continue
        details = {c: cell(c) for c in detail_columns if cell(c)}
        events.append(
            Event(
                child_id=child_id,
                event=kind,
                occurred=occurred,
                occurred_at=occurred_at,
                recorded=recorded,
                recorded_at=recorded_at,
                episode_id=cell("episode_id"),
                worker=cell("worker"),
                details=details,
                row=line,
            )
        )
    if total:
        raise InputError(problems, total)
    return events


def _when(date: dt.date | None, at: dt.datetime | None) -> str:
    if at is not None:
        return at.isoformat(timespec="minutes")
    return date.isoformat() if date is not None else ""


def write_events(
    path: Path | str, events: Sequence[Event], *, sources: Sequence[str] | None = None
) -> None:
    """Write events in the contract's format; `sources` adds a `source` column."""
    detail_columns = sorted({k for e in events for k in e.details})
    header = ["child_id", "event", "occurred", "recorded", "episode_id", "worker"]
    if sources is not None:
        header.append("source")
    header += detail_columns
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for i, event in enumerate(events):
            row = [
                event.child_id,
                event.event,
                _when(event.occurred, event.occurred_at),
                _when(event.recorded, event.recorded_at),
                event.episode_id,
                event.worker,
            ]
            if sources is not None:
                row.append(sources[i])
            row += [event.details.get(c, "") for c in detail_columns]
            writer.writerow(row)
