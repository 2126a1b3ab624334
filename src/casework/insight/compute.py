"""Indicators computed for a period from events (and, for compliance, the pack's obligations).

Every indicator is worked out the same way: its measure turns the events into a list of
items (the things in the denominator: assessments, referrals, plans, obligations, or
children for a plain count), each marked as in the numerator or not. The figure is the
count of items in the numerator over the count of items; the cuts are the same sum
within each group of children (sex, ethnicity, disability, age band on the item's date).
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from casework.calendar import WorkingCalendar, calendar_for
from casework.engine import Event, Obligation, Status, evaluate_events
from casework.insight.model import Direction, Indicator, Kind, Measure, Source
from casework.standards.model import EventMatch, Op, Pack
from casework.standards.timescale import Timescale, Unit
from casework.standards.values import normalise
from casework.standards.vocabulary import vocabulary

NOT_RECORDED = "not recorded"
CUTS = ("sex", "ethnicity", "disability", "age_band")
# Age bands as the Children in Need census publishes them, by age on the item's date.
AGE_BANDS: tuple[tuple[int, str], ...] = (
    (1, "under 1"),
    (5, "1 to 4"),
    (10, "5 to 9"),
    (16, "10 to 15"),
    (200, "16 and over"),
)


@dataclass(frozen=True)
class Figure:
    """A numerator over a denominator (None for a plain count of children)."""

    numerator: int
    denominator: int | None
    children: tuple[str, ...]  # the children behind the numerator, for drill-down

    @property
    def value(self) -> float | None:
        """The proportion (0 to 1), the count for a plain count, None when nothing to count."""
        if self.denominator is None:
            return float(self.numerator)
        if self.denominator == 0:
            return None
        return self.numerator / self.denominator


@dataclass(frozen=True)
class Result(Figure):
    indicator: Indicator = field(kw_only=True)
    start: dt.date = field(kw_only=True)
    end: dt.date = field(kw_only=True)
    # For compliance: how many obligations were met on time, late, or are overdue.
    statuses: dict[str, int] = field(kw_only=True, default_factory=dict)
    # cut name ("sex", "ethnicity", "disability", "age_band") -> group -> figure
    cuts: dict[str, dict[str, Figure]] = field(kw_only=True, default_factory=dict)


@dataclass(frozen=True)
class Item:
    child_id: str
    day: dt.date  # the date the item is counted on (and the child's age taken at)
    counted: bool  # in the numerator
    status: str = ""  # compliance: met, late or overdue


@dataclass(frozen=True)
class Person:
    birth: dt.date | None
    sex: str
    ethnicity: str
    disability: str


class EventIndex:
    """Events grouped by child and type, sorted by date (then input order), read once."""

    def __init__(self, events: Iterable[Event]) -> None:
        self.events = list(events)
        self.by_child: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            self.by_child[event.child_id].append(event)
        for rows in self.by_child.values():
            rows.sort(key=lambda e: e.occurred)  # stable: input order within a day
        self.people: dict[str, Person] = {}
        for child, rows in self.by_child.items():
            birth = next((e for e in rows if e.event == "birth"), None)
            details = birth.details if birth is not None else {}
            disability = normalise(details.get("disability"))
            self.people[child] = Person(
                birth=birth.occurred if birth is not None else None,
                sex=_recorded(details.get("sex")),
                ethnicity=_recorded(details.get("ethnicity")),
                disability={"true": "yes", "false": "no"}.get(disability, NOT_RECORDED),
            )
        self._episode_starts = {ep.ends: ep.starts for ep in vocabulary().episodes.values()}

    def matching(self, match: EventMatch | None) -> list[Event]:
        """Every event matching, by child then date."""
        return [e for child in sorted(self.by_child) for e in self.of(child, match)]

    def of(self, child: str, match: EventMatch | None) -> list[Event]:
        if match is None:
            return []
        return [e for e in self.by_child.get(child, []) if matches(e, match)]

    def episode_start(self, event: Event) -> Event | None:
        """The event that started the episode this event ended (same episode id)."""
        starts = self._episode_starts.get(event.event)
        if starts is None or not event.episode_id:
            return None
        for e in self.by_child[event.child_id]:
            if e.event == starts and e.episode_id == event.episode_id:
                return e
        return None

    def person(self, child: str) -> Person:
        return self.people.get(child, Person(None, NOT_RECORDED, NOT_RECORDED, NOT_RECORDED))


def _recorded(value: str | None) -> str:
    text = (value or "").strip()
    return text or NOT_RECORDED


def matches(event: Event, match: EventMatch) -> bool:
    if event.event not in match.events:
        return False
    for condition in match.where:
        value = normalise(event.details.get(condition.detail))
        if condition.op is Op.PRESENT:
            ok = value != ""
        elif condition.op is Op.ABSENT:
            ok = value == ""
        elif condition.op is Op.NOT_IN:
            ok = value not in condition.values
        else:
            ok = value in condition.values
        if not ok:
            return False
    return True


def shift(day: dt.date, timescale: Timescale, calendar: WorkingCalendar, sign: int = 1) -> dt.date:
    """The day plus (or minus) a timescale; months keep the day of the month, or the
    month's last day when it is shorter."""
    n = timescale.amount * sign
    if timescale.unit is Unit.WORKING_DAYS:
        return calendar.add(day, n)
    if timescale.unit is Unit.WEEKS:
        return day + dt.timedelta(weeks=n)
    if timescale.unit is Unit.MONTHS:
        years, month = divmod(day.month - 1 + n, 12)
        year = day.year + years
        return dt.date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))
    return day + dt.timedelta(days=n)


