"""Wrap a rendered document in a Django download response."""

from __future__ import annotations

from typing import Literal

from django.http import HttpResponse

from casework.reports.render.document import Document
from casework.reports.render.pdf import to_pdf
from casework.reports.render.xlsx import to_xlsx

Format = Literal["pdf", "xlsx"]
CONTENT_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def render(doc: Document, fmt: Format) -> bytes:
    return to_pdf(doc) if fmt == "pdf" else to_xlsx(doc)


def download(doc: Document, fmt: Format, filename: str) -> HttpResponse:
    """`filename` without extension; it must not name a child (it reaches logs and disks)."""
    response = HttpResponse(render(doc, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response
