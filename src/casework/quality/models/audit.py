"""A case file audit: one auditor's grades and comments on one child's file, and the
remedial actions that follow from grades below standard."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models


class AuditStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"


class CaseAudit(models.Model):
    person = models.ForeignKey("records.Person", on_delete=models.PROTECT, related_name="+")
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_audits"
    )
    scheduled = models.ForeignKey(
        "quality.ScheduledAudit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_audits",
    )
    sample_case = models.ForeignKey(
        "quality.SampleCase", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    template = models.CharField(max_length=60, default="case-file-audit")
    # The child's team when audited, so the analysis by team stays as it was.
    team = models.ForeignKey(
        "records.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    audited_on = models.DateField()
    completed_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=AuditStatus.choices, default=AuditStatus.IN_PROGRESS
    )
    overall_grade = models.CharField(max_length=30, blank=True)
    overall_comment = models.TextField(blank=True)

    class Meta:
        ordering = ("-audited_on", "-id")
        indexes = (models.Index(fields=["status", "audited_on"]),)

    def __str__(self) -> str:
        return f"case file audit {self.pk} on {self.audited_on}"


class Answer(models.Model):
    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=60)  # the question's id in the template
    grade = models.CharField(max_length=30)
    comment = models.TextField(blank=True)
    evidence = models.TextField(blank=True)  # what the record showed, as pre-filled
    evidence_confirmed = models.BooleanField(null=True)  # None: there was no evidence
    correction = models.TextField(blank=True)  # the auditor's correction of the evidence

    class Meta:
        ordering = ("audit_id", "id")
        constraints = (
            models.UniqueConstraint(fields=["audit", "question"], name="one_answer_per_question"),
        )

    def __str__(self) -> str:
        return f"{self.question}: {self.grade}"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"


class RemedialAction(models.Model):
    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="actions")
    question = models.CharField(max_length=60, blank=True)  # blank: the overall grade
    grade = models.CharField(max_length=30)
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="audit_actions"
    )
    due = models.DateField()
    status = models.CharField(
        max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.TextField(blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ("due", "id")
        indexes = (models.Index(fields=["owner", "status", "due"]),)

    def __str__(self) -> str:
        return f"audit action {self.pk} due {self.due}"

    def get_grade_label(self) -> str:
        from casework.quality.audits import template

        try:
            return template().grades.get(self.grade).label.lower()
        except KeyError:
            return self.grade

    def overdue(self, today: dt.date) -> bool:
        return self.status == ActionStatus.OPEN and self.due < today
