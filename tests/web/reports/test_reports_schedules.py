"""Scheduling reports: the form, and the sweep that sends each report once."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from casework.accounts.models import AuditAction, AuditEntry, User
from casework.accounts.roles import Role
from casework.reports.kinds import ReportKind
from casework.reports.models import ProducedReport, ReportSchedule
from casework.reports.periods import Frequency
from casework.reports.scheduling import add_schedule
from casework.site.testing import Personas


@pytest.fixture
def analyst(people: Personas) -> User:
    return people.by_role[Role.PERFORMANCE_ANALYST]


def test_an_analyst_schedules_a_report(client: Client, analyst: User) -> None:
    client.force_login(analyst)
    response = client.post(
        "/reports/schedules/",
        {
            "action": "add",
            "report": "councillors",
            "frequency": "monthly",
            "recipients": "clerk@council.example\n\n members@council.example ",
        },
    )
    assert response.status_code == 302
    schedule = ReportSchedule.objects.get()
    assert schedule.report == ReportKind.COUNCILLORS
    assert schedule.recipient_list == ["clerk@council.example", "members@council.example"]
    assert schedule.created_by == analyst
    entry = AuditEntry.objects.get(action=AuditAction.REPORT_SCHEDULED)
    assert entry.actor == analyst
    assert entry.detail["recipients"] == ["clerk@council.example", "members@council.example"]


def test_bad_input_is_named_and_nothing_is_saved(client: Client, analyst: User) -> None:
    client.force_login(analyst)
    response = client.post(
        "/reports/schedules/",
        {
            "action": "add",
            "report": "nonsense",
            "recipients": "clerk@council.example\nnot an address",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Choose how often to send it" in page
    assert "not an address" in page
    assert 'href="#id_report_0"' in page
    assert ReportSchedule.objects.count() == 0


def test_a_schedule_can_be_stopped(client: Client, analyst: User) -> None:
    schedule = add_schedule(analyst, ReportKind.LADO, Frequency.ANNUAL, ["lado@council.example"])
    client.force_login(analyst)
    client.post("/reports/schedules/", {"action": "stop", "schedule": str(schedule.pk)})
    schedule.refresh_from_db()
    assert not schedule.active
    assert AuditEntry.objects.filter(action=AuditAction.REPORT_SCHEDULE_STOPPED).count() == 1
    # A made-up schedule number is not found rather than an error.
    response = client.post("/reports/schedules/", {"action": "stop", "schedule": "x1"})
    assert response.status_code == 404


def test_the_sweep_sends_each_report_once_however_often_it_runs(
    people: Personas, analyst: User
) -> None:
    add_schedule(analyst, ReportKind.COUNCILLORS, Frequency.MONTHLY, ["clerk@council.example"])
    add_schedule(analyst, ReportKind.IRO, Frequency.ANNUAL, ["iro@council.example"])
    out = io.StringIO()
    call_command("send_scheduled_reports", stdout=out)
    assert "2 reports produced, 2 sent." in out.getvalue()
    call_command("send_scheduled_reports", stdout=out)
    assert "0 reports produced, 0 sent." in out.getvalue()
    assert len(mail.outbox) == 2
    assert ProducedReport.objects.count() == 2
    councillors = next(m for m in mail.outbox if m.to == ["clerk@council.example"])
    assert councillors.subject == "Monthly report to councillors: May 2024"
    names = [a[0] for a in councillors.attachments]
    assert names == [
        "councillors-report-2024-05-to-2024-05.pdf",
        "councillors-report-2024-05-to-2024-05.xlsx",
    ]
    pdf = councillors.attachments[0][1]
    assert isinstance(pdf, bytes)
    assert pdf.startswith(b"%PDF")
    assert ProducedReport.objects.filter(sent_at__isnull=True).count() == 0
    assert AuditEntry.objects.filter(action=AuditAction.REPORT_SENT).count() == 2


def test_a_failed_email_is_tried_again_next_time(
    people: Personas, analyst: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_schedule(analyst, ReportKind.COUNCILLORS, Frequency.MONTHLY, ["clerk@council.example"])

    def fail(*args: object, **kwargs: object) -> int:
        raise OSError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", fail)
    with pytest.raises(OSError, match="mail server down"):
        call_command("send_scheduled_reports", stdout=io.StringIO())
    assert ProducedReport.objects.get().sent_at is None
    monkeypatch.undo()
    call_command("send_scheduled_reports", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    assert ProducedReport.objects.count() == 1


def test_a_produced_report_can_be_downloaded_again(
    client: Client, people: Personas, analyst: User
) -> None:
    add_schedule(analyst, ReportKind.BOARD, Frequency.QUARTERLY, ["board@council.example"])
    call_command("send_scheduled_reports", stdout=io.StringIO())
    produced = ProducedReport.objects.get()
    client.force_login(analyst)
    page = client.get("/reports/schedules/").content.decode()
    assert f"/reports/produced/{produced.pk}.xlsx" in page
    book = load_workbook(io.BytesIO(client.get(f"/reports/produced/{produced.pk}.xlsx").content))
    assert book["Report"]["A1"].value == "Performance board pack"
    client.force_login(people.carl)
    assert client.get(f"/reports/produced/{produced.pk}.pdf").status_code == 403
