"""Render a `Document` to an Excel workbook with openpyxl. The first sheet, "Report",
carries the title, headings, paragraphs and every table in order; each table (and each
chart's data) also gets a sheet of its own so an analyst can sort and filter it."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from casework.reports.render.document import Chart, Document, Heading, Paragraph, Table

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def to_xlsx(doc: Document) -> bytes:
    """The document as .xlsx bytes."""
    book = Workbook()
    report = book.active
    assert report is not None
    report.title = "Report"
    report.column_dimensions["A"].width = 45
    report.append([doc.title])
    report.cell(row=1, column=1).font = Font(bold=True, size=16)
    if doc.subtitle:
        report.append([doc.subtitle])
    if doc.produced:
        report.append([f"Produced {doc.produced:%-d %B %Y}"])
    used: set[str] = {"Report"}
    for block in doc.blocks:
        if isinstance(block, Heading):
            report.append([])
            report.append([block.text])
            report.cell(row=report.max_row, column=1).font = Font(
                bold=True, size=14 if block.level <= 1 else 12
            )
        elif isinstance(block, Paragraph):
            report.append([block.text])
        else:
            table = block.table if isinstance(block, Chart) else block
            if isinstance(block, Chart) and block.description:
                report.append([block.description])
            report.append([])
            _write_table(report, table)
            sheet = book.create_sheet(_sheet_name(table.caption, used))
            _write_table(sheet, table)
            sheet.column_dimensions["A"].width = 40
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write_table(sheet: Worksheet, table: Table) -> None:
    sheet.append([table.caption])
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    sheet.append(list(table.header))
    for col in range(1, len(table.header) + 1):
        sheet.cell(row=sheet.max_row, column=col).font = Font(bold=True)
    for row in table.rows:
        sheet.append(list(row))
    if table.notes:
        sheet.append([table.notes])
        sheet.cell(row=sheet.max_row, column=1).font = Font(italic=True)


def _sheet_name(caption: str, used: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub(" ", caption).strip()[:28] or "Table"
    name, n = base, 2
    while name.lower() in {u.lower() for u in used}:
        name = f"{base[:25]} {n}"
        n += 1
    used.add(name)
    return name
