"""Who looked at which record, and who changed what."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class AccessLog(models.Model):
    """One row for every view of a person's record, from any page."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        "records.Person", on_delete=models.CASCADE, related_name="access_log"
    )
    at = models.DateTimeField(db_index=True)
    page = models.CharField(max_length=100)  # the URL name, e.g. "records:chronology"
    method = models.CharField(max_length=10, default="GET")

    class Meta:
        ordering = (
            "-at",
            "-id",
        )
        indexes = (models.Index(fields=["person", "-at"]),)

    def __str__(self) -> str:
        return f"{self.user_id} viewed {self.person_id} on {self.page} at {self.at:%Y-%m-%d %H:%M}"


class AuditAction(models.TextChoices):
    EVENT_RECORDED = "event_recorded", "Event recorded"
    EVENT_CORRECTED = "event_corrected", "Event corrected"
    EVENT_WITHDRAWN = "event_withdrawn", "Event withdrawn"
    CHRONOLOGY_ENTRY_ADDED = "chronology_entry_added", "Chronology entry added"
    CHILD_ADDED = "child_added", "Child added"
    FRONT_SHEET_CHANGED = "front_sheet_changed", "Front sheet changed"
    ALLOCATED = "allocated", "Allocated to a worker"
    TRANSFERRED = "transferred", "Transferred to a team"
    UNALLOCATED = "unallocated", "Marked unallocated"
    SIGNED_IN = "signed_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
    SIGNED_OUT = "signed_out", "Signed out"
    # Status, eligibility, reminders and reports
    CARE_LEAVER_STATUS_CHANGED = "care_leaver_status_changed", "Care-leaver status changed"
    ELIGIBILITY_DECIDED = "eligibility_decided", "Eligibility decision recorded"
    REMINDERS_SENT = "reminders_sent", "Reminder digest sent"
    REPORT_SCHEDULED = "report_scheduled", "Report scheduled"
    REPORT_SCHEDULE_STOPPED = "report_schedule_stopped", "Report schedule stopped"
    REPORT_SENT = "report_sent", "Scheduled report sent"
    # Quality assurance: the audit programme, samples, case file audits
    QUALITY_PROGRAMME_SET_UP = "quality_programme_set_up", "Audit programme set up for a year"
    QUALITY_AUDIT_KIND_CHANGED = "quality_audit_kind_changed", "Audit type changed"
    QUALITY_SAMPLE_DRAWN = "quality_sample_drawn", "Sample of case files drawn"
    QUALITY_CASE_AUDIT_COMPLETED = "quality_case_audit_completed", "Case file audit completed"
    QUALITY_FINDINGS_NOTIFIED = "quality_findings_notified", "Below-standard findings notified"
    QUALITY_REMEDIAL_ACTION_DONE = "quality_remedial_action_done", "Remedial action completed"
    # Practice challenges and dip audits
    CHALLENGE_RAISED = "challenge_raised", "Practice challenge raised"
    CHALLENGE_RESPONDED = "challenge_responded", "Practice challenge answered"
    CHALLENGE_ESCALATED = "challenge_escalated", "Practice challenge escalated"
    CHALLENGE_CLOSED = "challenge_closed", "Practice challenge closed"
    DIP_AUDIT_RECORDED = "dip_audit_recorded", "Dip audit recorded"
    DIP_AUDIT_DISMISSED = "dip_audit_dismissed", "Dip audit dismissed"
    # Self-assessment and action plans
    SELF_ASSESSMENT_STARTED = "self_assessment_started", "Self-assessment started"
    CRITERION_RATED = "criterion_rated", "Self-assessment criterion rated"
    ACTION_PLAN_CREATED = "action_plan_created", "Action plan created"
    RECOMMENDATION_ADDED = "recommendation_added", "Action plan recommendation added"
    PLAN_ACTION_ADDED = "plan_action_added", "Action plan action added"
    PLAN_ACTION_UPDATED = "plan_action_updated", "Action plan action updated"
    SUCCESS_CRITERION_ADDED = "success_criterion_added", "Success criterion added"


class AuditEntry(models.Model):
    """Every change, written by the action function in the same transaction as the change.

    Rows from one user action share an `action_id`.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=40, choices=AuditAction.choices)
    person = models.ForeignKey(
        "records.Person", null=True, on_delete=models.CASCADE, related_name="audit_entries"
    )
    at = models.DateTimeField(db_index=True)
    action_id = models.UUIDField(default=uuid.uuid4)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = (
            "-at",
            "-id",
        )
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.action} by {self.actor_id} at {self.at:%Y-%m-%d %H:%M}"
