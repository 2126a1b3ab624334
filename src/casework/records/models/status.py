"""What the eligibility rules decided about a person: their care-leaver status, kept
current from their care history, and each eligibility decision a worker recorded."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class CareLeaverStatusChoice(models.TextChoices):
    """The statutory categories (the values of `casework.eligibility.CareLeaverStatus`)."""

    ELIGIBLE = "eligible", "Eligible"
    RELEVANT = "relevant", "Relevant"
    FORMER_RELEVANT = "former relevant", "Former relevant"
    QUALIFYING = "qualifying", "Qualifying"
    NONE = "not a care leaver", "Not a care leaver"


class CareLeaverStanding(models.Model):
    """A young person's care-leaver status as last worked out from their care history.

    Worked out again in the same transaction whenever an event of their care history is
    recorded, corrected or withdrawn, and for everyone by `care_leaver_status` (daily,
    since the status also changes with age). Only people with a care history have a row.
    """

    person = models.OneToOneField(
        "records.Person", on_delete=models.CASCADE, related_name="care_leaver_standing"
    )
    status = models.CharField(max_length=20, choices=CareLeaverStatusChoice.choices)
    reason = models.TextField()
    rule = models.CharField(max_length=40)  # the rule that decided it (eligibility rules)
    rule_title = models.CharField(max_length=200)
    source = models.TextField()  # where the law says it
    days_looked_after = models.PositiveIntegerField(default=0)
    as_of = models.DateField()
    changed_on = models.DateField()  # when the status last changed (not just re-checked)

    class Meta:
        indexes = (models.Index(fields=["status"]),)

    def __str__(self) -> str:
        return f"{self.status} ({self.person_id}, as of {self.as_of})"

    @property
    def is_care_leaver(self) -> bool:
        return self.status != CareLeaverStatusChoice.NONE


class EligibilityDecision(models.Model):
    """One decision under a service's criteria, with the facts it was made on, why, who
    recorded it and when. Never changed: a new decision is a new row."""

    person = models.ForeignKey(
        "records.Person", on_delete=models.CASCADE, related_name="eligibility_decisions"
    )
    decision = models.CharField(max_length=60)  # the rule's id, e.g. "intensive-support"
    title = models.CharField(max_length=200)
    facts = models.JSONField(default=dict)
    outcome = models.CharField(max_length=100)
    met = models.BooleanField(null=True)
    reason = models.TextField()
    source = models.TextField(blank=True)
    note = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
    action_id = models.UUIDField(default=uuid.uuid4)

    class Meta:
        ordering = ("-decided_at", "-id")
        indexes = (models.Index(fields=["person", "decision", "-decided_at"]),)

    def __str__(self) -> str:
        return f"{self.decision} for {self.person_id}: {self.outcome}"
