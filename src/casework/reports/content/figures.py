"""Counts the reports are made of, read from the database. Every count is of children,
events or obligations across the whole council; nothing here names anyone."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from casework.equality.data import assessments
from casework.records.models import Episode, Event, Obligation, ObligationStatus, Person, PersonKind
from casework.reports.periods import Period

ASSESSMENT_LIMIT = 45  # working days

# The work a child's case is for, most intensive first: an unallocated child is described
# by the first of these they have open.
NATURE: tuple[tuple[str, str], ...] = (
    ("child_protection", "Child protection plan"),
    ("child_in_care", "In care"),
    ("care_leaver", "Care leaver"),
    ("section_47", "Child protection enquiry"),
    ("child_in_need", "Child in need plan"),
    ("assessment", "Assessment"),
    ("disabled_children", "Children with disabilities"),
    ("early_help", "Early help"),
    ("contact", "Contact or referral"),
)
OTHER_NATURE = "Other open case"


def open_children() -> QuerySet[Person]:
    return Person.objects.filter(is_open=True, kind=PersonKind.CHILD)


def events(event_type: str, period: Period) -> QuerySet[Event]:
    return Event.objects.filter(
        type=event_type, withdrawn=False, occurred__gte=period.start, occurred__lte=period.end
    )


def children_with(event_type: str, period: Period) -> int:
    return events(event_type, period).values("person").distinct().count()


def open_during(episode_type: str, period: Period) -> QuerySet[Episode]:
    return Episode.objects.filter(type=episode_type, started__lte=period.end).filter(
        Q(ended__isnull=True) | Q(ended__gte=period.start)
    )


def open_on(episode_type: str, day: dt.date) -> int:
    return (
        Episode.objects.filter(type=episode_type, started__lte=day)
        .filter(Q(ended__isnull=True) | Q(ended__gt=day))
        .values("person")
        .distinct()
        .count()
    )


def assessment_timeliness(period: Period) -> tuple[int, int]:
    """(assessments completed in the period, of them within 45 working days)."""
    done = assessments(period.start, period.end)
    return len(done), sum(1 for a in done if a.working_days <= ASSESSMENT_LIMIT)


def nature_of(people: QuerySet[Person]) -> Counter[str]:
    """How many of `people` have each kind of work open (the most intensive one each)."""
    open_types: dict[int, set[str]] = {}
    for person, kind in Episode.objects.filter(person__in=people, ended__isnull=True).values_list(
        "person_id", "type"
    ):
        open_types.setdefault(person, set()).add(kind)
    counts: Counter[str] = Counter()
    for pid in people.values_list("id", flat=True):
        kinds = open_types.get(pid, set())
        counts[next((title for key, title in NATURE if key in kinds), OTHER_NATURE)] += 1
    return counts


@dataclass(frozen=True)
class Compliance:
    standard: str
    due: int
    met: int
    late: int
    not_met: int  # overdue, or still open past its date


def compliance(
    period: Period,
    today: dt.date,
    keep: Callable[[str], bool] = lambda s: True,
    *,
    children_only: bool = True,
) -> list[Compliance]:
    """Obligations falling due in the period, by standard, the largest share missed first."""
    overdue = Q(status=ObligationStatus.OVERDUE) | Q(status=ObligationStatus.OPEN, due__lt=today)
    due = Obligation.objects.filter(due__gte=period.start, due__lte=period.end)
    if children_only:
        due = due.filter(person__kind=PersonKind.CHILD)
    rows = due.values("standard").annotate(
        due_n=Count("id"),
        met=Count("id", filter=Q(status=ObligationStatus.MET)),
        late=Count("id", filter=Q(status=ObligationStatus.LATE)),
        not_met=Count("id", filter=overdue),
    )
    found = [
        Compliance(r["standard"], r["due_n"], r["met"], r["late"], r["not_met"])
        for r in rows
        if keep(r["standard"])
    ]
    found.sort(key=lambda c: (-(c.late + c.not_met) / max(c.due, 1), -c.due, c.standard))
    return found
