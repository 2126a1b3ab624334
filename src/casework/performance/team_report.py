"""The weekly report of assessment activity for a team (seed 003): referrals received,
assessments started and completed in the week, and those still in progress with the day
they are due (45 working days from the referral)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from casework.calendar import calendar_for
from casework.insight import Period
from casework.records.evaluation import current_pack
from casework.records.models import Episode, Event, Person, Team

WITHIN = 45  # working days from the referral (Working Together 2023)


@dataclass
class InProgress:
    person: Person
    started: dt.date
    referred: dt.date | None
    due: dt.date
    working_days: int  # since the referral (or the start, with no referral recorded)

    @property
    def overdue(self) -> bool:
        return self.working_days > WITHIN


@dataclass
class WorkerLine:
    name: str
    in_progress: int = 0
    started: int = 0
    completed: int = 0
    completed_in_time: int = 0
    overdue: int = 0


@dataclass
class TeamWeek:
    team: Team
    week: Period
    referrals: int = 0
    started: int = 0
    completed: int = 0
    completed_in_time: int = 0
    in_progress: list[InProgress] = field(default_factory=list)
    workers: list[WorkerLine] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(1 for a in self.in_progress if a.overdue)


def team_week(team: Team, week: Period) -> TeamWeek:
    calendar = calendar_for(current_pack().calendar)
    people = Person.objects.filter(team=team)
    report = TeamWeek(team=team, week=week)
    report.referrals = Event.objects.filter(
        person__in=people, type="referral", withdrawn=False, occurred__range=(week.start, week.end)
    ).count()
    episodes = list(
        Episode.objects.filter(person__in=people, type="assessment", started__lte=week.end)
        .exclude(ended__lt=week.start)
        .select_related("person", "person__worker")
    )
    referrals: dict[int, list[dt.date]] = defaultdict(list)
    for person_id, day in Event.objects.filter(
        person__in={e.person_id for e in episodes}, type="referral", withdrawn=False
    ).values_list("person_id", "occurred"):
        referrals[person_id].append(day)
    lines: dict[str, WorkerLine] = {}
    for episode in sorted(episodes, key=lambda e: (e.started, e.pk)):
        person = episode.person
        worker = person.worker.display_name if person.worker else "Unallocated"
        line = lines.setdefault(worker, WorkerLine(worker))
        earlier = [d for d in referrals[person.pk] if d <= episode.started]
        referred = max(earlier) if earlier else None
        anchor = referred or episode.started
        due = calendar.add(anchor, WITHIN)
        if week.start <= episode.started <= week.end:
            report.started += 1
            line.started += 1
        if episode.ended is not None and episode.ended <= week.end:
            report.completed += 1
            line.completed += 1
            if referred is not None and episode.ended <= due:
                report.completed_in_time += 1
                line.completed_in_time += 1
            continue
        days = calendar.count_between(anchor, week.end)
        found = InProgress(person, episode.started, referred, due, days)
        report.in_progress.append(found)
        line.in_progress += 1
        line.overdue += found.overdue
    report.in_progress.sort(key=lambda a: (a.due, a.person.pk))
    report.workers = sorted(lines.values(), key=lambda w: w.name)
    return report
