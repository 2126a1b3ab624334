"""Turning counts into report tables with the small-number rule applied."""

from __future__ import annotations

from collections.abc import Sequence

from casework.records.presenters import standard_title
from casework.reports.content.figures import Compliance
from casework.reports.render import Cell, Table
from casework.reports.suppression import cell, suppress_group

SUPPRESSION_NOTE = (
    'Counts from 1 to 4 are shown as "fewer than 5"; "withheld" marks a count hidden so '
    "that a small one cannot be worked out from the total."
)


def counts_table(
    caption: str, header: Sequence[str], rows: Sequence[tuple[str, int]], total_label: str = "Total"
) -> Table:
    """Rows of (label, count) with their total, suppressed as one group."""
    result = suppress_group(dict(rows))
    body: list[list[Cell]] = [[label, result.cells[label]] for label, _ in rows]
    body.append([total_label, result.total])
    return Table(caption, list(header), body, notes=SUPPRESSION_NOTE)


def figures_table(caption: str, rows: Sequence[tuple[str, int | str]]) -> Table:
    """Separate figures (no total): each small count hidden on its own."""
    body: list[list[Cell]] = [
        [label, cell(value) if isinstance(value, int) else value] for label, value in rows
    ]
    return Table(caption, ["Measure", "Figure"], body, notes=SUPPRESSION_NOTE)


def share(part: int, whole: int) -> str:
    return "" if whole == 0 else f"{part / whole:.0%}"


def compliance_table(caption: str, rows: Sequence[Compliance]) -> Table:
    """Each standard's obligations due in the period: on time, late and not yet met add up
    to those due, so each row is suppressed as a group; the share on time goes with them."""
    body: list[list[Cell]] = []
    for c in rows:
        result = suppress_group({"met": c.met, "late": c.late, "not": c.not_met}, c.due)
        on_time = "" if result.hidden else share(c.met, c.due)
        body.append(
            [
                standard_title(c.standard),
                result.total,
                result.cells["met"],
                result.cells["late"],
                result.cells["not"],
                on_time,
            ]
        )
    return Table(
        caption,
        ["Standard", "Due", "On time", "Late", "Not yet done", "Share on time"],
        body,
        notes=SUPPRESSION_NOTE,
    )
