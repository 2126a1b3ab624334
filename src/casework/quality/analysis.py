"""The six-monthly audit analysis (seed 000, 2.4.33 and 2.4.36): grades by team, by
question and month by month; the recurring themes; and the remedial actions completed and
overdue. It counts audits and grades only, and names no child."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from casework.quality.audits import template
from casework.quality.frameworks import MONTHS
from casework.quality.models import ActionStatus, Answer, AuditStatus, CaseAudit, RemedialAction

# A theme recurs when a question is graded below standard in at least this many audits.
RECURRING_AT = 2
NO_TEAM = "No team"


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def title(self) -> str:
        return f"{MONTHS[self.start.month - 1]} to {MONTHS[self.end.month - 1]} {self.end.year}"

    @property
    def key(self) -> str:
        return f"{self.start.year}-h{1 if self.start.month == 1 else 2}"

    @classmethod
    def half_year(cls, year: int, half: int) -> Period:
        if half == 1:
            return cls(dt.date(year, 1, 1), dt.date(year, 6, 30))
        return cls(dt.date(year, 7, 1), dt.date(year, 12, 31))

    @classmethod
    def containing(cls, day: dt.date) -> Period:
        return cls.half_year(day.year, 1 if day.month <= 6 else 2)

    @classmethod
    def from_key(cls, key: str) -> Period:
        year, half = key.split("-h")
        if half not in ("1", "2"):
            raise ValueError(key)
        return cls.half_year(int(year), int(half))

    def previous(self) -> Period:
        return Period.containing(self.start - dt.timedelta(days=1))


@dataclass(frozen=True)
class GradeRow:
    label: str
    counts: dict[str, int]  # grade -> number

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def below(self) -> int:
        scale = template().grades
        return sum(n for g, n in self.counts.items() if scale.get(g).below_standard)

    @property
    def below_percent(self) -> int:
        return round(100 * self.below / self.total) if self.total else 0


@dataclass(frozen=True)
class Theme:
    question: str
    audits: int
    of: int

    @property
    def percent(self) -> int:
        return round(100 * self.audits / self.of) if self.of else 0


@dataclass(frozen=True)
class ActionFigures:
    set: int
    done: int
    done_late: int
    open: int
    overdue: int


@dataclass(frozen=True)
class Report:
    period: Period
    today: dt.date
    grades: list[tuple[str, str]]  # (grade, label), best first
    audits: int
    overall: GradeRow
    by_team: list[GradeRow]
    by_question: list[GradeRow]
    by_month: list[GradeRow]
    themes: list[Theme]
    actions: ActionFigures


def _row(label: str, grades: list[str], order: list[str]) -> GradeRow:
    counted = Counter(grades)
    return GradeRow(label, {g: counted.get(g, 0) for g in order})


def analyse(period: Period, today: dt.date) -> Report:
    scale = template().grades
    order = [g.grade for g in scale.points]
    audits = list(
        CaseAudit.objects.filter(
            status=AuditStatus.COMPLETED,
            audited_on__gte=period.start,
            audited_on__lte=period.end,
        ).select_related("team")
    )
    ids = [a.pk for a in audits]
    by_team: dict[str, list[str]] = {}
    by_month: dict[int, list[str]] = {}
    for audit in audits:
        by_team.setdefault(audit.team.name if audit.team else NO_TEAM, []).append(
            audit.overall_grade
        )
        by_month.setdefault(audit.audited_on.month, []).append(audit.overall_grade)
    # Comments are left out on purpose: free text may name a child.
    answers = Answer.objects.filter(audit_id__in=ids).values_list("question", "grade")
    by_question: dict[str, list[str]] = {}
    for question, grade in answers:
        by_question.setdefault(question, []).append(grade)
    question_rows = [
        _row(q.question, by_question[q.id], order)
        for q in template().questions
        if q.id in by_question
    ]
    themes = sorted(
        (
            Theme(
                q.question,
                sum(scale.get(g).below_standard for g in by_question[q.id]),
                len(by_question[q.id]),
            )
            for q in template().questions
            if q.id in by_question
        ),
        key=lambda t: (-t.audits, t.question),
    )
    months = []
    day = period.start
    while day <= period.end:
        months.append(
            _row(f"{MONTHS[day.month - 1]} {day.year}", by_month.get(day.month, []), order)
        )
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    actions = list(RemedialAction.objects.filter(audit_id__in=ids))
    done = [a for a in actions if a.status == ActionStatus.DONE]
    return Report(
        period=period,
        today=today,
        grades=[(g.grade, g.label) for g in scale.points],
        audits=len(audits),
        overall=_row("All audits", [a.overall_grade for a in audits], order),
        by_team=[_row(name, grades, order) for name, grades in sorted(by_team.items())],
        by_question=question_rows,
        by_month=months,
        themes=[t for t in themes if t.audits >= RECURRING_AT],
        actions=ActionFigures(
            set=len(actions),
            done=len(done),
            done_late=sum(1 for a in done if a.completed_on and a.completed_on > a.due),
            open=len(actions) - len(done),
            overdue=sum(1 for a in actions if a.overdue(today)),
        ),
    )
