"""The engine's inputs and outputs: events in, obligations out."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field


class Status(enum.StrEnum):
    MET = "met"  # met on or before the due date
    LATE = "late"  # met, after the due date
    OVERDUE = "overdue"  # due before the as-of date, not met
    OPEN = "open"  # due on or after the as-of date, not met yet


@dataclass(frozen=True)
class Event:
    """One recorded fact about a child.

    `occurred` and `recorded` are calendar dates; `occurred_at` and `recorded_at` carry the
    wall-clock time in England (naive) when the source gave one.
    """

    child_id: str
    event: str
    occurred: dt.date
    occurred_at: dt.datetime | None = None
    recorded: dt.date | None = None
    recorded_at: dt.datetime | None = None
    episode_id: str = ""
    worker: str = ""
    details: Mapping[str, str] = field(default_factory=dict)
    row: int = 0  # where it came from (line of the events file), for messages


@dataclass(frozen=True)
class Obligation:
    """Something owed for a child under one standard, and how it stands as of a date."""

    child_id: str
    standard: str
    sequence: int  # k: 1 for a one-off, the position in the chain for a recurring standard
    trigger: dt.date  # the trigger's date (one-off) or the anchor a(k) (recurring)
    trigger_event: str  # the event type that triggered or anchored it, or "birthday"
    due: dt.date
    status: Status
    met_on: dt.date | None = None
    met_event: str = ""
    episode_id: str = ""
    due_at: dt.datetime | None = None  # for standards counted in hours, when a time is known

    def key(self) -> tuple[str, str, int, dt.date]:
        return (self.child_id, self.standard, self.sequence, self.trigger)
