"""The timers of a contact, read from the stored obligations (never worked out again here):
what each standard asks, when it is due, and how long is left."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from casework.frontdoor.models import Contact
from casework.frontdoor.wording import day_left, time_left
from casework.records.models import Obligation, ObligationStatus
from casework.records.presenters import standard_title


@dataclass(frozen=True)
class Timer:
    standard: str
    title: str
    due: dt.date
    due_at: dt.datetime | None  # aware, where the standard is counted in hours
    status: ObligationStatus  # as of now: an open timer past its due time is overdue
    left: str  # "3 hours 20 minutes left", "2 hours overdue", "due today", "Met"
    deadline: dt.datetime  # for sorting, in UTC: the due time, or the end of the due day

    @property
    def outstanding(self) -> bool:
        return self.status in (ObligationStatus.OPEN, ObligationStatus.OVERDUE)


def _utc(at: dt.datetime) -> dt.datetime:
    """Compared in UTC: Python compares two times in the same zone by their wall clocks,
    which is wrong in the hour the clocks go back."""
    return at.astimezone(dt.UTC)


def _end_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59)))


def timer(row: Obligation, now: dt.datetime) -> Timer:
    due_at = timezone.localtime(row.due_at) if row.due_at is not None else None
    status = ObligationStatus(row.status)
    if status is ObligationStatus.OPEN:
        late = _utc(due_at) < _utc(now) if due_at is not None else row.due < now.date()
        status = ObligationStatus.OVERDUE if late else status
    if status in (ObligationStatus.MET, ObligationStatus.LATE):
        left = status.label
    elif due_at is not None:
        left = time_left(due_at, now)
    else:
        left = day_left(row.due, now.date())
    return Timer(
        standard=row.standard,
        title=standard_title(row.standard),
        due=row.due,
        due_at=due_at,
        status=status,
        left=left,
        deadline=_utc(due_at or _end_of(row.due)),
    )


def _belongs(contact: Contact) -> Q:
    """The contact's own timers (they carry its episode), and once the child is allocated
    for an assessment, that assessment's first timers."""
    mine = Q(episode_key=contact.episode_key)
    if contact.assessment_started is not None:
        mine |= Q(trigger_event="assessment_start", trigger=contact.assessment_started)
    return Q(person_id=contact.person_id) & mine


def timers_for(contacts: Iterable[Contact], now: dt.datetime) -> dict[int, list[Timer]]:
    """Each contact's timers, outstanding ones first and soonest first, in one query."""
    contacts = list(contacts)
    found: dict[int, list[Timer]] = {c.pk: [] for c in contacts}
    if not contacts:
        return found
    query = Q(pk__in=[])
    for contact in contacts:
        query |= _belongs(contact)
    rows = Obligation.objects.filter(query).order_by("due", "due_at", "standard")
    by_person: dict[int, list[Obligation]] = defaultdict(list)
    for row in rows:
        by_person[row.person_id].append(row)
    for contact in contacts:
        for row in by_person[contact.person_id]:
            if _matches(contact, row):
                found[contact.pk].append(timer(row, now))
        found[contact.pk].sort(key=lambda t: (not t.outstanding, t.deadline, t.title))
    return found


def _matches(contact: Contact, row: Obligation) -> bool:
    if row.episode_key == contact.episode_key:
        return True
    return row.trigger_event == "assessment_start" and row.trigger == contact.assessment_started


def soonest(timers: list[Timer]) -> dt.datetime | None:
    """The deadline of the most urgent outstanding timer, if any."""
    outstanding = [t.deadline for t in timers if t.outstanding]
    return min(outstanding) if outstanding else None
