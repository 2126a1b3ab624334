"""The monthly report to councillors: no child named or identified, small numbers hidden,
as a document, a PDF and a workbook."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

import pytest
from django.test import Client
from openpyxl import load_workbook

from casework.records.models import Person
from casework.reports.content.councillors import OTHER_REASONS, councillors_report
from casework.reports.periods import Frequency, last_complete
from casework.reports.render import Document, Table
from casework.reports.suppression import HIDDEN, WITHHELD
from casework.site.testing import TODAY, Personas
from web.reports.reports_council import CAPACITY, Council, build_council


@pytest.fixture
def council(people: Personas) -> Council:
    return build_council(people)


def _report() -> Document:
    return councillors_report(last_complete(Frequency.MONTHLY, TODAY), TODAY)


def _identifiers() -> list[str]:
    found: list[str] = []
    for p in Person.objects.all():
        found += [p.given_name, p.family_name, p.full_name, p.reference, p.public_id]
    return found


def _leaks(texts: Iterable[str]) -> list[str]:
    text = "\n".join(texts)
    return [
        ident
        for ident in _identifiers()
        if re.search(rf"(?<![A-Za-z0-9]){re.escape(ident)}(?![A-Za-z0-9])", text)
    ]


def _table(doc: Document, caption: str) -> Table:
    return next(b for b in doc.blocks if isinstance(b, Table) and b.caption == caption)


def test_the_report_names_no_child(council: Council) -> None:
    doc = _report()
    assert Person.objects.count() > 20
    assert _leaks(doc.texts()) == []


def test_a_reason_given_for_one_child_is_not_printed(council: Council) -> None:
    reasons = {r[0]: r[1] for r in _table(_report(), "Why no worker is allocated").rows}
    assert reasons[CAPACITY] == 8
    assert OTHER_REASONS in reasons
    assert not any("Zulu" in str(r) for r in reasons)


def test_small_numbers_are_hidden_and_cannot_be_worked_out(council: Council) -> None:
    by_team = {str(row[0]): row[1] for row in _table(_report(), "Without a worker, by team").rows}
    # Riverside holds one unallocated child (Cara); Hilltop holds Ben and the nine above.
    assert by_team["Riverside child in need team"] == HIDDEN
    assert by_team["Hilltop child protection team"] == WITHHELD
    assert by_team["Total"] == 11


def test_the_key_figures_count_the_month(council: Council) -> None:
    figures = {r[0]: r[1] for r in _table(_report(), "Key figures, May 2024").rows}
    assert figures["Children referred"] == 12
    assert figures["Assessments completed"] == 12
    # Three late: shown as fewer than 5, so "in time" is withheld too (12 - 9 = 3).
    assert figures["Of them, within 45 working days"] == WITHHELD
    assert figures["Share within 45 working days"] == ""


def test_a_councillor_downloads_it_as_pdf_and_excel(client: Client, council: Council) -> None:
    client.force_login(council.people.carl)
    pdf = client.get("/reports/councillors.pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert "2024-05" in pdf["Content-Disposition"]
    xlsx = client.get("/reports/councillors.xlsx")
    assert xlsx.status_code == 200
    book = load_workbook(io.BytesIO(xlsx.content))
    cells = [
        str(c)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for c in row
        if c is not None
    ]
    assert "Monthly report to councillors" in cells
    assert HIDDEN in cells
    assert _leaks(cells) == []


def test_an_earlier_month_can_be_chosen(client: Client, council: Council) -> None:
    client.force_login(council.people.carl)
    response = client.get("/reports/councillors.xlsx?period=2024-04-01")
    assert "2024-04" in response["Content-Disposition"]
    # A period not offered falls back to the latest.
    response = client.get("/reports/councillors.xlsx?period=1999-01-01")
    assert "2024-05" in response["Content-Disposition"]


def test_the_councillors_figures_page_hides_a_team_count_that_totals_would_give_away(
    client: Client, council: Council
) -> None:
    client.force_login(council.people.carl)
    page = client.get("/figures/").content.decode()
    # Riverside's one unallocated child is hidden, and so is Hilltop's count, which with
    # the total of 11 would otherwise give it away.
    riverside = page.split("Riverside child in need team")[1].split("</tr>")[0]
    hilltop = page.split("Hilltop child protection team")[1].split("</tr>")[0]
    assert "fewer than 5" in riverside
    assert "withheld" in hilltop
    assert "10</td>" not in hilltop
