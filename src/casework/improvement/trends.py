"""Live indicators (casework.insight) over a few periods, for success criteria.

Each period is a quarter ending on the as-of date, then the quarter before, and so on; the
events are read once and each indicator is computed for every period.

Two things keep this quick on a whole council:

- Only the event types the indicators count are read (with births, for the cuts, and the
  events that start and end episodes), unless an indicator is of a kind not known here.
- Compliance indicators read the stored obligations (as the engine last worked them out)
  instead of evaluating the pack again for each period, and take each one's status as it
  stood at the period's end: met (on time or late) if it was met by then, otherwise
  overdue. The figures are the engine's, except for obligations whose trigger was recorded
  only after that period ended.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass, replace

from django.core.cache import cache
from django.db.models import Count, Max

from casework import engine
from casework.challenges.proposals import months_before
from casework.insight import (
    Direction,
    EventIndex,
    Indicator,
    Kind,
    compute_all,
    load_indicators,
)
from casework.records.evaluation import current_pack, engine_events
from casework.records.models import Event, Obligation
from casework.standards.vocabulary import vocabulary

PERIODS = 4
PERIOD_MONTHS = 3
# The kinds whose events are all named by their measure's event, start and services.
_NAMED_KINDS = {
    Kind.COUNT,
    Kind.TIMELINESS,
    Kind.REPEAT,
    Kind.DURATION,
    Kind.SERVICE,
    Kind.COMPLIANCE,
}


@functools.cache
def indicators() -> dict[str, Indicator]:
    return {i.id: i for i in load_indicators()}


def indicator_choices() -> list[tuple[str, str]]:
    return [(i.id, i.title) for i in indicators().values()]


@dataclass(frozen=True)
class Point:
    start: dt.date
    end: dt.date
    value: float | None  # a proportion (0 to 1) or a count
    numerator: int
    denominator: int | None

    @property
    def label(self) -> str:
        return f"{self.start:%d %b %Y} to {self.end:%d %b %Y}"


@dataclass(frozen=True)
class Trend:
    indicator: Indicator
    points: tuple[Point, ...]  # oldest first

    @property
    def is_count(self) -> bool:
        return self.indicator.is_count

    def shown(self, point: Point) -> str:
        if point.value is None:
            return "nothing to count"
        if self.is_count:
            return f"{point.numerator}"
        return f"{100 * point.value:.0f}% ({point.numerator} of {point.denominator})"

    @property
    def latest(self) -> str:
        return self.shown(self.points[-1]) if self.points else ""

    @property
    def direction(self) -> str:
        """Whether the latest period is better or worse than the one before, in words."""
        values = [p.value for p in self.points if p.value is not None]
        if len(values) < 2 or values[-1] == values[-2]:
            return "no change"
        up = values[-1] > values[-2]
        better = up == (self.indicator.direction is Direction.HIGHER)
        return "improving" if better else "getting worse"


def periods(today: dt.date, count: int = PERIODS) -> list[tuple[dt.date, dt.date]]:
    found = []
    end = today
    for _ in range(count):
        start = months_before(end, PERIOD_MONTHS) + dt.timedelta(days=1)
        found.append((start, end))
        end = start - dt.timedelta(days=1)
    return found[::-1]


def event_types(wanted: list[Indicator]) -> set[str] | None:
    """The event types these indicators read, or None when every event is needed."""
    if any(i.measure.kind not in _NAMED_KINDS for i in wanted):
        return None
    types = {"birth"}
    for episode in vocabulary().episodes.values():
        types |= {episode.starts, episode.ends}
    for i in wanted:
        m = i.measure
        for match in (m.event, m.start, m.services):
            if match is not None:
                types.update(match.events)
    return types


@dataclass(frozen=True)
class Stored:
    obligation: engine.Obligation  # as last worked out
    met_on: dt.date | None


def stored_obligations(start: dt.date, end: dt.date) -> list[Stored]:
    """The obligations falling due from `start` to `end` as last worked out (those still
    open are settled per period)."""
    rows = Obligation.objects.filter(due__gte=start, due__lte=end).values_list(
        "person_id",
        "standard",
        "sequence",
        "trigger",
        "trigger_event",
        "due",
        "status",
        "episode_key",
        "met_on",
    )
    return [
        Stored(
            engine.Obligation(
                child_id=str(person),
                standard=standard,
                sequence=sequence,
                trigger=trigger,
                trigger_event=trigger_event,
                due=due,
                status=engine.Status(status),
                episode_id=episode or "",
            ),
            met_on,
        )
        for person, standard, sequence, trigger, trigger_event, due, status, episode, met_on in rows
    ]


def as_of(stored: list[Stored], end: dt.date) -> list[engine.Obligation]:
    """Each obligation due by `end` with its status on that day."""
    found = []
    for row in stored:
        o = row.obligation
        if o.due > end:
            continue
        if row.met_on is not None and row.met_on <= end:
            found.append(o)
        else:
            found.append(replace(o, status=engine.Status.OVERDUE))
    return found


def trends(ids: list[str], today: dt.date) -> dict[str, Trend]:
    """The trend of each known indicator id (unknown ids are left out)."""
    wanted = [indicators()[i] for i in dict.fromkeys(ids) if i in indicators()]
    if not wanted:
        return {}
    spans = periods(today)
    index = EventIndex(engine_events(types=event_types(wanted)))
    stored = (
        stored_obligations(spans[0][0], today)
        if any(i.measure.kind is Kind.COMPLIANCE for i in wanted)
        else None
    )
    pack = current_pack()
    points: dict[str, list[Point]] = {i.id: [] for i in wanted}
    for start, end in spans:
        owed = as_of(stored, end) if stored is not None else None
        for result in compute_all(wanted, index, start, end, pack=pack, obligations=owed):
            points[result.indicator.id].append(
                Point(start, end, result.value, result.numerator, result.denominator)
            )
    return {i.id: Trend(i, tuple(points[i.id])) for i in wanted}


CACHE_SECONDS = 600


def data_version() -> str:
    """Changes whenever an event is added, corrected or withdrawn, or obligations rebuilt."""
    events = Event.objects.aggregate(n=Count("id"), last=Max("id"), written=Max("written_at"))
    owed = Obligation.objects.aggregate(n=Count("id"), last=Max("id"))
    return f"{events['n']}:{events['last']}:{events['written']}:{owed['n']}:{owed['last']}"


def cached_trends(ids: list[str], today: dt.date) -> dict[str, Trend]:
    """`trends`, kept for a few minutes while the records behind it are unchanged."""
    parts = "|".join([today.isoformat(), data_version(), *sorted(set(ids))])
    key = "improvement-trends:" + hashlib.sha256(parts.encode()).hexdigest()
    found: dict[str, Trend] | None = cache.get(key)
    if found is None:
        found = trends(ids, today)
        cache.set(key, found, CACHE_SECONDS)
    return found
