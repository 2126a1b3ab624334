"""Report schedules, and each report produced for one, kept so it is never sent twice."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from casework.reports.kinds import ReportKind
from casework.reports.periods import Frequency


class ReportSchedule(models.Model):
    report = models.CharField(max_length=20, choices=ReportKind.choices)
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
    # Email addresses, one a line. Reports name no child, but go only to council addresses
    # a manager has entered.
    recipients = models.TextField()
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ("report", "frequency", "id")

    def __str__(self) -> str:
        return f"{self.get_report_display()}, {self.get_frequency_display().lower()}"

    @property
    def recipient_list(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class ProducedReport(models.Model):
    """One report for one period of one schedule. The unique constraint and the
    conditional update of `sent_at` make the sending command safe to run repeatedly."""

    schedule = models.ForeignKey(ReportSchedule, on_delete=models.CASCADE, related_name="produced")
    report = models.CharField(max_length=20, choices=ReportKind.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    produced_at = models.DateTimeField()
    pdf = models.BinaryField()
    xlsx = models.BinaryField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-period_end", "-id")
        constraints = (
            models.UniqueConstraint(
                fields=["schedule", "period_start", "period_end"], name="one_report_per_period"
            ),
        )

    def __str__(self) -> str:
        return f"{self.get_report_display()} {self.period_start} to {self.period_end}"