# --- the measures ---------------------------------------------------------------------


@dataclass
class _Context:
    index: EventIndex
    start: dt.date
    end: dt.date
    calendar: WorkingCalendar
    obligations: Callable[[], Sequence[Obligation]]

    def in_period(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def _count(m: Measure, c: _Context) -> list[Item]:
    first: dict[str, dt.date] = {}
    for e in c.index.matching(m.event):
        if c.in_period(e.occurred):
            first.setdefault(e.child_id, e.occurred)
    return [Item(child, day, True) for child, day in first.items()]


def _latest(candidates: list[Event], before: dt.date, episode: str) -> Event | None:
    """The same-episode candidate if there is one, else the latest on or before a day."""
    if episode:
        for e in candidates:
            if e.episode_id == episode and e.occurred <= before:
                return e
    earlier = [e for e in candidates if e.occurred <= before]
    return earlier[-1] if earlier else None


def _timeliness(m: Measure, c: _Context) -> list[Item]:
    assert m.within is not None
    items = []
    for e in c.index.matching(m.event):
        if not c.in_period(e.occurred):
            continue
        opened = c.index.episode_start(e)
        began = opened.occurred if opened is not None else e.occurred
        anchor = _latest(c.index.of(e.child_id, m.start), began, e.episode_id)
        if anchor is None:
            continue  # nothing to count from: left out of the denominator
        due = shift(anchor.occurred, m.within, c.calendar)
        items.append(Item(e.child_id, e.occurred, e.occurred <= due))
    return items


def _repeat(m: Measure, c: _Context) -> list[Item]:
    items = []
    previous: Event | None = None
    for e in c.index.matching(m.event):
        if previous is not None and previous.child_id != e.child_id:
            previous = None
        if c.in_period(e.occurred):
            again = previous is not None and (
                m.within is None
                or previous.occurred >= shift(e.occurred, m.within, c.calendar, sign=-1)
            )
            items.append(Item(e.child_id, e.occurred, again))
        previous = e
    return items


def _duration(m: Measure, c: _Context) -> list[Item]:
    assert m.at_least is not None
    items = []
    for e in c.index.matching(m.event):
        if not c.in_period(e.occurred):
            continue
        began = _latest(c.index.of(e.child_id, m.start), e.occurred, e.episode_id)
        if began is None:
            continue  # the span began before the records: its length is not known
        long = e.occurred >= shift(began.occurred, m.at_least, c.calendar)
        items.append(Item(e.child_id, e.occurred, long))
    return items


def _service(m: Measure, c: _Context) -> list[Item]:
    last: dict[str, Event] = {}
    for e in c.index.matching(m.event):
        if c.in_period(e.occurred):
            last[e.child_id] = e
    items = []
    for child, e in last.items():
        opened = c.index.episode_start(e)
        began = opened.occurred if opened is not None else e.occurred
        served = any(began <= s.occurred <= c.end for s in c.index.of(child, m.services))
        items.append(Item(child, e.occurred, served == m.provided))
    return items


def _compliance(m: Measure, c: _Context) -> list[Item]:
    wanted = set(m.count)
    items = []
    for o in c.obligations():
        if m.standard and o.standard != m.standard:
            continue
        if o.status is Status.OPEN or not c.in_period(o.due):
            continue
        items.append(Item(o.child_id, o.due, str(o.status) in wanted, str(o.status)))
    return items


MEASURES: dict[Kind, Callable[[Measure, _Context], list[Item]]] = {
    Kind.COUNT: _count,
    Kind.TIMELINESS: _timeliness,
    Kind.REPEAT: _repeat,
    Kind.DURATION: _duration,
    Kind.SERVICE: _service,
    Kind.COMPLIANCE: _compliance,
}


# --- putting it together ----------------------------------------------------------------


def age_band(birth: dt.date | None, on: dt.date) -> str:
    if birth is None or birth > on:
        return NOT_RECORDED
    age = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    return next(label for upper, label in AGE_BANDS if age < upper)


def figure(items: Sequence[Item], *, count: bool) -> Figure:
    children = tuple(sorted({i.child_id for i in items if i.counted}))
    numerator = sum(1 for i in items if i.counted)
    return Figure(numerator, None if count else len(items), children)


def cut_of(item: Item, person: Person, cut: str) -> str:
    if cut == "age_band":
        return age_band(person.birth, item.day)
    value: str = getattr(person, cut)
    return value


def compute(
    indicator: Indicator,
    events: EventIndex | Iterable[Event],
    start: dt.date,
    end: dt.date,
    *,
    pack: Pack | None = None,
    obligations: Sequence[Obligation] | None = None,
) -> Result:
    """One indicator for the period from `start` to `end` (both included).

    Compliance indicators need the pack (evaluated as of `end`) or its obligations.
    """
    return compute_all([indicator], events, start, end, pack=pack, obligations=obligations)[0]


def compute_all(
    indicators: Iterable[Indicator],
    events: EventIndex | Iterable[Event],
    start: dt.date,
    end: dt.date,
    *,
    pack: Pack | None = None,
    obligations: Sequence[Obligation] | None = None,
) -> list[Result]:
    """Every indicator for the period, reading the events (and evaluating the pack) once."""
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    index = events if isinstance(events, EventIndex) else EventIndex(events)
    cache: list[Sequence[Obligation]] = [] if obligations is None else [obligations]

    def owed() -> Sequence[Obligation]:
        if not cache:
            if pack is None:
                raise ValueError("compliance indicators need the pack (or its obligations)")
            cache.append(evaluate_events(index.events, pack, end))
        return cache[0]

    calendar = calendar_for(pack.calendar if pack is not None else "england-and-wales")
    context = _Context(index, start, end, calendar, owed)
    results = []
    for indicator in indicators:
        items = MEASURES[indicator.measure.kind](indicator.measure, context)
        results.append(_result(indicator, items, index, start, end))
    return results


def _result(
    indicator: Indicator, items: list[Item], index: EventIndex, start: dt.date, end: dt.date
) -> Result:
    count = indicator.is_count
    overall = figure(items, count=count)
    groups: dict[str, dict[str, list[Item]]] = {cut: defaultdict(list) for cut in CUTS}
    for item in items:
        person = index.person(item.child_id)
        for cut in CUTS:
            groups[cut][cut_of(item, person, cut)].append(item)
    cuts = {
        cut: {group: figure(rows, count=count) for group, rows in sorted(by.items())}
        for cut, by in groups.items()
    }
    statuses: dict[str, int] = {}
    if indicator.measure.kind is Kind.COMPLIANCE:
        statuses = {s: sum(1 for i in items if i.status == s) for s in ("met", "late", "overdue")}
    return Result(
        overall.numerator,
        overall.denominator,
        overall.children,
        indicator=indicator,
        start=start,
        end=end,
        statuses=statuses,
        cuts=cuts,
    )


def compliance_indicators(pack: Pack, count: Sequence[str] = ("met",)) -> list[Indicator]:
    """A compliance indicator for every checkable standard in the pack: the share of its
    obligations falling due in the period that were met on time (or, with `count`, late
    or overdue)."""
    words = {"met": "met on time", "late": "met late", "overdue": "overdue"}
    described = " or ".join(words[c] for c in count)
    lower = set(count) <= {"late", "overdue"}
    out = []
    for standard in pack.checkable:
        out.append(
            Indicator(
                id=f"compliance-{standard.id}"
                + ("" if tuple(count) == ("met",) else "-" + "-".join(count)),
                title=f"{standard.title}: {described}",
                definition=(
                    f"Of the obligations under the standard '{standard.title}' that fell due "
                    f"in the period, the share {described}."
                ),
                numerator=f"Obligations due in the period {described}",
                denominator="Obligations due in the period (met on time, late or overdue)",
                direction=Direction.LOWER if lower else Direction.HIGHER,
                measure=Measure(kind=Kind.COMPLIANCE, standard=standard.id, count=tuple(count)),
                source=Source(
                    document=standard.source.document,
                    year=None,
                    section=standard.source.section,
                    note=f"Standard '{standard.id}' of the pack '{pack.name}' {pack.version}",
                ),
                file=standard.file,
                line=standard.line,
            )
        )
    return out
