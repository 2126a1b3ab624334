"""Work out obligations with the engine and store them: for one person when their events
change (in the same request), or for everyone at once (loading a council, the daily sweep)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from casework import engine
from casework.records import bulk
from casework.records.models import Event, Obligation, ObligationStatus, Person
from casework.standards import Pack, Standard, load_pack

_EVENT_COLUMNS = (
    "person_id",
    "type",
    "occurred",
    "occurred_time",
    "recorded",
    "recorded_at",
    "worker_id",
    "episode__key",
    "details",
)
_OUTSTANDING = (ObligationStatus.OPEN, ObligationStatus.OVERDUE)


def current_pack() -> Pack:
    """The pack named by the CASEWORK_PACK setting (each pack is read once)."""
    return _pack(settings.CASEWORK_PACK)


@cache
def _pack(name: str) -> Pack:
    return load_pack(name)


def standard_for(standard_id: str) -> Standard | None:
    try:
        return current_pack().get(standard_id)
    except KeyError:
        return None


def today() -> dt.date:
    """Today in England, or the fixed date in CASEWORK_TODAY (the demo council's last day)."""
    fixed: str = getattr(settings, "CASEWORK_TODAY", "")
    if "T" in fixed:  # a fixed date and time, for the hour-based timers
        return dt.datetime.fromisoformat(fixed).date()
    return dt.date.fromisoformat(fixed) if fixed else timezone.localdate()


def now() -> dt.datetime:
    """The current time, on the fixed day when CASEWORK_TODAY is set (at the fixed time, when
    it is a date and time such as 2024-06-28T15:00, read as the time in England)."""
    fixed: str = getattr(settings, "CASEWORK_TODAY", "")
    if "T" in fixed:
        return timezone.make_aware(dt.datetime.fromisoformat(fixed))
    current = timezone.localtime()
    day = today()
    if day != current.date():
        current = timezone.make_aware(dt.datetime.combine(day, current.time()))
    return current


def _engine_event(row: tuple[Any, ...]) -> engine.Event:
    person_id, type_, occurred, time, recorded, recorded_at, worker_id, episode, details = row
    return engine.Event(
        child_id=str(person_id),
        event=type_,
        occurred=occurred,
        occurred_at=dt.datetime.combine(occurred, time) if time is not None else None,
        recorded=recorded,
        recorded_at=(timezone.localtime(recorded_at).replace(tzinfo=None) if recorded_at else None),
        episode_id=episode or "",
        worker=str(worker_id or ""),
        details={k: str(v) for k, v in (details or {}).items()},
    )


def engine_events(
    person_ids: Iterable[int] | None = None, *, types: Iterable[str] | None = None
) -> list[engine.Event]:
    """The current, not withdrawn, version of every event (of these people, of these types)."""
    rows = Event.objects.filter(withdrawn=False)
    if person_ids is not None:
        rows = rows.filter(person_id__in=list(person_ids))
    if types is not None:
        rows = rows.filter(type__in=list(types))
    return [
        _engine_event(r)
        for r in rows.order_by("person_id", "occurred", "id").values_list(*_EVENT_COLUMNS)
    ]


# An obligation as a plain tuple, in this order: comparing and inserting tuples is far
# cheaper than building model instances, and most obligations do not change on a save.
FIELDS = (
    "standard",
    "sequence",
    "trigger",
    "trigger_event",
    "due",
    "due_at",
    "status",
    "met_on",
    "met_event",
    "episode_key",
)
Values = tuple[Any, ...]
_STANDARD, _DUE, _STATUS = FIELDS.index("standard"), FIELDS.index("due"), FIELDS.index("status")


def _values(o: engine.Obligation) -> Values:
    return (
        o.standard,
        o.sequence,
        o.trigger,
        o.trigger_event,
        o.due,
        timezone.make_aware(o.due_at) if o.due_at is not None else None,
        o.status.value,
        o.met_on,
        o.met_event,
        o.episode_id,
    )


def _summary(rows: Iterable[Values], as_of: dt.date) -> tuple[dt.date | None, str, int]:
    """(next due date, its standard, how many are overdue) among outstanding obligations."""
    next_due: dt.date | None = None
    next_standard = ""
    overdue = 0
    for row in rows:
        if row[_STATUS] not in _OUTSTANDING:
            continue
        due: dt.date = row[_DUE]
        if due < as_of:
            overdue += 1
        if next_due is None or due < next_due:
            next_due, next_standard = due, row[_STANDARD]
    return next_due, next_standard, overdue


def reevaluate(person: Person, as_of: dt.date | None = None) -> list[Values]:
    """Bring one person's stored obligations into line with the engine's, as of today.

    Only the rows that changed are written, so recording a visit touches a handful of rows.
    """
    as_of = as_of or today()
    found = engine.evaluate_events(engine_events([person.pk]), current_pack(), as_of)
    new = [_values(o) for o in found]
    with transaction.atomic():
        stored = Obligation.objects.filter(person=person).values_list("id", *FIELDS)
        existing = {tuple(row[1:]): row[0] for row in stored}
        wanted = set(new)
        gone = [pk for values, pk in existing.items() if values not in wanted]
        if gone:
            Obligation.objects.filter(pk__in=gone).delete()
        added = [v for v in new if v not in existing]
        Obligation.objects.bulk_create(
            Obligation(person_id=person.pk, **dict(zip(FIELDS, v, strict=True))) for v in added
        )
        person.next_due, person.next_standard, person.overdue_count = _summary(new, as_of)
        person.evaluated_on = as_of
        Person.objects.filter(pk=person.pk).update(
            next_due=person.next_due,
            next_standard=person.next_standard,
            overdue_count=person.overdue_count,
            evaluated_on=as_of,
        )
    return new


def reevaluate_everyone(as_of: dt.date | None = None) -> int:
    """Replace every person's stored obligations, evaluating the whole council at once.

    Safe to repeat: the result depends only on the events and the date. Rows are written
    with plain multi-row statements, as a council has hundreds of thousands of them.
    """
    as_of = as_of or today()
    found = engine.evaluate_events(engine_events(), current_pack(), as_of)
    by_person: dict[int, list[Values]] = defaultdict(list)
    rows: list[Values] = []
    for o in found:
        values = _values(o)
        person_id = int(o.child_id)
        by_person[person_id].append(values)
        rows.append((person_id, *values))
    summaries = [
        (*_summary(by_person.get(pk, ()), as_of), as_of, pk)
        for pk in Person.objects.values_list("pk", flat=True)
    ]
    with transaction.atomic():
        Obligation.objects.all().delete()
        bulk.insert(Obligation, ("person_id", *FIELDS), rows)
        bulk.update_by_id(
            Person, ("next_due", "next_standard", "overdue_count", "evaluated_on"), summaries
        )
    return len(rows)
