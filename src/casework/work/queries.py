"""The queries behind the workload pages. Everything starts from the access policy."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Min, Q, QuerySet

from casework.records.evaluation import current_pack
from casework.records.models import Obligation, ObligationStatus, Person
from casework.records.presenters import AMBER_DAYS, Rag

OUTSTANDING = (ObligationStatus.OPEN, ObligationStatus.OVERDUE)
# Standards met by these events are about who holds the case (Climbie recommendation 42).
ALLOCATION_EVENTS = {"allocation", "transfer", "transfer_meeting", "probation_transfer"}


def outstanding(people: QuerySet[Person]) -> QuerySet[Obligation]:
    return Obligation.objects.filter(person__in=people, status__in=OUTSTANDING)


def red_q(today: dt.date, prefix: str = "") -> Q:
    if prefix:
        return Q(**{f"{prefix}__lt": today})
    return Q(overdue_count__gt=0) | Q(next_due__lt=today)


def amber_q(today: dt.date, prefix: str = "next_due") -> Q:
    soon = today + dt.timedelta(days=AMBER_DAYS)
    return Q(**{f"{prefix}__gte": today, f"{prefix}__lte": soon})


def with_rag(people: QuerySet[Person], rag: str, today: dt.date, due: str = "") -> QuerySet[Person]:
    """Filter by red/amber/green, on the person's next due date or an annotated one."""
    red = red_q(today, due)
    amber = amber_q(today, due or "next_due")
    if rag == Rag.RED:
        return people.filter(red)
    if rag == Rag.AMBER:
        return people.filter(amber).exclude(red)
    if rag == Rag.GREEN:
        return people.exclude(red).exclude(amber)
    return people


@dataclass
class ChildWork:
    person: Person
    next: list[Obligation] = field(default_factory=list)
    overdue: int = 0


def next_obligations(people: list[Person], today: dt.date, per_child: int = 3) -> list[ChildWork]:
    """Each child with their next few outstanding obligations and how many are overdue."""
    rows: dict[int, ChildWork] = {p.pk: ChildWork(p) for p in people}
    for o in outstanding(Person.objects.filter(pk__in=list(rows))).order_by("due", "id"):
        work = rows[o.person_id]
        if o.due < today:
            work.overdue += 1
        if len(work.next) < per_child:
            work.next.append(o)
    return list(rows.values())


def overdue_by_standard(people: QuerySet[Person], today: dt.date) -> list[tuple[str, int]]:
    counts = (
        outstanding(people)
        .filter(due__lt=today)
        .values("standard")
        .annotate(n=Count("id"))
        .order_by("-n", "standard")
    )
    return [(c["standard"], c["n"]) for c in counts]


def allocation_standards() -> set[str]:
    found: set[str] = set()
    for standard in current_pack().checkable:
        met_by = standard.met_by
        if met_by is not None and ALLOCATION_EVENTS & set(met_by.events):
            found.add(standard.id)
    return found


def allocation_due(people: QuerySet[Person]) -> QuerySet[Obligation]:
    """Allocations and transfers the standards require that have not happened yet."""
    return (
        outstanding(people)
        .filter(standard__in=allocation_standards())
        .select_related("person", "person__worker")
        .order_by("due")
    )


def annotate_standard_due(people: QuerySet[Person], standard: str) -> QuerySet[Person]:
    """Only people owing this standard, with its earliest outstanding due date."""
    owing = Q(obligations__standard=standard, obligations__status__in=OUTSTANDING)
    return people.filter(owing).annotate(standard_due=Min("obligations__due", filter=owing))


def caseloads(people: QuerySet[Person], today: dt.date) -> list[dict[str, object]]:
    """For each worker (and 'unallocated'): children held, red, amber."""
    rows = (
        people.values("worker", "worker__first_name", "worker__last_name")
        .annotate(
            children=Count("id"),
            red=Count("id", filter=red_q(today)),
            amber=Count("id", filter=amber_q(today) & ~red_q(today)),
        )
        .order_by("worker__last_name", "worker__first_name")
    )
    return list(rows)


def counts_by(rows: QuerySet[Person], key: str) -> dict[str, int]:
    found: dict[str, int] = defaultdict(int)
    for row in rows.values(key).annotate(n=Count("id")):
        found[str(row[key] or "")] += row["n"]
    return dict(found)
