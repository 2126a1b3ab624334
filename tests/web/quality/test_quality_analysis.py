"""The six-monthly audit analysis: grades by team, question and month, recurring themes,
actions completed and overdue, as a page with its chart and as PDF and Excel downloads."""

from __future__ import annotations

import datetime as dt
import io
import re
import zlib

import pytest
from django.test import Client
from openpyxl import load_workbook

from casework.accounts.roles import Role
from casework.quality.analysis import Period, analyse
from casework.quality.analysis_document import CHART_TITLE, analysis_document, grades_chart
from casework.quality.audits import AnswerInput, complete_action, complete_audit, template
from casework.quality.models import RemedialAction
from casework.records.models import Person
from casework.reports.render import Chart
from casework.site.testing import PASSWORD, TODAY, Personas


def _answers(**grades: str) -> list[AnswerInput]:
    return [
        AnswerInput(q.id, grades.get(q.id.replace("-", "_"), "good"))
        for q in template().questions
        if not q.applies_to
    ]


@pytest.fixture
def audited(people: Personas) -> Personas:
    qa = people.by_role[Role.QUALITY_ASSURANCE]
    complete_audit(
        qa,
        people.amy,
        _answers(chronology="inadequate"),
        "requires-improvement",
        "",
        dt.date(2024, 2, 5),
    )
    complete_audit(
        qa,
        people.ben,
        _answers(chronology="requires-improvement", diversity="inadequate"),
        "good",
        "",
        dt.date(2024, 5, 9),
    )
    complete_audit(qa, people.cara, _answers(), "outstanding", "", dt.date(2024, 5, 20))
    complete_audit(
        qa,
        people.fay,
        _answers(chronology="inadequate"),
        "inadequate",
        "Amy's sister",
        dt.date(2024, 8, 1),
    )
    return people


def test_grades_are_counted_by_team_question_and_month(audited: Personas) -> None:
    report = analyse(Period.half_year(2024, 1), TODAY)
    assert report.audits == 3
    by_team = {row.label: row.counts for row in report.by_team}
    assert by_team == {
        "Hilltop child protection team": {
            "outstanding": 0,
            "good": 1,
            "requires-improvement": 1,
            "inadequate": 0,
        },
        "Riverside child in need team": {
            "outstanding": 1,
            "good": 0,
            "requires-improvement": 0,
            "inadequate": 0,
        },
    }
    assert report.overall.total == 3
    assert report.overall.below == 1
    months = {row.label: row.total for row in report.by_month}
    assert list(months) == [
        "January 2024",
        "February 2024",
        "March 2024",
        "April 2024",
        "May 2024",
        "June 2024",
    ]
    assert months["February 2024"] == 1
    assert months["May 2024"] == 2
    chronology = next(
        r for r in report.by_question if r.label.startswith("Is there an up to date chronology")
    )
    assert chronology.counts == {
        "outstanding": 0,
        "good": 1,
        "requires-improvement": 1,
        "inadequate": 1,
    }


def test_a_question_below_standard_in_two_audits_is_a_recurring_theme(audited: Personas) -> None:
    report = analyse(Period.half_year(2024, 1), TODAY)
    assert [(t.question[:30], t.audits, t.of) for t in report.themes] == [
        ("Is there an up to date chronol", 2, 3)
    ]


def test_actions_completed_and_overdue_are_counted(audited: Personas) -> None:
    first_half = analyse(Period.half_year(2024, 1), TODAY)
    # Amy: chronology and overall; Ben: chronology and diversity. All due by 6 June.
    assert (first_half.actions.set, first_half.actions.done, first_half.actions.overdue) == (
        4,
        0,
        4,
    )
    action = RemedialAction.objects.filter(audit__person=audited.amy).first()
    assert action is not None
    complete_action(audited.mary, action, "Chronology updated", dt.date(2024, 3, 1))
    after = analyse(Period.half_year(2024, 1), TODAY)
    assert (after.actions.done, after.actions.done_late, after.actions.open) == (1, 0, 3)


def _child_names() -> set[str]:
    """Every child's given and family name (the audits' comments name Amy too)."""
    names = Person.objects.values_list("given_name", "family_name")
    return {part for pair in names for part in pair if part}


def _cells(xlsx: bytes) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(io.BytesIO(xlsx))
    return {
        sheet.title: [row for row in sheet.iter_rows(values_only=True) if any(row)]
        for sheet in book.worksheets
    }


def _pdf_text(pdf: bytes) -> str:
    """The text drawn in a PDF made with the core fonts (the strings of its compressed
    page streams)."""
    out = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            out.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            out.append(stream.decode("latin-1"))
    return "\n".join(out)


def test_the_page_shows_the_chart_with_its_figures(audited: Personas, client: Client) -> None:
    assert client.login(username="qa", password=PASSWORD)
    page = client.get("/quality/analysis/?period=2024-h1").content.decode()
    assert "January to June 2024" in page
    assert "Hilltop child protection team" in page
    svg = re.search(r'<svg [^>]*role="img"[^>]*>.*?</svg>', page, re.DOTALL)
    assert svg is not None
    assert f'<title id="quality-grades-by-team-title">{CHART_TITLE}</title>' in svg.group(0)
    desc = re.search(r"<desc [^>]*>(.*?)</desc>", svg.group(0), re.DOTALL)
    assert desc is not None
    assert "Hilltop child protection team: 1 of 2 below standard (50%)" in desc.group(1)
    figures = page[svg.end() :]
    assert f"{CHART_TITLE}: the figures" in figures
    assert re.search(r"Riverside child in need team</th>\s*<td[^>]*>1</td><td[^>]*>0</td>", figures)
    assert 'href="/quality/analysis/2024-h1.pdf"' in page
    assert 'href="/quality/analysis/2024-h1.xlsx"' in page
    for name in _child_names():
        assert name not in page  # grades only: no child, and no free-text comment


