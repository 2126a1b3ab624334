"""Indicators computed for a period from events (and, for compliance, the pack's obligations).

Every indicator is worked out the same way: its measure turns the events into a list of
items (the things in the denominator: assessments, referrals, plans, obligations, or
children for a plain count), each marked as in the numerator or not. The figure is the
count of items in the numerator over the count of items; the cuts are the same sum
within each group of children (sex, ethnicity, disability, age band on the item's date).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from calendar import monthrange
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from casework.calendar import WorkingCalendar, calendar_for
from casework.engine import Event, Obligation, Status, evaluate_events
from casework.insight.model import Direction, Indicator, Kind, Measure, Source, Test
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
        self._matching: dict[EventMatch, list[Event]] = {}
        self._of: dict[EventMatch, dict[str, list[Event]]] = {}
        self._starts: dict[str, dict[tuple[str, str], Event]] = {}
        self._spans: dict[str, list[tuple[str, dt.date, dt.date | None]]] = {}
        self._by_date: dict[EventMatch, tuple[list[dt.date], list[Event]]] = {}
        self._ordered: list[Event] = []
        self._by_type: dict[str, list[int]] = {}

    def matching(self, match: EventMatch | None) -> list[Event]:
        """Every event matching, by child then date (worked out once for each match)."""
        if match is None:
            return []
        found = self._matching.get(match)
        if found is None:
            by_type = self._types()
            at = sorted(i for kind in set(match.events) for i in by_type.get(kind, ()))
            ordered = self._ordered
            found = [ordered[i] for i in at if matches(ordered[i], match)]
            self._matching[match] = found
        return found

    def _types(self) -> dict[str, list[int]]:
        """Where each type's events are in the events by child then date (worked out once)."""
        if not self._by_type:
            self._ordered = [e for child in sorted(self.by_child) for e in self.by_child[child]]
            for i, e in enumerate(self._ordered):
                self._by_type.setdefault(e.event, []).append(i)
        return self._by_type

    def of(self, child: str, match: EventMatch | None) -> list[Event]:
        """A child's events matching, by date."""
        return self.grouped(match).get(child, [])

    def grouped(self, match: EventMatch | None) -> Mapping[str, list[Event]]:
        """Each child's events matching, by date (look children up with `.get`, as a child
        with none is left out). Loops over many children take this once rather than
        calling `of` for each: a match is slow to hash."""
        if match is None:
            return {}
        grouped = self._of.get(match)
        if grouped is None:
            grouped = {}
            for e in self.matching(match):
                grouped.setdefault(e.child_id, []).append(e)
            self._of[match] = grouped
        return grouped

    def between(self, match: EventMatch | None, start: dt.date, end: dt.date) -> list[Event]:
        """The events matching from `start` to `end`, by date (then child, then input order)."""
        if match is None:
            return []
        ordered = self._by_date.get(match)
        if ordered is None:
            found = sorted(self.matching(match), key=lambda e: e.occurred)  # stable
            ordered = ([e.occurred for e in found], found)
            self._by_date[match] = ordered
        days, found = ordered
        return found[bisect_left(days, start) : bisect_right(days, end)]

    def episode_start(self, event: Event) -> Event | None:
        """The event that started the episode this event ended (same episode id)."""
        starts = self._episode_starts.get(event.event)
        if starts is None or not event.episode_id:
            return None
        found = self._starts.get(starts)
        if found is None:
            found = {}
            for e in self.events:
                if e.event == starts:
                    key = (e.child_id, e.episode_id)
                    if key not in found or e.occurred < found[key].occurred:
                        found[key] = e
            self._starts[starts] = found
        return found.get((event.child_id, event.episode_id))

    def spans(self, episode: str) -> list[tuple[str, dt.date, dt.date | None]]:
        """Each child's spans in an episode (child, started, ended or None), an end
        paired with the start of the same episode id (or, with no id, the next end)."""
        found = self._spans.get(episode)
        if found is not None:
            return found
        kind = vocabulary().episodes[episode]
        found = []
        for child in sorted(self.by_child):
            opened: list[Event] = []
            for e in self.by_child[child]:
                if e.event == kind.starts:
                    opened.append(e)
                elif e.event == kind.ends and opened:
                    same = [o for o in opened if e.episode_id and o.episode_id == e.episode_id]
                    began = same[0] if same else opened[0]
                    opened.remove(began)
                    found.append((child, began.occurred, e.occurred))
            found += [(child, o.occurred, None) for o in opened]
        self._spans[episode] = found
        return found

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
    # Days moved by a timescale, kept: a council's items fall on a few thousand days.
    _shifted: dict[tuple[dt.date, Timescale, int], dt.date] = field(default_factory=dict)

    def in_period(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def shift(self, day: dt.date, timescale: Timescale, sign: int = 1) -> dt.date:
        key = (day, timescale, sign)
        found = self._shifted.get(key)
        if found is None:
            found = self._shifted[key] = shift(day, timescale, self.calendar, sign)
        return found


def _count(m: Measure, c: _Context) -> list[Item]:
    first: dict[str, dt.date] = {}
    for e in c.index.between(m.event, c.start, c.end):
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
    anchors = c.index.grouped(m.start)
    for e in c.index.matching(m.event):
        if not c.in_period(e.occurred):
            continue
        opened = c.index.episode_start(e)
        began = opened.occurred if opened is not None else e.occurred
        anchor = _latest(anchors.get(e.child_id, []), began, e.episode_id)
        if anchor is None:
            continue  # nothing to count from: left out of the denominator
        due = c.shift(anchor.occurred, m.within)
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
                m.within is None or previous.occurred >= c.shift(e.occurred, m.within, sign=-1)
            )
            items.append(Item(e.child_id, e.occurred, again))
        previous = e
    return items


