"""Figures for the annual report of the independent reviewing officer (IRO) service
(Wokingham practice standard 68, a requirement of the IRO Handbook): children in care
reviewed, reviews held and their timeliness, children's participation, and the IRO's
contact with children and social workers before reviews."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from casework.challenges.models import (
    Challenge,
    ChallengeStage,
    ChallengeStatus,
    DipAudit,
    DipAuditStatus,
)
from casework.reports.content.figures import children_with, compliance, events, open_during, open_on
from casework.reports.content.tables import compliance_table, counts_table, figures_table
from casework.reports.periods import Period
from casework.reports.render import Document

TITLE = "Independent reviewing officer service: annual report figures"

# SSDA903 participation codes (how the child took part in their review).
PARTICIPATION = {
    "PN0": "Child under 4 at the time of the review",
    "PN1": "Child attended and spoke for themselves",
    "PN2": "Child attended and an advocate spoke for them",
    "PN3": "Child attended and conveyed their view by a symbol or non-verbally",
    "PN4": "Child attended without contributing",
    "PN5": "Child did not attend; an advocate briefed the review",
    "PN6": "Child did not attend; their view was conveyed another way",
    "PN7": "Child did not attend or convey a view",
}
NOT_RECORDED = "Not recorded"


def _review_standard(standard: str) -> bool:
    return standard.startswith(("cic-review", "iro-", "record-cic-review"))


def iro_report(period: Period, today: dt.date) -> Document:
    doc = Document(TITLE, subtitle=period.title, produced=today)
    doc.paragraph(
        "Figures for the annual report on the activity of the IRO service, presented to the "
        "Corporate Parenting Panel (practice standard 68). No child is named; small numbers "
        "are hidden."
    )
    reviews = events("cic_review", period)
    doc.heading("Children in care and their reviews")
    doc.blocks.append(
        figures_table(
            "Children and reviews",
            [
                (
                    "Children in care at any time in the year",
                    open_during("child_in_care", period).values("person").distinct().count(),
                ),
                ("Children in care at the end of the year", open_on("child_in_care", period.end)),
                ("Children who started to be looked after", children_with("cic_start", period)),
                ("Reviews held", reviews.count()),
                ("Children reviewed", reviews.values("person").distinct().count()),
                ("Reviews adjourned", events("review_adjourned", period).count()),
                (
                    "IRO spoke with the child before the review",
                    events("iro_child_meeting", period).count(),
                ),
                (
                    "IRO met the social worker before the review",
                    events("iro_social_worker_meeting", period).count(),
                ),
                (
                    "Child protection conferences held (initial and review)",
                    events("icpc", period).count() + events("rcpc", period).count(),
                ),
            ],
        )
    )
    participation: Counter[str] = Counter()
    for details in reviews.values_list("details", flat=True):
        code = str((details or {}).get("participation", "")).strip().upper()[:3]
        participation[PARTICIPATION.get(code, NOT_RECORDED)] += 1
    doc.blocks.append(
        counts_table(
            "How children took part in their reviews",
            ["Participation", "Reviews"],
            [
                (label, participation[label])
                for label in [*PARTICIPATION.values(), NOT_RECORDED]
                if participation[label]
            ],
        )
    )
    doc.heading("Timeliness of reviews")
    doc.blocks.append(
        compliance_table(
            "Review standards due in the year", compliance(period, today, _review_standard)
        )
    )
    doc.heading("Practice challenges and dip audits")
    doc.paragraph(
        "Challenges raised by IROs and conference chairs through the dispute resolution "
        "process, from the practice challenges register, and the dip audits they recorded."
    )
    doc.blocks.append(figures_table("Practice challenges", _challenge_figures(period)))
    return doc


def _challenge_figures(period: Period) -> list[tuple[str, int | str]]:
    raised = Challenge.objects.filter(raised_on__range=(period.start, period.end))
    resolved = raised.filter(status=ChallengeStatus.RESOLVED)
    return [
        ("Challenges raised", raised.count()),
        ("Resolved by the team manager", resolved.filter(stage=1).count()),
        ("Resolved by the service manager", resolved.filter(stage=2).count()),
        ("Resolved by the head of service", resolved.filter(stage=3).count()),
        ("Closed without being resolved", raised.filter(status=ChallengeStatus.UNRESOLVED).count()),
        ("Still open", raised.filter(status=ChallengeStatus.OPEN).count()),
        (
            "Stages passed on because no answer came in time",
            ChallengeStage.objects.filter(
                lapsed=True, escalated_on__range=(period.start, period.end)
            ).count(),
        ),
        (
            "Dip audits recorded",
            DipAudit.objects.filter(
                status=DipAuditStatus.CONFIRMED,
                decided_at__date__range=(period.start, period.end),
            ).count(),
        ),
    ]
