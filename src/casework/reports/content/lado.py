"""Figures for the LADO's annual report (Wokingham practice standard 88): the allegations
received, their outcomes, how quickly they were resolved (guidance: 80% within a month,
90% within three months, the rest within twelve; standard 87) and the timeliness of the
LADO's own steps."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from casework.records.models import Episode
from casework.reports.content.figures import compliance, events, open_on
from casework.reports.content.tables import compliance_table, counts_table, figures_table
from casework.reports.periods import Period
from casework.reports.render import Document

TITLE = "LADO annual report figures"
OUTCOMES = {
    "substantiated": "Substantiated",
    "unsubstantiated": "Unsubstantiated",
    "false": "False",
    "malicious": "Malicious",
    "unfounded": "Unfounded",
}
NOT_RECORDED = "Not recorded"
RESOLVED = ("Within 1 month", "Within 3 months", "Within 12 months", "Over 12 months")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same date `months` later, or the last day of that month if it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, d))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def resolved_band(started: dt.date, ended: dt.date) -> str:
    for months, band in zip((1, 3, 12), RESOLVED, strict=False):
        if ended <= add_months(started, months):
            return band
    return RESOLVED[-1]


def lado_report(period: Period, today: dt.date) -> Document:
    doc = Document(TITLE, subtitle=period.title, produced=today)
    doc.paragraph(
        "Figures for the annual report of the local authority designated officer (LADO) on "
        "allegations against adults who work with children (practice standard 88). No "
        "person is named; small numbers are hidden."
    )
    doc.heading("Allegations and enquiries")
    doc.blocks.append(
        figures_table(
            "Allegations and enquiries",
            [
                ("Allegations received", events("lado_allegation", period).count()),
                ("Enquiries to the LADO", events("lado_enquiry", period).count()),
                ("Strategy meetings or discussions", events("lado_strategy", period).count()),
                ("Allegations closed", events("lado_closed", period).count()),
                ("Allegations open at the end of the year", open_on("lado_allegation", period.end)),
            ],
        )
    )
    outcomes: Counter[str] = Counter()
    for details in events("lado_closed", period).values_list("details", flat=True):
        value = str((details or {}).get("outcome", "")).strip().lower()
        outcomes[OUTCOMES.get(value, NOT_RECORDED)] += 1
    doc.blocks.append(
        counts_table(
            "Outcomes of allegations closed in the year",
            ["Outcome", "Allegations"],
            [(o, outcomes[o]) for o in [*OUTCOMES.values(), NOT_RECORDED] if outcomes[o]],
        )
    )
    bands: Counter[str] = Counter()
    for started, ended in Episode.objects.filter(
        type="lado_allegation", ended__gte=period.start, ended__lte=period.end
    ).values_list("started", "ended"):
        if ended is not None:
            bands[resolved_band(started, ended)] += 1
    doc.heading("How quickly allegations were resolved")
    doc.paragraph(
        "Guidance recommends that 80% of cases are resolved within 1 month, 90% within 3 "
        "months and the rest within 12 months (practice standard 87)."
    )
    doc.blocks.append(
        counts_table(
            "Allegations closed in the year, by time to resolve",
            ["Resolved", "Allegations"],
            [(b, bands[b]) for b in RESOLVED],
        )
    )
    doc.heading("Timeliness of the LADO's steps")
    doc.blocks.append(
        compliance_table(
            "LADO standards due in the year",
            compliance(period, today, lambda s: s.startswith("lado-"), children_only=False),
        )
    )
    doc.paragraph(
        "The sources of referrals and the employers' sectors are not yet recorded as "
        "details of the allegation, so they are not counted here."
    )
    return doc
