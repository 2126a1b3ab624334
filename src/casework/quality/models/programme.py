"""The council's audit programme: the kinds of audit it runs, and the audits of each year.

`AuditKind` rows start as the defaults of frameworks/audit-programme.yaml and a quality
officer may change them; `ScheduledAudit` rows are the year's audits, made from the kinds
when the year's programme is set up.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models


class CadenceChoice(models.TextChoices):
    MONTHLY = "monthly", "Every month"
    QUARTERLY = "quarterly", "Every 3 months"
    SIX_MONTHLY = "six-monthly", "Every 6 months"
    ANNUAL = "annual", "Once a year"
    UNSCHEDULED = "unscheduled", "When needed (not scheduled)"


class AuditKind(models.Model):
    key = models.SlugField(max_length=60, unique=True)  # the id in audit-programme.yaml
    title = models.CharField(max_length=200)
    cadence = models.CharField(max_length=20, choices=CadenceChoice.choices)
    auditors = models.CharField(max_length=300, blank=True)  # in the council's own words
    roles: models.JSONField[list[str], list[str]] = models.JSONField(default=list, blank=True)
    sample_what = models.TextField(blank=True)
    files = models.PositiveIntegerField(null=True, blank=True)
    per = models.CharField(max_length=40, blank=True)  # "team", "team manager" or blank
    publish_days_before = models.PositiveIntegerField(default=0)
    template = models.CharField(max_length=60, blank=True)
    # The months (1 to 12) in which the audit is held, from the annual timetable or the
    # cadence; empty for unscheduled audits.
    months: models.JSONField[list[int], list[int]] = models.JSONField(default=list, blank=True)
    section = models.CharField(max_length=100, blank=True)  # where the seed says so
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ("id",)

    def __str__(self) -> str:
        return self.title

    @property
    def audits_case_files(self) -> bool:
        return bool(self.template)


class ScheduleStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    SAMPLE_DRAWN = "sample_drawn", "Sample drawn"


class ScheduledAudit(models.Model):
    kind = models.ForeignKey(AuditKind, on_delete=models.PROTECT, related_name="scheduled")
    year = models.PositiveIntegerField()
    month = models.PositiveSmallIntegerField()
    held_on = models.DateField()  # the audit date; the sample is published before it
    publish_on = models.DateField()
    files = models.PositiveIntegerField(null=True, blank=True)
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="scheduled_audits",
    )
    team = models.ForeignKey(
        "records.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=ScheduleStatus.choices, default=ScheduleStatus.PLANNED
    )

    class Meta:
        ordering = ("held_on", "kind_id", "id")
        indexes = (models.Index(fields=["year", "month"]),)

    def __str__(self) -> str:
        return f"{self.kind.title}, {self.held_on:%B %Y}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)
