"""Dip audits Casework proposes when it sees one of seed 004's triggers.

- Chronology: a conference (rules.yaml names the events) with no chronology update in the
  months before it.
- Missed visit, lapsed core group: an outstanding obligation past its due date under a
  standard met by a visit (or a core group).

Proposals are computed from the record and inserted with the unique (person, trigger,
trigger key) constraint, so running again adds only what is new. A proposal that is later
confirmed or dismissed is never proposed again.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from casework.challenges.models import DipAudit, DipAuditTrigger
from casework.challenges.rules import rules
from casework.records.evaluation import current_pack
from casework.records.models import ChronologyEntry, Event, Obligation, ObligationStatus, Person
from casework.records.presenters import standard_title

# Only triggers this recent are proposed: a chair acts on what is current.
LOOK_BACK_DAYS = 92


@dataclass(frozen=True)
class Proposal:
    person_id: int
    trigger: DipAuditTrigger
    trigger_key: str
    trigger_date: dt.date
    detail: str


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier, or the month's last day when it has no such day."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _standards_met_by(events: tuple[str, ...]) -> list[str]:
    wanted = set(events)
    return [
        s.id
        for s in current_pack().standards
        if s.met_by is not None and wanted & set(s.met_by.events)
    ]


def _overdue(
    people: QuerySet[Person], trigger: DipAuditTrigger, today: dt.date, since: dt.date
) -> list[Proposal]:
    rule = rules().dip_audits[trigger.value]
    standards = _standards_met_by(rule.overdue_met_by)
    rows = Obligation.objects.filter(
        person__in=people,
        person__is_open=True,
        standard__in=standards,
        status__in=(ObligationStatus.OPEN, ObligationStatus.OVERDUE),
        due__lt=today,
        due__gte=since,
    ).order_by("person_id", "due", "id")
    return [
        Proposal(
            o.person_id,
            trigger,
            f"{o.standard}|{o.episode_key}|{o.sequence}|{o.trigger.isoformat()}",
            o.due,
            f"{standard_title(o.standard)}: due {o.due:%d %B %Y}, not done",
        )
        for o in rows
    ]


def _chronology(people: QuerySet[Person], today: dt.date, since: dt.date) -> list[Proposal]:
    rule = rules().dip_audits[DipAuditTrigger.CHRONOLOGY.value]
    conferences = Event.objects.filter(
        person__in=people,
        type__in=rule.conferences,
        withdrawn=False,
        occurred__gte=since,
        occurred__lte=today,
    ).order_by("person_id", "occurred", "id")
    found: list[Proposal] = []
    for conference in conferences:
        start = months_before(conference.occurred, rule.within_months)
        updated = (
            Event.objects.filter(
                person_id=conference.person_id,
                type__in=rule.updated_by,
                withdrawn=False,
                occurred__gte=start,
                occurred__lt=conference.occurred,
            ).exists()
            or ChronologyEntry.objects.filter(
                person_id=conference.person_id,
                occurred__gte=start,
                occurred__lt=conference.occurred,
            ).exists()
        )
        if updated:
            continue
        found.append(
            Proposal(
                conference.person_id,
                DipAuditTrigger.CHRONOLOGY,
                f"event|{conference.pk}",
                conference.occurred,
                f"{conference.title} on {conference.occurred:%d %B %Y}: chronology not "
                f"updated in the {rule.within_months} months before",
            )
        )
    return found


def find(people: QuerySet[Person], today: dt.date) -> list[Proposal]:
    """Every trigger seen in the look-back period for these people."""
    since = today - dt.timedelta(days=LOOK_BACK_DAYS)
    return [
        *_chronology(people, today, since),
        *_overdue(people, DipAuditTrigger.VISIT, today, since),
        *_overdue(people, DipAuditTrigger.CORE_GROUP, today, since),
    ]


def propose(today: dt.date, people: QuerySet[Person] | None = None) -> int:
    """Record a proposal for each trigger not already recorded; returns how many are new."""
    scope = people if people is not None else Person.objects.all()
    found = find(scope, today)
    if not found:
        return 0
    before = DipAudit.objects.count()
    now = timezone.now()
    DipAudit.objects.bulk_create(
        [
            DipAudit(
                person_id=p.person_id,
                trigger=p.trigger,
                trigger_key=p.trigger_key,
                trigger_date=p.trigger_date,
                detail=p.detail[:300],
                proposed_at=now,
            )
            for p in found
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    return DipAudit.objects.count() - before
