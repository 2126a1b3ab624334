"""Indicators as data: what each one counts, where it comes from, and which way is better."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from casework.standards.model import EventMatch
from casework.standards.timescale import Timescale
from casework.standards.vocabulary import vocabulary


class Direction(enum.StrEnum):
    HIGHER = "higher"  # a higher figure is better
    LOWER = "lower"  # a lower figure is better


class Kind(enum.StrEnum):
    """How an indicator is counted from events. See docs/indicators.md."""

    COUNT = "count"  # children with an event in the period
    TIMELINESS = "timeliness"  # events in the period that came within a time of another
    REPEAT = "repeat"  # events in the period that followed an earlier one of the same kind
    DURATION = "duration"  # spans ending in the period that lasted at least a time
    SERVICE = "service"  # children with an event in the period, and whether a service followed
    COMPLIANCE = "compliance"  # obligations under the pack's standards falling due in the period
    SNAPSHOT = "snapshot"  # children in an episode at the end of the period, and what they had


class Test(enum.StrEnum):
    """What puts a child of a snapshot in the numerator (the events looked at are those in
    the window: the period, or `within` before its end)."""

    HAS = "has"  # at least `times` matching events
    LACKS = "lacks"  # no matching event
    LATEST = "latest"  # the latest event of the match's types meets its conditions


@dataclass(frozen=True)
class Source:
    document: str  # "Children in need census (Department for Education)"
    year: int | None  # the year (or first year) of the definition used; None if not given
    section: str = ""  # the measure's name or number in the document
    note: str = ""


@dataclass(frozen=True)
class Measure:
    """The counting rule. Which fields apply depends on the kind (checked on load)."""

    kind: Kind
    event: EventMatch | None = None  # the event counted (every kind but compliance)
    start: EventMatch | None = None  # timeliness: counted from; duration: the span's start
    within: Timescale | None = None  # timeliness, repeat (omitted: ever before)
    at_least: Timescale | None = None  # duration
    services: EventMatch | None = None  # service: events that show a service was provided
    provided: bool = True  # service: count those provided with it (or those not)
    standard: str = ""  # compliance: one standard's id ("" for every standard in the pack)
    count: tuple[str, ...] = ("met",)  # compliance: the statuses in the numerator
    # snapshot: children in this episode (a vocabulary episode name) at the end of the
    # period, in it for at least `in_for`, aged `ages` (first to last, inclusive) then;
    # `event` with `test` and `times` decides the numerator.
    episode: str = ""
    in_for: Timescale | None = None
    ages: tuple[int, int] | None = None
    test: Test = Test.HAS
    times: int = 1

    def event_types(self) -> frozenset[str]:
        """Every event type the measure reads (births are always read, for the cuts)."""
        names = {"birth"}
        for match in (self.event, self.start, self.services):
            if match is not None:
                names |= set(match.events)
        for episode in vocabulary().episodes.values():
            # an episode's start is read to place the events that end it (and for snapshots)
            if episode.ends in names or episode.name == self.episode:
                names |= {episode.starts, episode.ends}
        return frozenset(names)


@dataclass(frozen=True)
class Indicator:
    id: str
    title: str
    definition: str
    numerator: str
    denominator: str  # "" for a plain count of children
    direction: Direction
    measure: Measure
    source: Source
    file: str = ""
    line: int = 0

    @property
    def is_count(self) -> bool:
        return self.measure.kind is Kind.COUNT
