"""Reminders sent to workers and their managers, one row per (obligation, kind, recipient).

Obligation rows are rebuilt whenever a person is re-evaluated (and all of them daily), so a
reminder names its obligation by a key that survives that: the standard, episode, sequence,
trigger and due date. A changed due date is a new obligation and gets a new reminder.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", "Due soon"
    OVERDUE = "overdue", "Overdue"
    ESCALATED = "escalated", "Escalated to a manager"


class ReminderState(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENDING = "sending", "Claimed by a sweep"
    SENT = "sent", "Sent"
    WITHDRAWN = "withdrawn", "No longer needed"


class Reminder(models.Model):
    person = models.ForeignKey("records.Person", on_delete=models.CASCADE, related_name="+")
    obligation_key = models.CharField(max_length=250)
    standard = models.CharField(max_length=100)
    due = models.DateField()
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reminders"
    )
    state = models.CharField(
        max_length=20, choices=ReminderState.choices, default=ReminderState.PENDING
    )
    # The sweep that claimed the row; every row in one digest shares it.
    claim = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    emailed = models.BooleanField(default=False)

    class Meta:
        ordering = ("-created_at", "due", "id")
        constraints = (
            models.UniqueConstraint(
                fields=["person", "obligation_key", "kind", "recipient"],
                name="work_reminder_once",
            ),
        )
        indexes = (models.Index(fields=["recipient", "state", "-sent_at"]),)

    def __str__(self) -> str:
        return f"{self.kind} reminder for {self.standard} due {self.due} to {self.recipient_id}"
