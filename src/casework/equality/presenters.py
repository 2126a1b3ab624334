"""Equality monitoring as it is shown and printed: formatted rows for the page, and a
report `Document` for downloads with small numbers suppressed (casework.reports.suppression).

On the page (read inside the council by managers and analysts) every count is shown. In a
download, a suppressed count hides its rate, ratio and interval too, since a rate and the
published population would give the count back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casework.charts import Chart, Point, bar_chart
from casework.equality.analysis import COMPARISON, Monitoring, StageTable, Timeliness
from casework.equality.groups import CHARACTERISTIC_TITLES, NOT_RECORDED
from casework.equality.stats import Interval
from casework.records.models import Ethnicity
from casework.reports.render import Document, Table
from casework.reports.suppression import suppress_group

METHOD = (
    "Rates are per 10,000 children of each group in the baseline population. The ratio "
    f"compares a group's rate with the rate of {COMPARISON}: 1 means the same rate, 2 twice "
    "the rate. The 95% confidence interval of a ratio uses the Katz log method; of a "
    "proportion, the Wilson score interval. Where an interval does not include 1, the "
    "difference is unlikely to be chance alone."
)
SUPPRESSION = (
    'Counts from 1 to 4 are shown as "fewer than 5". Where that alone would let the count '
    'be worked out from the total, the next smallest count is also withheld ("withheld"). '
    "Rates, ratios and intervals of a hidden count are hidden with it."
)
GROUP_NAMES = {"F": "Female", "M": "Male", "yes": "Disabled", "no": "Not disabled"}


def group_name(group: str) -> str:
    if len(group) == 4 and group.isupper() and group in Ethnicity.values:
        return str(Ethnicity(group).label)
    return GROUP_NAMES.get(group, group)


def rate_text(rate: float | None) -> str:
    return "" if rate is None else f"{rate:,.1f}"


def ratio_text(ratio: Interval | None) -> str:
    return "" if ratio is None else f"{ratio.estimate:.2f}"


def interval_text(ratio: Interval | None, percent: bool = False) -> str:
    if ratio is None:
        return ""
    if percent:
        return f"{ratio.low:.0%} to {ratio.high:.0%}"
    return f"{ratio.low:.2f} to {ratio.high:.2f}"


def reading(ratio: Interval | None) -> str:
    """Plain words for a ratio: higher, lower, or no clear difference."""
    if ratio is None:
        return "Too few to compare"
    if ratio.low > 1:
        return "Higher"
    if ratio.high < 1:
        return "Lower"
    return "No clear difference"


@dataclass(frozen=True)
class ShownRow:
    group: str
    children: str | int
    population: str
    rate: str
    ratio: str
    interval: str
    reading: str


def stage_rows(table: StageTable, *, suppress: bool) -> tuple[list[ShownRow], str | int]:
    result = suppress_group({r.group: r.children for r in table.rows}, table.total)
    rows = []
    for r in table.rows:
        hidden = suppress and result.is_hidden(r.group)
        rows.append(
            ShownRow(
                group=group_name(r.group),
                children=result.cells[r.group] if suppress else r.children,
                population="" if r.population is None else f"{r.population:,}",
                rate="" if hidden else rate_text(r.rate),
                ratio="" if hidden else ratio_text(r.ratio),
                interval="" if hidden else interval_text(r.ratio),
                reading="" if hidden else (reading(r.ratio) if r.group != NOT_RECORDED else ""),
            )
        )
    return rows, (result.total if suppress else table.total)


@dataclass(frozen=True)
class ShownTimeliness:
    group: str
    completed: str | int
    in_time: str | int
    share: str
    interval: str
    ratio: str
    reading: str


def timeliness_rows(t: Timeliness, *, suppress: bool) -> list[ShownTimeliness]:
    done = suppress_group({r.group: r.completed for r in t.rows}, t.completed)
    ok = suppress_group({r.group: r.in_time for r in t.rows}, t.in_time)
    late = suppress_group({r.group: r.completed - r.in_time for r in t.rows})
    rows = []
    for r in t.rows:
        hidden = suppress and (
            done.is_hidden(r.group) or ok.is_hidden(r.group) or late.is_hidden(r.group)
        )
        rows.append(
            ShownTimeliness(
                group=group_name(r.group),
                completed=done.cells[r.group] if suppress else r.completed,
                in_time=ok.cells[r.group] if suppress else r.in_time,
                share="" if hidden or r.share is None else f"{r.share.estimate:.0%}",
                interval="" if hidden else interval_text(r.share, percent=True),
                ratio="" if hidden else ratio_text(r.ratio),
                reading="" if hidden or r.group == NOT_RECORDED else reading(r.ratio),
            )
        )
    return rows


def rate_chart(table: StageTable, *, suppress: bool) -> Chart:
    """A bar per group of its rate per 10,000 (hidden groups have no bar)."""
    rows, _ = stage_rows(table, suppress=suppress)
    return bar_chart(
        f"{table.stage.title}: children per 10,000 of each group",
        [
            Point(r.group, float(r.rate.replace(",", "")) if r.rate else None)
            for r in rows
            if r.population
        ],
        label_heading=CHARACTERISTIC_TITLES[table.characteristic],
        value_heading="Per 10,000 children",
        id=f"chart-{table.stage.key}",
    )


STAGE_HEADER = [
    "Group",
    "Children",
    "Children in the population",
    "Per 10,000",
    "Ratio to the rest",
    "95% interval",
    "Reading",
]
TIMELINESS_HEADER = [
    "Group",
    "Assessments completed",
    "Within 45 working days",
    "Share",
    "95% interval",
    "Ratio to the rest",
    "Reading",
]


def add_to_document(doc: Document, m: Monitoring, *, suppress: bool = True) -> Document:
    """The equality figures as sections of a report document."""
    name = CHARACTERISTIC_TITLES[m.characteristic].lower()
    b = m.baseline
    doc.paragraph(
        f"Children using each stage of the service between {m.start:%-d %B %Y} and "
        f"{m.end:%-d %B %Y}, by {name}, compared with the child population of "
        f"{b.area} ({b.source}, {b.year}; {b.total:,} children)."
    )
    doc.paragraph(METHOD)
    if suppress:
        doc.paragraph(SUPPRESSION)
    for table in m.stages:
        rows, total = stage_rows(table, suppress=suppress)
        data = Table(
            table.title,
            STAGE_HEADER,
            [
                [r.group, r.children, r.population, r.rate, r.ratio, r.interval, r.reading]
                for r in rows
            ]
            + [["All children", total, f"{b.total:,}", "", "", "", ""]],
        )
        doc.heading(table.stage.title, level=2)
        doc.chart(
            f"{table.stage.title}: children per 10,000 of each group",
            rate_chart(table, suppress=suppress).svg,
            data,
        )
    doc.heading("Assessments completed within 45 working days", level=2)
    doc.paragraph(
        "Assessments completed in the period, counted from the day the assessment started. "
        "The ratio compares each group's share in time with the share of the rest."
    )
    t = timeliness_rows(m.timeliness, suppress=suppress)
    doc.table(
        f"Assessments in time: by {name}",
        TIMELINESS_HEADER,
        [[r.group, r.completed, r.in_time, r.share, r.interval, r.ratio, r.reading] for r in t],
    )
    return doc


def equality_document(
    m: Monitoring,
    *,
    produced: dt.date,
    title: str = "Equality monitoring",
    suppress: bool = True,
) -> Document:
    doc = Document(title, subtitle=f"{m.start:%-d %B %Y} to {m.end:%-d %B %Y}", produced=produced)
    doc.heading(f"Service use by {CHARACTERISTIC_TITLES[m.characteristic].lower()}")
    return add_to_document(doc, m, suppress=suppress)
