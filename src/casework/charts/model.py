"""What every chart returns: the SVG, and the table of the same figures to place beside it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

# GOV.UK Design System colours; each has at least 3:1 contrast against white, as WCAG 2.2
# asks of the parts of a graphic needed to understand it.
COLOURS = ("#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#505a5f")
TEXT = "#0b0c0c"
GRID = "#b1b4b6"
FONT = "Helvetica"  # one of the PDF core fonts, so fpdf2 draws the text too


@dataclass(frozen=True)
class Point:
    """One figure: its label on the axis (a period, a group) and its value (None: no data)."""

    label: str
    value: float | None


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[Point, ...]

    @classmethod
    def of(cls, name: str, pairs: list[tuple[str, float | None]]) -> Series:
        return cls(name, tuple(Point(label, value) for label, value in pairs))


@dataclass(frozen=True)
class DataTable:
    """The chart's figures as a table: a caption, column headings and rows of text."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Chart:
    """A drawn chart. `svg` is a complete <svg> element (safe to place in a page as it is,
    or to hand to fpdf2's FPDF.image); `table` holds the same figures for the data table."""

    title: str
    description: str
    svg: str
    table: DataTable

    def __str__(self) -> str:
        return self.svg

    def __html__(self) -> str:
        # Markup-aware templates (Jinja, markupsafe) take the SVG as it is: every text in
        # it is escaped when it is drawn. In Django templates write {{ chart.svg|safe }}.
        return self.svg

    def svg_bytes(self) -> bytes:
        """The SVG as a file's bytes, for `FPDF.image(io.BytesIO(chart.svg_bytes()))`."""
        return ('<?xml version="1.0" encoding="UTF-8"?>\n' + self.svg).encode()


def chart_id(kind: str, title: str, series: tuple[Series, ...]) -> str:
    """An id derived from the chart's content, so the same chart always draws the same
    SVG; pass `id=` to a chart function when a page shows the same chart twice."""
    text = repr((kind, title, series))
    return "chart-" + hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:10]


def format_value(value: float | None, *, percent: bool) -> str:
    """A figure as the chart and table show it: '62%' or '1,204'; '' for no data."""
    if value is None:
        return ""
    if percent:
        return f"{value * 100:.0f}%"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"
