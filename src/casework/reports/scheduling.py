"""Scheduling reports: adding and stopping schedules (action functions taking the acting
user and writing the audit row in the same transaction), and the repeat-safe sweep that
produces each due report once, keeps it and emails it to the schedule's recipients once
(each email sent is audited too, as something that left the building)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone

from casework.accounts.audit import audit
from casework.accounts.models import AuditAction, User
from casework.reports.content import REPORTS
from casework.reports.kinds import ReportKind
from casework.reports.models import ProducedReport, ReportSchedule
from casework.reports.periods import Frequency, Period, last_complete
from casework.reports.render import to_pdf, to_xlsx
from casework.reports.render.response import CONTENT_TYPES


def add_schedule(
    actor: User, report: ReportKind, frequency: Frequency, recipients: list[str]
) -> ReportSchedule:
    with transaction.atomic():
        schedule = ReportSchedule.objects.create(
            report=report,
            frequency=frequency,
            recipients="\n".join(recipients),
            created_by=actor,
            created_at=timezone.now(),
        )
        audit(
            actor,
            AuditAction.REPORT_SCHEDULED,
            schedule=schedule.pk,
            report=str(report),
            frequency=str(frequency),
            recipients=recipients,
        )
    return schedule


def stop_schedule(actor: User, schedule: ReportSchedule) -> None:
    with transaction.atomic():
        stopped = ReportSchedule.objects.filter(pk=schedule.pk, active=True).update(active=False)
        if stopped:
            audit(actor, AuditAction.REPORT_SCHEDULE_STOPPED, schedule=schedule.pk)


def filename(report: str, period: Period) -> str:
    return f"{report}-report-{period.slug}"


@dataclass(frozen=True)
class Outcome:
    produced: int = 0
    sent: int = 0


def _produce(
    schedule: ReportSchedule, period: Period, today: dt.date
) -> tuple[ProducedReport, bool]:
    """The schedule's report for the period, and whether it was produced just now."""
    found = ProducedReport.objects.filter(
        schedule=schedule, period_start=period.start, period_end=period.end
    ).first()
    if found is not None:
        return found, False
    doc = REPORTS[schedule.report].build(period, today)
    try:
        with transaction.atomic():
            created = ProducedReport.objects.create(
                schedule=schedule,
                report=schedule.report,
                period_start=period.start,
                period_end=period.end,
                produced_at=timezone.now(),
                pdf=to_pdf(doc),
                xlsx=to_xlsx(doc),
            )
    except IntegrityError:  # another run produced it first
        other = ProducedReport.objects.get(
            schedule=schedule, period_start=period.start, period_end=period.end
        )
        return other, False
    return created, True


def _send(produced: ProducedReport, schedule: ReportSchedule) -> bool:
    """Claim the report with a conditional update, then email it; False if another run
    had already claimed it. A failed email releases the claim for the next run."""
    claimed = ProducedReport.objects.filter(pk=produced.pk, sent_at__isnull=True).update(
        sent_at=timezone.now()
    )
    if not claimed:
        return False
    period = Period(produced.period_start, produced.period_end)
    title = REPORTS[produced.report].title
    name = filename(produced.report, period)
    message = EmailMessage(
        subject=f"{title}: {period.title}",
        body=(
            f"The {title.lower()} for {period.title} is attached as PDF and Excel.\n\n"
            "It names no child and hides small numbers. You receive it because you are on "
            "the council's schedule for this report."
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=schedule.recipient_list,
    )
    message.attach(f"{name}.pdf", bytes(produced.pdf), CONTENT_TYPES["pdf"])
    message.attach(f"{name}.xlsx", bytes(produced.xlsx), CONTENT_TYPES["xlsx"])
    try:
        message.send()
    except Exception:
        ProducedReport.objects.filter(pk=produced.pk).update(sent_at=None)
        raise
    audit(
        None,
        AuditAction.REPORT_SENT,
        schedule=schedule.pk,
        produced=produced.pk,
        report=produced.report,
        period=[period.start.isoformat(), period.end.isoformat()],
        recipients=schedule.recipient_list,
    )
    return True


def send_due(today: dt.date) -> Outcome:
    """Produce and send every active schedule's report for its last complete period."""
    produced = sent = 0
    for schedule in ReportSchedule.objects.filter(active=True):
        period = last_complete(Frequency(schedule.frequency), today)
        report, created = _produce(schedule, period, today)
        produced += created
        if report.sent_at is None and schedule.recipient_list and _send(report, schedule):
            sent += 1
    return Outcome(produced, sent)
