"""The quality frameworks as typed Python objects (built by the loader of each kind of
file: `self_assessment`, `audit_template`, `audit_programme`)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from casework.standards.model import Source
from casework.standards.timescale import Timescale

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# --- the self-assessment framework (climbie-2003.yaml) -----------------------------------


@dataclass(frozen=True)
class ScalePoint:
    score: int
    label: str
    descriptor: str


@dataclass(frozen=True)
class RatingScale:
    source: str  # "seed" when the document gives the scale, "casework" when it does not
    note: str
    points: tuple[ScalePoint, ...]

    def point(self, score: int) -> ScalePoint:
        for point in self.points:
            if point.score == score:
                return point
        raise KeyError(score)


@dataclass(frozen=True)
class Recommendation:
    number: int
    paragraph: str  # the Inquiry report's paragraph(s)
    text: str
    timescale: str = ""


@dataclass(frozen=True)
class EvidenceSource:
    """A live figure Casework holds, which a page can link to by its key."""

    key: str
    title: str
    basis: str
    events: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()  # as "pack/id"


@dataclass(frozen=True)
class Criterion:
    number: str  # exactly as the document numbers it, e.g. "2.10"
    standard: int
    text: str
    recommendations: tuple[int, ...]
    evidence: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class FrameworkStandard:
    number: int
    title: str
    statement: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class SelfAssessmentFramework:
    name: str
    title: str
    issued: str
    document: str
    description: str
    scale: RatingScale
    evidence: dict[str, EvidenceSource]
    recommendations: dict[int, Recommendation]
    standards: tuple[FrameworkStandard, ...]
    path: str = ""

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for s in self.standards for c in s.criteria)

    def criterion(self, number: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.number == number:
                return criterion
        raise KeyError(number)


# --- the case file audit tool (case-file-audit.yaml) -------------------------------------


@dataclass(frozen=True)
class Grade:
    grade: str
    label: str
    descriptor: str
    below_standard: bool


@dataclass(frozen=True)
class GradeScale:
    source: str
    note: str
    points: tuple[Grade, ...]

    def get(self, grade: str) -> Grade:
        for point in self.points:
            if point.grade == grade:
                return point
        raise KeyError(grade)


@dataclass(frozen=True)
class QuestionEvidence:
    """What the record can answer for a question, to pre-fill it for the auditor."""

    covers: str
    events: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()  # as "pack/id"


@dataclass(frozen=True)
class AuditQuestion:
    id: str
    question: str
    source: Source
    evidence: QuestionEvidence | None = None
    applies_to: tuple[str, ...] = ()  # episode types; empty means every case
    line: int = 0


@dataclass(frozen=True)
class AuditTemplate:
    name: str
    title: str
    document: str
    description: str
    source: Source
    grades: GradeScale
    questions: tuple[AuditQuestion, ...]
    path: str = ""

    def question(self, question_id: str) -> AuditQuestion:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


# --- the audit programme (audit-programme.yaml) ------------------------------------------


class Cadence(enum.StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SIX_MONTHLY = "six-monthly"
    ANNUAL = "annual"
    UNSCHEDULED = "unscheduled"  # random audits with no set interval

    @property
    def months(self) -> int | None:
        """Months between audits, or None for unscheduled audits."""
        return {"monthly": 1, "quarterly": 3, "six-monthly": 6, "annual": 12}.get(self.value)


@dataclass(frozen=True)
class Sample:
    what: str
    files: int | None = None  # how many files, where the document gives a number
    per: str = ""  # what `files` counts per: "team", "team manager"...
    minimum: bool = False  # `files` is a minimum
    random: bool = False
    all_in_period: bool = False  # every case of the kind in a set period
    chosen_by: str = ""
    publish_before: Timescale | None = None  # the list of cases is published this long before


@dataclass(frozen=True)
class Analysis:
    every: Cadence | None = None
    by: str = ""
    report_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuditType:
    id: str
    title: str
    section: str
    cadence: Cadence
    auditors: tuple[str, ...]
    roles: tuple[str, ...]
    sample: Sample
    sources: tuple[Source, ...]
    coordinator: str = ""
    template: str = ""
    multi_agency: bool = False
    analysis: Analysis | None = None
    line: int = 0


@dataclass(frozen=True)
class BelowStandard:
    """What follows when an audit finds practice below standard."""

    notify: tuple[str, ...]
    notify_roles: tuple[str, ...]
    remedial_action_by: str
    may_reopen_closed_case: bool
    may_recommend_internal_management_review: bool
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class TimetableMonth:
    month: int  # 1 to 12
    audits: tuple[str, ...]
    as_written: str = ""

    @property
    def name(self) -> str:
        return MONTHS[self.month - 1]


@dataclass(frozen=True)
class AuditProgramme:
    name: str
    title: str
    document: str
    description: str
    sources: tuple[Source, ...]
    audits: tuple[AuditType, ...]
    below_standard: BelowStandard
    timetable: tuple[TimetableMonth, ...]
    timetable_source: Source
    path: str = ""

    def audit(self, audit_id: str) -> AuditType:
        for audit in self.audits:
            if audit.id == audit_id:
                return audit
        raise KeyError(audit_id)

    def audits_in(self, month: int) -> tuple[AuditType, ...]:
        """The audits the timetable sets for a month (1 to 12)."""
        for entry in self.timetable:
            if entry.month == month:
                return tuple(self.audit(a) for a in entry.audits)
        return ()
