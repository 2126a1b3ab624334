"""The reference evaluator: docs/counting.md, one child and one event at a time.

This is deliberately plain Python, written to be read against docs/counting.md line by
line rather than to be fast. The property tests check that the vectorised engine gives
exactly the same rows, and the benchmark measures the engine against it.

Conventions shared with the engine, so that results compare row for row:

- Events that occurred after the as-of date are ignored, including episode ends (an
  episode that ends after the as-of date has not ended yet).
- A child's events are taken in date order; events on the same day keep their input order.
- `sequence`: for one-off, recording and before standards, the position (from 1) of the
  trigger among *all* of that child's events that match the standard's trigger (event type
  and conditions), in that order. Triggers that open nothing (outside an episode, waived,
  not owed, or with no `recorded` for a recording standard) still take their number, so
  the numbers of the others do not depend on them. A birthday trigger is always 1. For a
  recurring standard it is k, the position in the chain.
- `trigger`/`trigger_event`: the trigger's date and event type ("birthday" for a
  birthday); for a recurring standard the anchor a(k), whose event type is the anchor
  event's for k = 1 and the type of the event that met k - 1 after that.
- `met_event`: the type of the event that met it ('' if unmet). For a recording standard,
  the event's own type (it is met by its own `recorded`).
- `episode_id`: for a standard with `episode:`, the episode's id (the `episode_id` its
  start event carries, '' if none); for a standard without one, the trigger's (or the
  chain's anchor's) own `episode_id`.
- Hours: with a time, the due time is the trigger's time in England plus N real hours
  (Europe/London, so clock changes count), back as naive local time; an event with a time
  on or before it is on time; where either side has no time, dates are compared. With no
  trigger time: D + ceil(N / 24) days, compared by date. A before standard in hours is
  due N real hours before the trigger's time (D - ceil(N / 24) days without one).
- Rows are sorted by (child, standard, trigger, sequence); rows with the same key (two
  chains anchored on one day) keep the order of their anchors.

Choices where docs/counting.md does not say (each the most literal reading):

- Episodes with ids pair the start and end with the same id; starts and ends without an
  id pair up in order (a start while one is open closes it that day). An end with an id
  never closes an episode without one, nor the reverse. A repeated start with an id
  already used is ignored. Episodes with ids can overlap.
- Whether a trigger is inside an episode compares dates: a trigger on the day an episode
  starts or ends is inside it, whatever the order of the two events in the input.
- A trigger belongs to the episode it is the start event of; otherwise to the open episode
  (start <= D <= end) that started last (ties: the later start event). With ids, an
  earlier episode that is still open counts even if a later one has started and ended.
- One-off: "on or after D" and "before its due date" compare dates, also for standards in
  hours. A waiver is an event matching `waived_by` on or after D and before the due date;
  it waives every obligation of the standard it falls in the window of, unless the
  obligation was met on an earlier day (a waiver on the day it was met does not waive it).
  An event that could meet an obligation goes to the earliest-triggered one that is still
  open on its day: not met, not waived before that day, and whose episode has not ended
  before that day.
- Recurring: an obligation due after its episode's end is owed only if it was met by the
  end (an event on the episode's last day counts); otherwise it and the rest of the chain
  are not reported.
- Recording and before standards use the episode only to decide which triggers open an
  obligation; the "not owed when the episode ends" rule is stated for one-off and
  recurring standards only.
- Before: "after the previous trigger" means on a later day than the previous trigger
  that opened an obligation of the standard; a second trigger on the same day therefore
  has no event that can meet it. Unmet, its status follows the usual rule (overdue if the
  due date is before the as-of date, otherwise open).
- Birthdays: the first `birth` event gives the date of birth; a birthday after the as-of
  date has not happened yet and opens nothing, except for a before standard, whose due
  date comes ahead of the birthday (its episode must be open as of the as-of date).
- "0 working days" is the day itself.
"""

from __future__ import annotations

import datetime as dt
import math
from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from casework.calendar import WorkingCalendar, calendar_for
from casework.engine.types import Event, Obligation, Status
from casework.standards.model import EventMatch, Kind, Op, Pack, Standard
from casework.standards.timescale import Timescale, Unit
from casework.standards.values import normalise
from casework.standards.vocabulary import vocabulary

LONDON = ZoneInfo("Europe/London")


