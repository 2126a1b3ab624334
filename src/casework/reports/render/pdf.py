"""Render a `Document` to PDF with fpdf2: A4 portrait, headings, wrapped paragraphs,
tables with a repeated header row, SVG charts drawn as vectors with their data table
printed under them, and page numbers in the footer."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, time
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from casework.reports.render.document import Chart, Document, Heading, Paragraph, Table
from casework.reports.suppression import HIDDEN, WITHHELD

# DejaVu covers the characters names of places and groups need; where it is not
# installed the core Helvetica font is used and text is reduced to Latin-1.
_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_FONT_REGULAR = _FONT_DIR / "DejaVuSans.ttf"
_FONT_BOLD = _FONT_DIR / "DejaVuSans-Bold.ttf"
_LINE = 5.0
_CHART_WIDTH = 170.0
_TITLE_DESC = re.compile(r"<(title|desc)\b[^>]*>.*?</\1>", re.DOTALL)


class _Pdf(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(size=8)
        self.cell(0, 8, f"{self.footer_text}    Page {self.page_no()} of {{nb}}", align="C")


def _setup(doc: Document) -> tuple[_Pdf, bool]:
    pdf = _Pdf(orientation="portrait", unit="mm", format="A4")
    unicode = _FONT_REGULAR.exists() and _FONT_BOLD.exists()
    if unicode:
        pdf.add_font("body", "", str(_FONT_REGULAR))
        pdf.add_font("body", "B", str(_FONT_BOLD))
        pdf.set_font("body", size=10)
    else:
        pdf.set_font("helvetica", size=10)
    pdf.set_title(doc.title)
    pdf.set_lang("en-GB")
    if doc.produced:
        pdf.set_creation_date(datetime.combine(doc.produced, time(), tzinfo=UTC))
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.footer_text = doc.title if unicode else _latin1(doc.title)
    pdf.add_page()
    return pdf, unicode


def _latin1(text: str) -> str:
    swaps = {
        "\u2013": "-",
        "\u2014": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
        "\u2264": "<=",
        "\u2265": ">=",
    }
    for a, b in swaps.items():
        text = text.replace(a, b)
    return text.encode("latin-1", "replace").decode("latin-1")


def to_pdf(doc: Document) -> bytes:
    """The document as PDF bytes (they start with ``%PDF``)."""
    pdf, unicode = _setup(doc)

    def t(text: str) -> str:
        return text if unicode else _latin1(text)

    pdf.set_font(size=18, style="B")
    pdf.multi_cell(0, 9, t(doc.title), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font(size=11, style="")
    if doc.subtitle:
        pdf.multi_cell(0, 6, t(doc.subtitle), new_x="LMARGIN", new_y="NEXT", align="L")
    if doc.produced:
        pdf.multi_cell(
            0, 6, f"Produced {doc.produced:%-d %B %Y}", new_x="LMARGIN", new_y="NEXT", align="L"
        )
    pdf.ln(4)
    for block in doc.blocks:
        if isinstance(block, Heading):
            pdf.ln(2)
            pdf.set_font(size=15 if block.level <= 1 else 12, style="B")
            pdf.multi_cell(0, 7, t(block.text), new_x="LMARGIN", new_y="NEXT", align="L")
            pdf.set_font(size=10, style="")
            pdf.ln(1)
        elif isinstance(block, Paragraph):
            pdf.set_font(size=10, style="")
            pdf.multi_cell(0, _LINE, t(block.text), new_x="LMARGIN", new_y="NEXT", align="L")
            pdf.ln(2)
        elif isinstance(block, Chart):
            _chart(pdf, block, t)
        else:
            _table(pdf, block, t)
    return bytes(pdf.output())


def _chart(pdf: FPDF, chart: Chart, t: Callable[[str], str]) -> None:
    pdf.set_font(size=11, style="B")
    pdf.multi_cell(0, 6, t(chart.title), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font(size=10, style="")
    if chart.description:
        pdf.multi_cell(0, _LINE, t(chart.description), new_x="LMARGIN", new_y="NEXT", align="L")
    try:
        pdf.image(_drawable(chart.svg).encode("utf-8"), w=_CHART_WIDTH)
    except Exception:  # a chart fpdf2 cannot draw still has its table
        pdf.multi_cell(
            0,
            _LINE,
            "(The chart could not be drawn; its figures follow.)",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.ln(2)
    _table(pdf, chart.table, t)


def _drawable(svg: str) -> str:
    """The SVG without its <title> and <desc> (the PDF prints them as text instead)."""
    return _TITLE_DESC.sub("", svg)


def _table(pdf: FPDF, table: Table, t: Callable[[str], str]) -> None:
    pdf.set_font(size=10, style="B")
    pdf.multi_cell(0, 6, t(table.caption), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font(size=9, style="")
    if table.rows:
        first = 2.0 if len(table.header) > 1 else 1.0
        widths = (first, *([1.0] * (len(table.header) - 1)))
        aligns = tuple(
            "LEFT" if i == 0 or not _numeric([row[i] for row in table.rows]) else "RIGHT"
            for i in range(len(table.header))
        )
        with pdf.table(
            col_widths=widths,
            text_align=aligns,
            headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)),
            line_height=_LINE,
            repeat_headings=1,
        ) as out:
            head = out.row()
            for h in table.header:
                head.cell(t(h))
            for row in table.rows:
                line = out.row()
                for cell in row:
                    line.cell(t(_text(cell)))
    else:
        pdf.multi_cell(0, _LINE, "No rows.", new_x="LMARGIN", new_y="NEXT", align="L")
    if table.notes:
        pdf.set_font(size=8, style="")
        pdf.multi_cell(0, 4, t(table.notes), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font(size=10, style="")
    pdf.ln(3)


_FIGURE = re.compile(r"^[\d.,%\s-]*( to [\d.,%\s-]+)?$")


def _numeric(cells: list[object]) -> bool:
    """A column of figures (right-aligned): numbers, intervals and suppressed counts."""
    return all(not isinstance(c, str) or c in (HIDDEN, WITHHELD) or _FIGURE.match(c) for c in cells)


def _text(cell: object) -> str:
    if isinstance(cell, float):
        return f"{cell:,.2f}"
    if isinstance(cell, int):
        return f"{cell:,}"
    return str(cell)
