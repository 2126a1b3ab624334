"""Printed reports: build a `Document` of headings, paragraphs, tables and SVG charts,
then render it with `to_pdf` (fpdf2) or `to_xlsx` (openpyxl).

    doc = Document("Monthly report to councillors", subtitle="October 2026")
    doc.heading("Unallocated cases").paragraph("Children without a named worker.")
    doc.table("By team", ["Team", "Children"], [["North", 12], ["South", "fewer than 5"]])
    doc.chart("Trend", svg_text, Table("Trend", ["Month", "Children"], rows))
    pdf_bytes, xlsx_bytes = to_pdf(doc), to_xlsx(doc)

Values are printed as given: suppress small numbers (`casework.reports.suppression`)
before they reach a document. `download(doc, "pdf" | "xlsx", filename)` wraps either in
a Django response.
"""

from casework.reports.render.document import (
    Block,
    Cell,
    Chart,
    Document,
    Heading,
    Paragraph,
    Table,
)
from casework.reports.render.pdf import to_pdf
from casework.reports.render.xlsx import to_xlsx

__all__ = [
    "Block",
    "Cell",
    "Chart",
    "Document",
    "Heading",
    "Paragraph",
    "Table",
    "to_pdf",
    "to_xlsx",
]
