"""Reading the children and the stages they reached from the database, for `analysis`.

Figures cover every child the council holds (they name no child, like the councillors'
figures); the pages that show them need the management-information ability."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from casework.calendar import calendar_for
from casework.equality.analysis import Assessment, Child, Monitoring, monitor
from casework.equality.baseline import current_baseline
from casework.records.models import Episode, Event, Person, PersonKind

# Stages counted from an event in the period, and stages counted from an episode open at
# any time in it.
_EVENT_STAGES = {"contact": "contact", "referral": "referral", "assessment": "assessment_start"}
_EPISODE_STAGES = {
    "child_in_need": "child_in_need",
    "child_protection": "child_protection",
    "child_in_care": "child_in_care",
}


def children() -> dict[int, Child]:
    rows = Person.objects.filter(kind=PersonKind.CHILD).values_list(
        "id", "ethnicity", "sex", "date_of_birth", "disability"
    )
    return {i: Child(i, eth or "", sex or "", born, dis or "") for i, eth, sex, born, dis in rows}


def stages(start: dt.date, end: dt.date) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for key, event in _EVENT_STAGES.items():
        found[key] = set(
            Event.objects.filter(
                type=event, withdrawn=False, occurred__gte=start, occurred__lte=end
            ).values_list("person_id", flat=True)
        )
    for key, episode in _EPISODE_STAGES.items():
        found[key] = set(
            Episode.objects.filter(type=episode, started__lte=end)
            .filter(Q(ended__isnull=True) | Q(ended__gte=start))
            .values_list("person_id", flat=True)
        )
    return found


def assessments(start: dt.date, end: dt.date) -> list[Assessment]:
    """Assessments completed in the period, with the working days they took."""
    calendar = calendar_for("england-and-wales")
    rows = Episode.objects.filter(
        type="assessment", ended__isnull=False, ended__gte=start, ended__lte=end
    ).values_list("person_id", "started", "ended")
    return [
        Assessment(person, calendar.count_between(started, ended))
        for person, started, ended in rows
        if ended is not None
    ]


def monitoring(start: dt.date, end: dt.date, characteristic: str = "ethnic_group") -> Monitoring:
    return monitor(
        children(),
        stages(start, end),
        assessments(start, end),
        current_baseline(),
        characteristic,
        start,
        end,
    )
