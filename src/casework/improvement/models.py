"""The Climbié self-assessment (a rating and evidence for every criterion, for a year) and
action plans in the shape of seed 003: recommendations, actions, leads, target dates,
status, monitoring forum and success criteria measured by live indicators."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models


class SelfAssessment(models.Model):
    year = models.PositiveSmallIntegerField(unique=True)
    framework = models.CharField(max_length=40)  # the framework's name, e.g. climbie-2003
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField()

    class Meta:
        ordering = ("-year",)

    def __str__(self) -> str:
        return f"Self-assessment {self.year}"


class CriterionRating(models.Model):
    """One criterion of the framework in one year's self-assessment."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="ratings")
    number = models.CharField(max_length=8)  # as the document numbers it, e.g. "2.10"
    position = models.PositiveSmallIntegerField()  # the document's order
    score = models.PositiveSmallIntegerField(null=True, blank=True)  # None: not rated yet
    evidence = models.TextField(blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("assessment", "position")
        constraints = (
            models.UniqueConstraint(
                fields=["assessment", "number"], name="one_rating_per_criterion"
            ),
        )

    def __str__(self) -> str:
        return f"criterion {self.number} of {self.assessment}"


class ActionPlan(models.Model):
    title = models.CharField(max_length=200)
    source = models.CharField(max_length=300, blank=True)  # the inspection or assessment
    self_assessment = models.OneToOneField(
        SelfAssessment, null=True, blank=True, on_delete=models.PROTECT, related_name="plan"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return self.title


class Recommendation(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    criterion = models.CharField(max_length=8, blank=True)  # a self-assessment weakness

    class Meta:
        ordering = ("plan", "number")
        constraints = (
            models.UniqueConstraint(fields=["plan", "number"], name="one_recommendation_number"),
        )

    def __str__(self) -> str:
        return f"recommendation {self.number}"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"


class PlanAction(models.Model):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="actions"
    )
    text = models.TextField()
    lead = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    target = models.DateField()
    status = models.CharField(
        max_length=12, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    forum = models.CharField("monitoring forum", max_length=200)
    progress = models.TextField(blank=True)
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ("target", "id")
        indexes = (models.Index(fields=["lead", "status", "target"]),)

    def __str__(self) -> str:
        return f"action {self.pk} due {self.target}"

    def overdue(self, today: dt.date) -> bool:
        return self.status != ActionStatus.COMPLETED and self.target < today


class SuccessCriterion(models.Model):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="success_criteria"
    )
    text = models.TextField()
    indicator = models.CharField(max_length=100, blank=True)  # a casework.insight indicator id

    class Meta:
        ordering = ("recommendation", "id")
        verbose_name_plural = "success criteria"

    def __str__(self) -> str:
        return f"success criterion {self.pk}"