def evaluate(
    events: Iterable[Event],
    pack: Pack,
    as_of: dt.date,
    *,
    standards: Iterable[str] | None = None,
) -> list[Obligation]:
    """Every obligation owed under the pack's checkable standards, as of a date.

    Sorted by (child_id, standard, trigger, sequence).
    """
    wanted = set(standards) if standards is not None else None
    calendar = calendar_for(pack.calendar)

    by_child: dict[str, list[Event]] = {}
    for event in events:
        if event.occurred > as_of:
            continue  # not yet recorded
        by_child.setdefault(event.child_id, []).append(event)

    out: list[Obligation] = []
    for child_id, child_events in by_child.items():
        # sorted() is stable: events on the same day keep their input order.
        history = sorted(child_events, key=lambda e: e.occurred)
        for standard in pack.checkable:
            if wanted is not None and standard.id not in wanted:
                continue
            child = _Child(child_id, history, standard, calendar, as_of)
            if standard.kind is Kind.ONE_OFF:
                out.extend(child.one_off())
            elif standard.kind is Kind.RECURRING:
                out.extend(child.recurring())
            elif standard.kind is Kind.RECORDING:
                out.extend(child.recording())
            else:
                out.extend(child.before())
    out.sort(key=lambda o: (o.child_id, o.standard, o.trigger, o.sequence))
    return out


# --- events, conditions and dates ----------------------------------------------------------


def matches(event: Event, match: EventMatch | None) -> bool:
    """Whether an event is of one of the match's types and passes every condition."""
    if match is None or event.event not in match.events:
        return False
    for condition in match.where:
        value = normalise(event.details.get(condition.detail))
        if condition.op is Op.EQUALS or condition.op is Op.IN:
            ok = value in condition.values
        elif condition.op is Op.NOT_IN:
            ok = value not in condition.values
        elif condition.op is Op.PRESENT:
            ok = value != ""
        else:
            ok = value == ""
        if not ok:
            return False
    return True


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later (or earlier), or that month's last day."""
    year, month = divmod(day.year * 12 + (day.month - 1) + months, 12)
    month += 1
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))


def add_hours(at: dt.datetime, hours: int) -> dt.datetime:
    """Wall-clock time in England `hours` real hours after (or before) `at`."""
    aware = at.replace(tzinfo=LONDON)
    moved = aware.astimezone(dt.UTC) + dt.timedelta(hours=hours)
    return moved.astimezone(LONDON).replace(tzinfo=None)


def due_date(
    day: dt.date,
    at: dt.datetime | None,
    timescale: Timescale,
    calendar: WorkingCalendar,
    sign: int = 1,
) -> tuple[dt.date, dt.datetime | None]:
    """The due date (and time, for hours with a known time) `timescale` after `day`, or
    before it when sign is -1."""
    n = timescale.amount
    if timescale.unit is Unit.WORKING_DAYS:
        return (calendar.add(day, sign * n) if n else day), None
    if timescale.unit is Unit.DAYS:
        return day + dt.timedelta(days=sign * n), None
    if timescale.unit is Unit.WEEKS:
        return day + dt.timedelta(days=sign * 7 * n), None
    if timescale.unit is Unit.MONTHS:
        return add_months(day, sign * n), None
    if at is not None:
        due_at = add_hours(at, sign * n)
        return due_at.date(), due_at
    return day + dt.timedelta(days=sign * math.ceil(n / 24)), None


def status(
    due: dt.date,
    due_at: dt.datetime | None,
    met_on: dt.date | None,
    met_at: dt.datetime | None,
    as_of: dt.date,
) -> Status:
    if met_on is None:
        return Status.OVERDUE if due < as_of else Status.OPEN
    if due_at is not None and met_at is not None:
        on_time = met_at <= due_at
    else:
        on_time = met_on <= due
    return Status.MET if on_time else Status.LATE


# --- episodes --------------------------------------------------------------------------


