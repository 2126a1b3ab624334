"""The quarterly performance board pack: the key figures for each month of the quarter,
timeliness of assessments over the last year as a chart, compliance with every standard
due in the quarter, and the workload of each team."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count

from casework.charts import Series, line_chart
from casework.reports.content.councillors import key_figures
from casework.reports.content.figures import assessment_timeliness, compliance, open_children
from casework.reports.content.tables import compliance_table
from casework.reports.periods import Period
from casework.reports.render import Cell, Document, Table
from casework.reports.suppression import cell, is_small
from casework.work.queries import red_q

TITLE = "Performance board pack"


def months_of(period: Period) -> list[Period]:
    months = []
    day = period.start
    while day <= period.end:
        after = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        months.append(Period(day, after - dt.timedelta(days=1)))
        day = after
    return months


def board_pack(period: Period, today: dt.date) -> Document:
    doc = Document(TITLE, subtitle=period.title, produced=today)
    doc.paragraph("Figures for the performance board. No child is named; small numbers are hidden.")
    months = months_of(period)
    doc.heading("Key figures by month")
    per_month = [key_figures(m) for m in months]
    rows: list[list[Cell]] = []
    for i, (label, _) in enumerate(per_month[0]):
        values = [f[i][1] for f in per_month]
        rows.append([label, *(cell(v) if isinstance(v, int) else v for v in values)])
    doc.table(
        "Key figures by month",
        ["Measure"] + [m.title for m in months],
        rows,
        notes='Counts from 1 to 4 are shown as "fewer than 5".',
    )

    doc.heading("Assessments within 45 working days, last 12 months")
    year_months = months_of(Period(_months_back(period.end, 12), period.end))
    points: list[tuple[str, float | None]] = []
    table_rows = []
    for m in year_months:
        done, in_time = assessment_timeliness(m)
        hidden = is_small(in_time) or is_small(done - in_time) or done == 0
        points.append((f"{m.start:%b %Y}", None if hidden else in_time / done))
        table_rows.append(
            [f"{m.start:%b %Y}", cell(done), "" if hidden else f"{in_time / done:.0%}"]
        )
    chart = line_chart(
        "Assessments completed within 45 working days",
        [Series.of("This council", points)],
        percent=True,
        label_heading="Month",
        id="board-assessments",
    )
    doc.chart(
        chart.title,
        chart.svg,
        Table("Assessments by month", ["Month", "Completed", "Within 45 working days"], table_rows),
        chart.description,
    )

    doc.heading("Compliance with the standards")
    doc.blocks.append(
        compliance_table(f"Standards due in {period.title}", compliance(period, today))
    )

    doc.heading("Teams")
    teams = (
        open_children()
        .values("team__name")
        .annotate(
            children=Count("id"),
            allocated=Count("worker"),
            red=Count("id", filter=red_q(today)),
        )
        .order_by("team__name")
    )
    doc.table(
        f"Open cases by team on {today:%-d %B %Y}",
        ["Team", "Children", "Unallocated", "With something overdue"],
        [
            [
                t["team__name"] or "No team",
                cell(t["children"]),
                cell(t["children"] - t["allocated"]),
                cell(t["red"]),
            ]
            for t in teams
        ],
        notes='Counts from 1 to 4 are shown as "fewer than 5".',
    )
    return doc


def _months_back(end: dt.date, months: int) -> dt.date:
    """The first day of the month `months - 1` months before the month of `end`."""
    index = end.year * 12 + end.month - 1 - (months - 1)
    return dt.date(index // 12, index % 12 + 1, 1)
