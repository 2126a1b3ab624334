"""Practice challenges (disputes) with their stages, and dip audits (seed 004)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from casework.challenges.rules import rules


class ChallengeStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"
    UNRESOLVED = "unresolved", "Closed, not resolved"


class Challenge(models.Model):
    """A dispute a conference chair or reviewing officer raises about a child's case.

    `stage` is the current stage (from 1, as in rules.yaml); each stage's history is a
    `ChallengeStage` row. Escalation moves `stage` with a conditional UPDATE, so a lapsed
    stage escalates once however often the sweep runs."""

    person = models.ForeignKey("records.Person", on_delete=models.CASCADE, related_name="+")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    raised_at = models.DateTimeField()
    raised_on = models.DateField()
    concern = models.TextField()
    wanted = models.TextField(blank=True)  # what the raiser asks to happen
    stage = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(
        max_length=12, choices=ChallengeStatus.choices, default=ChallengeStatus.OPEN
    )
    outcome = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ("-raised_at", "-id")
        indexes = (models.Index(fields=["status", "person"]),)

    def __str__(self) -> str:
        return f"practice challenge {self.pk} at stage {self.stage}"

    @property
    def stage_title(self) -> str:
        return rules().stage(self.stage).title

    @property
    def is_open(self) -> bool:
        return self.status == ChallengeStatus.OPEN


class ChallengeStage(models.Model):
    """One stage of a challenge: who held it, when a response was due, and what they said."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="stages")
    number = models.PositiveSmallIntegerField()
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started = models.DateField()
    due = models.DateField()
    response = models.TextField(blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responded_on = models.DateField(null=True, blank=True)
    lapsed = models.BooleanField(default=False)  # no response by the due date
    escalated_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ("challenge", "number")
        constraints = (
            models.UniqueConstraint(fields=["challenge", "number"], name="one_row_per_stage"),
        )

    def __str__(self) -> str:
        return f"stage {self.number} of challenge {self.challenge_id}"

    @property
    def title(self) -> str:
        return rules().stage(self.number).title

    @property
    def awaiting_response(self) -> bool:
        return self.responded_on is None and self.escalated_on is None


class DipAuditTrigger(models.TextChoices):
    CHRONOLOGY = "chronology_not_updated", "Chronology not updated before conference"
    VISIT = "missed_visit", "Statutory visit missed"
    CORE_GROUP = "core_group_lapsed", "Core group lapsed"


class DipAuditStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    CONFIRMED = "confirmed", "Recorded"
    DISMISSED = "dismissed", "Dismissed"


class DipAudit(models.Model):
    """A dip audit Casework proposed on seeing its trigger, then confirmed or dismissed.

    `trigger_key` names the trigger instance (the conference, or the obligation missed);
    the unique constraint means the same trigger is never proposed twice."""

    person = models.ForeignKey("records.Person", on_delete=models.CASCADE, related_name="+")
    trigger = models.CharField(max_length=30, choices=DipAuditTrigger.choices)
    trigger_key = models.CharField(max_length=200)
    trigger_date = models.DateField()  # the conference, or the date the visit was due
    detail = models.CharField(max_length=300)  # what was seen, in plain words
    proposed_at = models.DateTimeField()
    status = models.CharField(
        max_length=10, choices=DipAuditStatus.choices, default=DipAuditStatus.PROPOSED
    )
    findings = models.TextField(blank=True)
    reason = models.TextField(blank=True)  # why it was dismissed
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-trigger_date", "-id")
        constraints = (
            models.UniqueConstraint(
                fields=["person", "trigger", "trigger_key"], name="one_dip_audit_per_trigger"
            ),
        )
        indexes = (models.Index(fields=["status", "person"]),)

    def __str__(self) -> str:
        return f"dip audit {self.pk} ({self.trigger}, {self.status})"