@dataclass
class Episode:
    start: dt.date
    end: dt.date | None  # None while it is open
    episode_id: str
    start_index: int  # position of its start event in the child's history

    def contains(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def episodes_of(history: list[Event], episode_type: str) -> list[Episode]:
    """A child's episodes of one type, from their start and end events in date order."""
    spec = vocabulary().episodes[episode_type]
    found: list[Episode] = []
    open_without_id: Episode | None = None
    open_with_id: dict[str, Episode] = {}
    ids_used: set[str] = set()
    for index, event in enumerate(history):
        if event.event == spec.starts:
            if event.episode_id:
                if event.episode_id in ids_used:
                    continue
                ids_used.add(event.episode_id)
                episode = Episode(event.occurred, None, event.episode_id, index)
                open_with_id[event.episode_id] = episode
            else:
                if open_without_id is not None:
                    open_without_id.end = event.occurred
                episode = Episode(event.occurred, None, "", index)
                open_without_id = episode
            found.append(episode)
        elif event.event == spec.ends:
            if event.episode_id:
                closing = open_with_id.pop(event.episode_id, None)
                if closing is not None:
                    closing.end = event.occurred
            elif open_without_id is not None:
                open_without_id.end = event.occurred
                open_without_id = None
    return found


def episode_for(episodes: list[Episode], day: dt.date, index: int | None) -> Episode | None:
    """The episode a trigger on `day` (the event at `index`, if any) belongs to."""
    for episode in episodes:
        if episode.start_index == index:
            return episode
    best: Episode | None = None
    for episode in episodes:
        if episode.contains(day) and (
            best is None or (episode.start, episode.start_index) > (best.start, best.start_index)
        ):
            best = episode
    return best


# --- one child, one standard -----------------------------------------------------------


@dataclass
class Trigger:
    day: dt.date
    at: dt.datetime | None
    event_type: str  # "birthday" for a birthday
    sequence: int
    index: int | None  # position in the child's history; None for a birthday
    event: Event | None


@dataclass
class Pending:
    """A one-off obligation while events are being matched to it."""

    trigger: Trigger
    due: dt.date
    due_at: dt.datetime | None
    episode_id: str
    episode_end: dt.date | None
    met: Event | None = None


class _Child:
    def __init__(
        self,
        child_id: str,
        history: list[Event],
        standard: Standard,
        calendar: WorkingCalendar,
        as_of: dt.date,
    ) -> None:
        self.child_id = child_id
        self.history = history
        self.standard = standard
        self.calendar = calendar
        self.as_of = as_of
        self.episodes: list[Episode] = []
        if standard.episode is not None:
            self.episodes = episodes_of(history, standard.episode)

    def triggers(self) -> list[Trigger]:
        """Every trigger (or anchor) of the standard for this child, in order."""
        age = self.standard.trigger.birthday
        if age is not None:
            for event in self.history:
                if event.event == "birth":
                    birthday = add_months(event.occurred, 12 * age)
                    if birthday > self.as_of and self.standard.kind is not Kind.BEFORE:
                        return []
                    return [Trigger(birthday, None, "birthday", 1, None, None)]
            return []
        out: list[Trigger] = []
        for index, event in enumerate(self.history):
            if matches(event, self.standard.trigger.match):
                out.append(
                    Trigger(
                        event.occurred, event.occurred_at, event.event, len(out) + 1, index, event
                    )
                )
        return out

    def episode(self, trigger: Trigger) -> Episode | None:
        return episode_for(self.episodes, trigger.day, trigger.index)

    @staticmethod
    def own_episode_id(trigger: Trigger) -> str:
        return trigger.event.episode_id if trigger.event is not None else ""

    def obligation(
        self,
        sequence: int,
        trigger: dt.date,
        trigger_event: str,
        due: dt.date,
        due_at: dt.datetime | None,
        met: Event | None,
        episode_id: str,
    ) -> Obligation:
        met_on = met.occurred if met is not None else None
        met_at = met.occurred_at if met is not None else None
        return Obligation(
            child_id=self.child_id,
            standard=self.standard.id,
            sequence=sequence,
            trigger=trigger,
            trigger_event=trigger_event,
            due=due,
            status=status(due, due_at, met_on, met_at, self.as_of),
            met_on=met_on,
            met_event=met.event if met is not None else "",
            episode_id=episode_id,
            due_at=due_at,
        )

    # One-off: "X within T of Y" ---------------------------------------------------------

    def one_off(self) -> list[Obligation]:
        standard = self.standard
        pending: list[Pending] = []
        for trigger in self.triggers():
            episode_id, episode_end = self.own_episode_id(trigger), None
            if standard.episode is not None:
                episode = self.episode(trigger)
                if episode is None:
                    continue  # outside an episode: opens nothing
                episode_id, episode_end = episode.episode_id, episode.end
            due, due_at = due_date(trigger.day, trigger.at, standard.intervals[0], self.calendar)
            pending.append(Pending(trigger, due, due_at, episode_id, episode_end))

        waivers = [e.occurred for e in self.history if matches(e, standard.waived_by)]

        def waived_before(item: Pending, day: dt.date) -> bool:
            return any(item.trigger.day <= w < item.due and w < day for w in waivers)

        # Each qualifying event, in order, meets the earliest-triggered obligation still
        # open on its day.
        for event in self.history:
            if not matches(event, standard.met_by):
                continue
            for item in pending:
                if item.met is not None or event.occurred < item.trigger.day:
                    continue
                if item.episode_end is not None and event.occurred > item.episode_end:
                    continue  # after its episode ended: does not count towards it
                if waived_before(item, event.occurred):
                    continue
                item.met = event
                break

        out: list[Obligation] = []
        for item in pending:
            met_on = item.met.occurred if item.met is not None else None
            end = item.episode_end
            if end is not None and end < item.due and (met_on is None or end < met_on):
                continue  # its episode ended before its due date and before it was met
            if any(
                item.trigger.day <= w < item.due and (met_on is None or w < met_on) for w in waivers
            ):
                continue  # waived on or after D, before its due date and before it was met
            out.append(
                self.obligation(
                    item.trigger.sequence,
                    item.trigger.day,
                    item.trigger.event_type,
                    item.due,
                    item.due_at,
                    item.met,
                    item.episode_id,
                )
            )
        return out

    # Recurring: "at least every T" ------------------------------------------------------

    def recurring(self) -> list[Obligation]:
        standard = self.standard
        out: list[Obligation] = []
        for anchor in self.triggers():
            episode_id, end = self.own_episode_id(anchor), None
            if standard.episode is not None:
                episode = self.episode(anchor)
                if episode is None:
                    continue
                episode_id, end = episode.episode_id, episode.end
            anchor_day, anchor_event = anchor.day, anchor.event_type
            k = 1
            while True:
                due, _ = due_date(anchor_day, None, standard.interval(k), self.calendar)
                met: Event | None = None
                for event in self.history:
                    if (
                        event.occurred > anchor_day
                        and (end is None or event.occurred <= end)
                        and matches(event, standard.met_by)
                    ):
                        met = event
                        break
                if end is not None and due > end and met is None:
                    break  # due after the episode ended and not met by then: not owed
                out.append(self.obligation(k, anchor_day, anchor_event, due, None, met, episode_id))
                if met is None:
                    break  # overdue or open: nothing after it can be dated yet
                anchor_day, anchor_event = met.occurred, met.event
                k += 1
        return out

    # Recording: "written up within T" ---------------------------------------------------

    def recording(self) -> list[Obligation]:
        standard = self.standard
        out: list[Obligation] = []
        for trigger in self.triggers():
            event = trigger.event
            if event is None or event.recorded is None:
                continue  # nothing to check
            episode_id = self.own_episode_id(trigger)
            if standard.episode is not None:
                episode = self.episode(trigger)
                if episode is None:
                    continue
                episode_id = episode.episode_id
            due, due_at = due_date(trigger.day, trigger.at, standard.intervals[0], self.calendar)
            met_on: dt.date | None = event.recorded
            met_at = event.recorded_at
            if event.recorded > self.as_of:
                met_on, met_at = None, None  # not yet recorded
            out.append(
                Obligation(
                    child_id=self.child_id,
                    standard=standard.id,
                    sequence=trigger.sequence,
                    trigger=trigger.day,
                    trigger_event=trigger.event_type,
                    due=due,
                    status=status(due, due_at, met_on, met_at, self.as_of),
                    met_on=met_on,
                    met_event=event.event if met_on is not None else "",
                    episode_id=episode_id,
                    due_at=due_at,
                )
            )
        return out

    # Before: "X at least T before Y" ----------------------------------------------------

    def before(self) -> list[Obligation]:
        standard = self.standard
        out: list[Obligation] = []
        previous: dt.date | None = None
        for trigger in self.triggers():
            episode_id = self.own_episode_id(trigger)
            if standard.episode is not None:
                episode = self.episode(trigger)
                if episode is None:
                    continue
                episode_id = episode.episode_id
            after, previous = previous, trigger.day
            due, due_at = due_date(
                trigger.day, trigger.at, standard.intervals[0], self.calendar, sign=-1
            )
            met: Event | None = None
            for event in self.history:
                if (
                    (after is None or event.occurred > after)
                    and event.occurred <= trigger.day
                    and matches(event, standard.met_by)
                ):
                    met = event
                    break
            out.append(
                self.obligation(
                    trigger.sequence, trigger.day, trigger.event_type, due, due_at, met, episode_id
                )
            )
        return out
