"""Live figures beside the self-assessment criteria, from the database as it stands.

Each figure the framework names as evidence (climbie-2003.yaml, `evidence:`) is worked out
here where Casework holds it: unallocated cases and chronology currency directly; figures
built on standards as the share of their obligations due in the last 12 months that were
met on time; figures built only on events as a count of those events in the last 12 months.
Counts only: no figure names or identifies a child.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max, Q

from casework.challenges.proposals import months_before
from casework.improvement.framework import framework
from casework.records.evaluation import current_pack
from casework.records.models import (
    ChronologyEntry,
    Event,
    Obligation,
    ObligationStatus,
    Person,
    PersonKind,
)

YEAR = 365
CHRONOLOGY_MONTHS = 3  # wokingham-2020/record-chronology: every 3 months


@dataclass(frozen=True)
class LiveFigure:
    key: str
    title: str
    value: str  # the figure in words, e.g. "12 of 340 open cases (3.5%)"
    basis: str
    link: str = ""  # a URL name of the page behind the figure, if there is one


def _percent(part: int, whole: int) -> str:
    return f"{part} of {whole} ({100 * part / whole:.0f}%)" if whole else "none to count"


def _open_children() -> Q:
    return Q(is_open=True, kind=PersonKind.CHILD)


def unallocated(today: dt.date) -> str:
    children = Person.objects.filter(_open_children())
    return _percent(children.filter(worker__isnull=True).count(), children.count()) + (
        " open cases have no allocated worker"
    )


def chronology_currency(today: dt.date) -> str:
    since = months_before(today, CHRONOLOGY_MONTHS)
    children = Person.objects.filter(_open_children())
    by_event = Event.objects.filter(
        type="chronology_update", withdrawn=False, occurred__gt=since, occurred__lte=today
    ).values("person_id")
    by_entry = ChronologyEntry.objects.filter(occurred__gt=since, occurred__lte=today).values(
        "person_id"
    )
    current = children.filter(Q(pk__in=by_event) | Q(pk__in=by_entry)).count()
    return (
        _percent(current, children.count())
        + f" open cases had their chronology updated in the last {CHRONOLOGY_MONTHS} months"
    )


def team_workload(today: dt.date) -> str:
    children = Person.objects.filter(_open_children())
    late = children.filter(overdue_count__gt=0).count()
    latest = children.aggregate(on=Max("evaluated_on"))["on"]
    when = f" (worked out {latest:%d %B %Y})" if latest else ""
    return _percent(late, children.count()) + f" open cases have overdue work{when}"


def compliance(standards: list[str], today: dt.date) -> str:
    rows = Obligation.objects.filter(
        standard__in=standards, due__lte=today, due__gt=today - dt.timedelta(days=YEAR)
    ).exclude(status=ObligationStatus.OPEN)
    on_time = rows.filter(status=ObligationStatus.MET).count()
    return _percent(on_time, rows.count()) + " obligations due in the last 12 months met on time"


def events(types: tuple[str, ...], today: dt.date) -> str:
    count = Event.objects.filter(
        type__in=types,
        withdrawn=False,
        occurred__lte=today,
        occurred__gt=today - dt.timedelta(days=YEAR),
    ).count()
    return f"{count} recorded in the last 12 months"


_DIRECT = {
    "unallocated-cases": (unallocated, "work:team"),
    "chronology-currency": (chronology_currency, ""),
    "team-workload": (team_workload, "work:team"),
}


def live_figure(key: str, today: dt.date) -> LiveFigure | None:
    """The figure for an evidence key, or None where Casework does not hold it yet."""
    source = framework().evidence.get(key)
    if source is None:
        return None
    if key in _DIRECT:
        compute, link = _DIRECT[key]
        return LiveFigure(key, source.title, compute(today), source.basis, link)
    pack = current_pack()
    ours = [s.split("/", 1)[1] for s in source.standards if s.startswith(pack.name + "/")]
    if ours:
        return LiveFigure(key, source.title, compliance(ours, today), source.basis)
    if key == "standards-compliance":
        every = [s.id for s in pack.checkable]
        return LiveFigure(key, source.title, compliance(every, today), source.basis, "work:figures")
    if source.events:
        return LiveFigure(key, source.title, events(source.events, today), source.basis)
    return None


class Figures:
    """Live figures worked out once per page."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self._found: dict[str, LiveFigure | None] = {}

    def get(self, key: str) -> LiveFigure | None:
        if key not in self._found:
            self._found[key] = live_figure(key, self.today)
        return self._found[key]

    def for_keys(self, keys: tuple[str, ...]) -> list[LiveFigure]:
        return [f for f in (self.get(k) for k in keys) if f is not None]
