"""The monthly report to councillors (Climbié recommendation 54; the Climbié self-audit
criterion 7.8): the number, nature and reasons of unallocated cases, shortfalls against the
standards and the key figures for the month.

No child is named or identified: every figure is a count, small counts are suppressed, and
a reason given for fewer than 5 children is folded into "Other reasons" because free text
written about one child could identify them."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import Count

from casework.records.presenters import standard_title
from casework.reports.content.figures import (
    assessment_timeliness,
    children_with,
    compliance,
    nature_of,
    open_children,
    open_on,
)
from casework.reports.content.tables import compliance_table, counts_table, figures_table, share
from casework.reports.periods import Period
from casework.reports.render import Document
from casework.reports.suppression import SMALL, WITHHELD, cell, is_small
from casework.work.queries import overdue_by_standard

TITLE = "Monthly report to councillors"
TOP_STANDARDS = 10
NO_REASON = "No reason recorded"
OTHER_REASONS = f"Other reasons (each given for fewer than {SMALL} children)"


def reasons(rows: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Reasons shared by at least 5 children, then the rest together."""
    kept = [(r, n) for r, n in rows if n >= SMALL or r == NO_REASON]
    other = sum(n for r, n in rows if n < SMALL and r != NO_REASON)
    return kept + ([(OTHER_REASONS, other)] if other else [])


def key_figures(period: Period) -> list[tuple[str, int | str]]:
    done, in_time = assessment_timeliness(period)
    late_small = is_small(done - in_time)
    shown_share = "" if is_small(in_time) or late_small else share(in_time, done)
    # The late ones are a count too: hide "in time" where it would give a small one away.
    shown_in_time: int | str = WITHHELD if late_small and not is_small(in_time) else in_time
    return [
        ("Children with a contact", children_with("contact", period)),
        ("Children referred", children_with("referral", period)),
        ("Assessments completed", done),
        ("Of them, within 45 working days", shown_in_time),
        ("Share within 45 working days", shown_share),
        ("Children starting a child in need plan", children_with("cin_plan_start", period)),
        ("Children starting a child protection plan", children_with("cp_plan_start", period)),
        ("Children starting to be looked after", children_with("cic_start", period)),
        ("Children on a child protection plan at the end", open_on("child_protection", period.end)),
        ("Children in care at the end", open_on("child_in_care", period.end)),
    ]


def councillors_report(period: Period, today: dt.date) -> Document:
    doc = Document(TITLE, subtitle=period.title, produced=today)
    doc.paragraph(
        "This report tells councillors how many children's cases have no allocated social "
        "worker, what work those children need and why no worker is allocated (Climbié "
        "Inquiry recommendation 54), where the service fell short of its standards, and the "
        "main figures for the month. No child is named or identified in it."
    )
    children = open_children()
    unallocated = children.filter(worker__isnull=True)
    total = children.count()
    n_unallocated = unallocated.count()

    doc.heading("Children without an allocated worker")
    doc.paragraph(
        f"On {today:%-d %B %Y}, the day this report was produced. A case is allocated when a "
        "named worker is working with the child to a plan; until then the team keeps in "
        "touch with the child in the way recorded for them."
    )
    doc.table(
        "Allocation",
        ["Measure", "Children"],
        [
            ["Children with an open case", cell(total)],
            ["Without an allocated worker", cell(n_unallocated)],
            [
                "Share without a worker",
                share(n_unallocated, total) if not is_small(n_unallocated) else "",
            ],
            [
                "Without a worker and with no contact arrangement recorded",
                cell(unallocated.filter(contact_arrangement="").count()),
            ],
        ],
    )
    by_team = [
        (row["team__name"] or "No team", row["n"])
        for row in unallocated.values("team__name").annotate(n=Count("id")).order_by("team__name")
    ]
    doc.blocks.append(counts_table("Without a worker, by team", ["Team", "Children"], by_team))
    nature: Counter[str] = nature_of(unallocated)
    doc.blocks.append(
        counts_table(
            "Without a worker, by the work the child needs",
            ["Work", "Children"],
            sorted(nature.items(), key=lambda kv: (-kv[1], kv[0])),
        )
    )
    raw = [
        ((row["unallocated_reason"] or "").strip() or NO_REASON, row["n"])
        for row in unallocated.values("unallocated_reason").annotate(n=Count("id"))
    ]
    merged: Counter[str] = Counter()
    for reason, n in raw:
        merged[reason] += n
    doc.blocks.append(
        counts_table(
            "Why no worker is allocated",
            ["Reason", "Children"],
            reasons(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))),
        )
    )

    doc.heading("Shortfalls against the standards")
    doc.paragraph(
        f"Things the standards required to be done in {period.title}, for the "
        f"{TOP_STANDARDS} standards with the largest share done late or not yet done."
    )
    doc.blocks.append(
        compliance_table(
            f"Standards due in {period.title}", compliance(period, today)[:TOP_STANDARDS]
        )
    )
    overdue = overdue_by_standard(children, today)[:TOP_STANDARDS]
    doc.blocks.append(
        figures_table(
            f"Overdue on {today:%-d %B %Y}, by standard",
            [(standard_title(s), n) for s, n in overdue],
        )
    )

    doc.heading("Key figures for the month")
    doc.blocks.append(figures_table(f"Key figures, {period.title}", key_figures(period)))
    return doc
