"""The six-monthly audit analysis as a printed report: a `Document` for the PDF and Excel
downloads, and the chart of grades by team that the analysis page shows too.

Only counts reach the document: no child is named and auditors' comments are left out
(free text may name a child)."""

from __future__ import annotations

from casework.charts import Chart, Series, grouped_bar_chart
from casework.quality.analysis import GradeRow, Report
from casework.reports.render import Cell, Document, Table

MEETS = "Meeting the standard"
BELOW = "Below standard"
CHART_TITLE = "Audits meeting the standard and below it, by team"
NO_AUDITS = "No audits were completed in this period."
NO_THEMES = "No question was below standard in more than one audit."


def grades_chart(report: Report) -> Chart | None:
    """Each team's audits meeting the standard and below it (None with no audits). Two
    series, so the colours read the right way: the second bar of each pair, in red, is
    the number below standard."""
    if not report.by_team:
        return None
    rows = report.by_team
    series = [
        Series.of(MEETS, [(row.label, row.total - row.below) for row in rows]),
        Series.of(BELOW, [(row.label, row.below) for row in rows]),
    ]
    teams = "; ".join(
        f"{row.label}: {row.below} of {row.total} below standard ({row.below_percent}%)"
        for row in rows
    )
    audits = f"{report.audits} case file audit{'' if report.audits == 1 else 's'}"
    description = (
        f"The overall grades of the {audits} completed in "
        f"{report.period.title}, meeting the standard or below it, by team. {teams}."
    )
    return grouped_bar_chart(
        CHART_TITLE,
        series,
        description=description,
        label_heading="Team",
        id="quality-grades-by-team",
    )


def chart_table(chart: Chart, report: Report) -> Table:
    """The chart's data table with its counts as numbers, so a spreadsheet can sum them
    (the chart's own table holds them as text)."""
    rows: list[list[Cell]] = [[r.label, r.total - r.below, r.below] for r in report.by_team]
    return Table(chart.table.caption, list(chart.table.headers), rows)


def _grade_table(caption: str, first: str, rows: list[GradeRow], report: Report) -> Table:
    header = [first, *(label for _, label in report.grades), "Audits", "Below standard"]
    body: list[list[Cell]] = [
        [
            row.label,
            *(row.counts[grade] for grade, _ in report.grades),
            row.total,
            f"{row.below_percent}%" if row.total else "-",
        ]
        for row in rows
    ]
    return Table(caption, header, body)


def analysis_document(report: Report) -> Document:
    """The analysis as the senior management team and team managers receive it."""
    period = report.period
    doc = Document(
        f"Audit analysis: {period.title}",
        subtitle="Six-monthly analysis of case file audits",
        produced=report.today,
    )
    doc.paragraph(
        f"{report.audits} case file audit{'' if report.audits == 1 else 's'} completed from "
        f"{period.start:%-d %B %Y} to {period.end:%-d %B %Y}. Figures as at "
        f"{report.today:%-d %B %Y}. This analysis counts grades only and names no child; "
        "auditors' comments are left out."
    )

    doc.heading("Grades by team")
    chart = grades_chart(report)
    if chart is None:
        doc.paragraph(NO_AUDITS)
    else:
        doc.chart(chart.title, chart.svg, chart_table(chart, report), chart.description)
        doc.blocks.append(
            _grade_table(
                "Overall grades by team", "Team", [*report.by_team, report.overall], report
            )
        )

    doc.heading("Month by month")
    doc.blocks.append(
        _grade_table("Overall grades month by month", "Month", report.by_month, report)
    )

    doc.heading("Grades by question")
    if report.by_question:
        doc.blocks.append(
            _grade_table("Grades by question", "Question", report.by_question, report)
        )
    else:
        doc.paragraph(NO_AUDITS)

    doc.heading("Recurring themes")
    if report.themes:
        doc.paragraph("Questions graded below standard in two or more audits, most often first.")
        doc.table(
            "Recurring themes",
            ["Question", "Audits below standard", "Audits", "Share below standard"],
            [[t.question, t.audits, t.of, f"{t.percent}%"] for t in report.themes],
        )
    else:
        doc.paragraph(NO_THEMES)

    doc.heading("Remedial actions")
    a = report.actions
    doc.paragraph(
        f"{a.set} action{'' if a.set == 1 else 's'} set: {a.done} completed ({a.done_late} "
        f"after the due date), {a.open} still open, of which {a.overdue} overdue."
    )
    doc.table(
        "Remedial actions",
        ["Actions", "Number"],
        [
            ["Set", a.set],
            ["Completed", a.done],
            ["Completed after the due date", a.done_late],
            ["Still open", a.open],
            ["Overdue", a.overdue],
        ],
    )
    return doc
