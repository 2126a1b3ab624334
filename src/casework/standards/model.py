"""The standards language as typed Python objects (built by `loader`)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from casework.standards.timescale import Timescale


class Kind(enum.StrEnum):
    ONE_OFF = "one-off"  # X within T of Y
    RECURRING = "recurring"  # at least every T (first within T1...)
    RECORDING = "recording"  # an event written up within T of when it happened
    BEFORE = "before"  # X at least T before Y (a report before a conference)


class Op(enum.StrEnum):
    EQUALS = "equals"
    IN = "in"
    NOT_IN = "not in"
    PRESENT = "present"
    ABSENT = "absent"


@dataclass(frozen=True)
class Condition:
    """A test on one detail of an event. Values are compared as normalised text."""

    detail: str
    op: Op
    values: tuple[str, ...] = ()

    def describe(self) -> str:
        name = self.detail.replace("_", " ")
        if self.op is Op.PRESENT:
            return f"{name} is recorded"
        if self.op is Op.ABSENT:
            return f"{name} is not recorded"
        shown = " or ".join(_plain(v) for v in self.values)
        if self.op is Op.NOT_IN:
            return f"{name} is not {shown}"
        return f"{name} is {shown}"


def _plain(value: str) -> str:
    return {"true": "yes", "false": "no"}.get(value, value)


@dataclass(frozen=True)
class EventMatch:
    """Events of any of these types whose details pass every condition."""

    events: tuple[str, ...]
    where: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class Trigger:
    """What opens an obligation or anchors a chain: matching events, or a birthday."""

    match: EventMatch | None = None
    birthday: int | None = None  # the child's Nth birthday (needs a `birth` event)


@dataclass(frozen=True)
class Source:
    document: str  # the seed file's number, e.g. "002"
    section: str
    number: str = ""
    quote: str = ""

    def cite(self) -> str:
        number = f" · {self.number}" if self.number else ""
        return f"{self.document} · {self.section}{number}"


@dataclass(frozen=True)
class Standard:
    id: str
    title: str
    kind: Kind
    source: Source
    trigger: Trigger = field(default_factory=Trigger)
    # One-off, recording and before standards have one interval; a recurring standard has
    # its first, second... intervals, the last one repeating.
    intervals: tuple[Timescale, ...] = ()
    met_by: EventMatch | None = None
    episode: str | None = None
    waived_by: EventMatch | None = None
    case_types: tuple[str, ...] = ()
    checkable: bool = True
    reason: str = ""
    line: int = 0
    file: str = ""

    def interval(self, k: int) -> Timescale:
        """The interval for the kth obligation of a chain (k from 1)."""
        return self.intervals[min(k, len(self.intervals)) - 1]


@dataclass(frozen=True)
class Pack:
    name: str
    title: str
    version: str
    calendar: str
    description: str
    standards: tuple[Standard, ...]
    path: str = ""

    def get(self, standard_id: str) -> Standard:
        for standard in self.standards:
            if standard.id == standard_id:
                return standard
        raise KeyError(standard_id)

    @property
    def checkable(self) -> tuple[Standard, ...]:
        return tuple(s for s in self.standards if s.checkable)