def _duration(m: Measure, c: _Context) -> list[Item]:
    assert m.at_least is not None
    items = []
    starts = c.index.grouped(m.start)
    for e in c.index.matching(m.event):
        if not c.in_period(e.occurred):
            continue
        began = _latest(starts.get(e.child_id, []), e.occurred, e.episode_id)
        if began is None:
            continue  # the span began before the records: its length is not known
        long = e.occurred >= c.shift(began.occurred, m.at_least)
        items.append(Item(e.child_id, e.occurred, long))
    return items


def _service(m: Measure, c: _Context) -> list[Item]:
    last: dict[str, Event] = {}
    for e in c.index.between(m.event, c.start, c.end):
        last[e.child_id] = e
    items = []
    services = c.index.grouped(m.services)
    for child, e in last.items():
        opened = c.index.episode_start(e)
        began = opened.occurred if opened is not None else e.occurred
        served = any(began <= s.occurred <= c.end for s in services.get(child, []))
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


def _snapshot(m: Measure, c: _Context) -> list[Item]:
    """The children in the episode at the end of the period (for at least `in_for`, aged
    `ages` then), each counted by what they had in the window."""
    since = shift(c.end, m.in_for, c.calendar, sign=-1) if m.in_for is not None else c.end
    after = (
        shift(c.end, m.within, c.calendar, sign=-1)
        if m.within is not None
        else c.start - dt.timedelta(days=1)
    )
    children = sorted(
        {
            child
            for child, began, ended in c.index.spans(m.episode)
            if began <= since and (ended is None or ended > c.end)
        }
    )
    items = []
    assert m.event is not None
    of_types = c.index.grouped(EventMatch(m.event.events))
    matching = c.index.grouped(m.event)
    for child in children:
        if m.ages is not None:
            age = age_on(c.index.person(child).birth, c.end)
            if age is None or not m.ages[0] <= age <= m.ages[1]:
                continue
        if m.test is Test.LATEST:
            seen = [e for e in of_types.get(child, []) if after < e.occurred <= c.end]
            counted = bool(seen) and matches(seen[-1], m.event)
        else:
            hits = sum(1 for e in matching.get(child, []) if after < e.occurred <= c.end)
            counted = hits >= m.times if m.test is Test.HAS else hits == 0
        items.append(Item(child, c.end, counted))
    return items


MEASURES: dict[Kind, Callable[[Measure, _Context], list[Item]]] = {
    Kind.COUNT: _count,
    Kind.TIMELINESS: _timeliness,
    Kind.REPEAT: _repeat,
    Kind.DURATION: _duration,
    Kind.SERVICE: _service,
    Kind.COMPLIANCE: _compliance,
    Kind.SNAPSHOT: _snapshot,
}


# --- putting it together ----------------------------------------------------------------


def age_on(birth: dt.date | None, on: dt.date) -> int | None:
    if birth is None or birth > on:
        return None
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def age_band(birth: dt.date | None, on: dt.date) -> str:
    age = age_on(birth, on)
    if age is None:
        return NOT_RECORDED
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
    attributes: Mapping[str, Mapping[str, str]] | None = None,
) -> Result:
    """One indicator for the period from `start` to `end` (both included).

    Compliance indicators need the pack (evaluated as of `end`) or its obligations.
    `attributes` gives more cuts: child id -> cut name -> group (team, worker, case type).
    """
    return compute_all(
        [indicator], events, start, end, pack=pack, obligations=obligations, attributes=attributes
    )[0]


def compute_all(
    indicators: Iterable[Indicator],
    events: EventIndex | Iterable[Event],
    start: dt.date,
    end: dt.date,
    *,
    pack: Pack | None = None,
    obligations: Sequence[Obligation] | None = None,
    attributes: Mapping[str, Mapping[str, str]] | None = None,
) -> list[Result]:
    """Every indicator for the period, reading the events (and evaluating the pack) once.
    An EventIndex may be passed in and reused for other periods."""
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
    extra = extra_cuts(attributes)
    results = []
    for indicator in indicators:
        items = MEASURES[indicator.measure.kind](indicator.measure, context)
        results.append(_result(indicator, items, index, start, end, attributes or {}, extra))
    return results


def extra_cuts(attributes: Mapping[str, Mapping[str, str]] | None) -> tuple[str, ...]:
    """The names of the cuts the attributes add, in order of first appearance."""
    names: dict[str, None] = {}
    for groups in (attributes or {}).values():
        for name in groups:
            if name not in names and name not in CUTS:
                names[name] = None
    return tuple(names)


def _result(
    indicator: Indicator,
    items: list[Item],
    index: EventIndex,
    start: dt.date,
    end: dt.date,
    attributes: Mapping[str, Mapping[str, str]],
    extra: tuple[str, ...],
) -> Result:
    count = indicator.is_count
    overall = figure(items, count=count)
    names = (*CUTS, *extra)
    groups: dict[str, dict[str, list[Item]]] = {cut: defaultdict(list) for cut in names}
    for item in items:
        person = index.person(item.child_id)
        for cut in CUTS:
            groups[cut][cut_of(item, person, cut)].append(item)
        own = attributes.get(item.child_id, {})
        for cut in extra:
            groups[cut][own.get(cut) or NOT_RECORDED].append(item)
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
