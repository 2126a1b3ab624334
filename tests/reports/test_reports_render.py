"""The document model renders to PDF and Excel with every table's values."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from casework.charts import Point, bar_chart
from casework.reports.render import Document, Table, to_pdf, to_xlsx


def _doc() -> Document:
    chart = bar_chart("Children by team", [Point("North", 12.0), Point("South", 30.0)])
    doc = Document("Test report", subtitle="October 2026", produced=dt.date(2026, 11, 23))
    doc.heading("Section one").paragraph("Plain words \u2013 with a dash and \u201cquotes\u201d.")
    doc.table("By team", ["Team", "Children"], [["North", 12], ["South", "fewer than 5"]])
    doc.chart("Chart", chart.svg, Table("Chart data", ["Team", "Children"], [["North", 12]]))
    return doc


def test_a_document_renders_as_a_pdf() -> None:
    pdf = to_pdf(_doc())
    assert pdf.startswith(b"%PDF")
    assert pdf.rstrip().endswith(b"%%EOF")


def test_a_long_table_runs_over_pages() -> None:
    doc = Document("Long")
    doc.table("Rows", ["A", "B"], [[f"row {i}", i] for i in range(300)])
    pdf = to_pdf(doc)
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") > 1


def test_a_document_renders_as_a_workbook_with_each_table_on_a_sheet() -> None:
    book = load_workbook(io.BytesIO(to_xlsx(_doc())))
    assert book.sheetnames == ["Report", "By team", "Chart data"]
    report = [c for row in book["Report"].iter_rows(values_only=True) for c in row if c]
    assert report[0] == "Test report"
    assert "Section one" in report
    assert "fewer than 5" in report
    by_team = list(book["By team"].iter_rows(values_only=True))
    assert by_team[1] == ("Team", "Children")
    assert by_team[2] == ("North", 12)
    assert by_team[3] == ("South", "fewer than 5")


def test_a_row_of_the_wrong_width_is_refused() -> None:
    with pytest.raises(ValueError, match="2 cells"):
        Table("Bad", ["A", "B", "C"], [["x", 1]])


def test_every_text_is_listed_for_checks() -> None:
    texts = list(_doc().texts())
    assert "North" in texts
    assert "fewer than 5" in texts
    assert "Section one" in texts
