"""Obligations as the engine last worked them out, stored so that lists are fast.

They are facts derived from the events: `records.evaluation` replaces a person's rows
whenever their events change, and a sweep refreshes everyone once a day.
"""

from __future__ import annotations

import datetime as dt

from django.db import models

from casework.engine import Status


class ObligationStatus(models.TextChoices):
    MET = Status.MET.value, "Met"
    LATE = Status.LATE.value, "Met late"
    OVERDUE = Status.OVERDUE.value, "Overdue"
    OPEN = Status.OPEN.value, "Due"


class Obligation(models.Model):
    person = models.ForeignKey(
        "records.Person", on_delete=models.CASCADE, related_name="obligations"
    )
    standard = models.CharField(max_length=100)
    sequence = models.PositiveIntegerField(default=1)
    trigger = models.DateField()
    trigger_event = models.CharField(max_length=60)
    due = models.DateField()
    due_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=ObligationStatus.choices)
    met_on = models.DateField(null=True, blank=True)
    met_event = models.CharField(max_length=60, blank=True)
    episode_key = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = (
            "due",
            "id",
        )
        indexes = (
            models.Index(fields=["person", "status", "due"]),
            models.Index(fields=["standard", "status", "due"]),
        )

    def __str__(self) -> str:
        return f"{self.standard} due {self.due}"

    def is_outstanding(self) -> bool:
        return self.status in (ObligationStatus.OPEN, ObligationStatus.OVERDUE)

    def status_on(self, today: dt.date) -> ObligationStatus:
        """The status today: an open obligation whose due date has passed is overdue, even
        if it was worked out before that date."""
        status = ObligationStatus(self.status)
        if status is ObligationStatus.OPEN and self.due < today:
            return ObligationStatus.OVERDUE
        return status