def test_the_document_names_no_child_and_leaves_comments_out(audited: Personas) -> None:
    doc = analysis_document(analyse(Period.half_year(2024, 2), TODAY))
    texts = " ".join(doc.texts())
    assert "Faraway early help team" in texts  # Fay's team: there is content to check
    for name in _child_names():
        assert name not in texts
    assert "sister" not in texts  # Fay's audit comment ("Amy's sister")
    charts = [b for b in doc.blocks if isinstance(b, Chart)]
    assert len(charts) == 1
    assert charts[0].title == CHART_TITLE
    assert "<title" in charts[0].svg
    assert "<desc" in charts[0].svg
    assert charts[0].description.startswith("The overall grades of the 1 case file audit completed")


def test_the_printed_chart_has_the_figures_of_the_page_s_chart(audited: Personas) -> None:
    report = analyse(Period.half_year(2024, 1), TODAY)
    drawn = grades_chart(report)
    assert drawn is not None
    printed = next(b for b in analysis_document(report).blocks if isinstance(b, Chart))
    assert printed.svg == drawn.svg
    assert printed.description == drawn.description
    assert tuple(printed.table.header) == drawn.table.headers
    assert [tuple(str(c) for c in row) for row in printed.table.rows] == list(drawn.table.rows)
    assert list(drawn.table.rows) == [
        ("Hilltop child protection team", "1", "1"),
        ("Riverside child in need team", "1", "0"),
    ]


def test_the_excel_download_holds_the_figures(audited: Personas, client: Client) -> None:
    assert client.login(username="qa", password=PASSWORD)
    response = client.get("/quality/analysis/2024-h1.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="audit-analysis-2024-h1.xlsx"' in response["Content-Disposition"]
    sheets = _cells(response.content)
    assert sheets["Report"][0] == ("Audit analysis: January to June 2024",) + (None,) * (
        len(sheets["Report"][0]) - 1
    )
    by_team = sheets["Overall grades by team"]
    assert by_team[1] == (
        "Team",
        "Outstanding",
        "Good",
        "Requires improvement",
        "Inadequate",
        "Audits",
        "Below standard",
    )
    assert ("Hilltop child protection team", 0, 1, 1, 0, 2, "50%") in by_team
    assert ("All audits", 1, 1, 1, 0, 3, "33%") in by_team
    chart_rows = sheets[CHART_TITLE[:28]]
    assert chart_rows[1] == ("Team", "Meeting the standard", "Below standard")
    assert ("Riverside child in need team", 1, 0) in chart_rows  # numbers, to sort and sum
    themes = sheets["Recurring themes"]
    assert themes[2][1:] == (2, 3, "67%")
    actions = {row[0]: row[1] for row in sheets["Remedial actions"][2:]}
    assert actions == {
        "Set": 4,
        "Completed": 0,
        "Completed after the due date": 0,
        "Still open": 4,
        "Overdue": 4,
    }
    values = " ".join(str(c) for rows in sheets.values() for row in rows for c in row if c)
    for name in _child_names():
        assert name not in values


def test_the_pdf_download(
    audited: Personas, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With the core fonts the PDF's text can be read back from its page streams.
    from casework.reports.render import pdf as render_pdf

    monkeypatch.setattr(render_pdf, "_FONT_REGULAR", render_pdf._FONT_DIR / "missing.ttf")
    assert client.login(username="qa", password=PASSWORD)
    response = client.get("/quality/analysis/2024-h2.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="audit-analysis-2024-h2.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF-")
    text = _pdf_text(response.content)
    assert "Audit analysis: July to December 2024" in text
    assert "Recurring themes" in text
    assert "Faraway early help team" in text
    for name in _child_names():
        assert name not in text
    assert "sister" not in text


def test_bad_periods_are_not_found(people: Personas, client: Client) -> None:
    assert client.login(username="qa", password=PASSWORD)
    assert client.get("/quality/analysis/?period=2024-h3").status_code == 404
    assert client.get("/quality/analysis/nonsense.pdf").status_code == 404
    assert client.get("/quality/analysis/2024-h3.xlsx").status_code == 404


def test_with_no_audits_the_downloads_are_still_made(people: Personas, client: Client) -> None:
    assert client.login(username="mary", password=PASSWORD)
    assert client.get("/quality/analysis/2020-h1.pdf").content.startswith(b"%PDF-")
    sheets = _cells(client.get("/quality/analysis/2020-h1.xlsx").content)
    report = [row[0] for row in sheets["Report"]]
    assert "No audits were completed in this period." in report
    page = client.get("/quality/analysis/?period=2020-h1").content.decode()
    assert "<svg" not in page
    assert "No audits were completed in this period." in page


def test_those_who_do_not_audit_cannot_download(people: Personas, client: Client) -> None:
    assert client.login(username="alice", password=PASSWORD)
    assert client.get("/quality/analysis/2024-h1.pdf").status_code == 403
    assert client.get("/quality/analysis/2024-h1.xlsx").status_code == 403
