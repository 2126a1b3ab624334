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
