"""Samples of case files drawn for audit, with the seed that reproduces them."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SampleMethod(models.TextChoices):
    RANDOM = "random", "Random"
    BY_TEAM = "team", "Stratified by team"
    BY_CASE_TYPE = "case_type", "Stratified by case type"
    BY_WORKER = "worker", "Stratified by worker"
    OVERDUE = "overdue", "Targeted: cases with overdue work"
    CLOSED_NFA = "closed_nfa", "Targeted: cases closed with no further action"


class Sample(models.Model):
    scheduled = models.ForeignKey(
        "quality.ScheduledAudit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="samples",
    )
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="samples_to_audit"
    )
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="samples_drawn"
    )
    drawn_at = models.DateTimeField()
    drawn_on = models.DateField()  # the day the pool of cases was taken
    method = models.CharField(max_length=20, choices=SampleMethod.choices)
    size = models.PositiveIntegerField()
    seed = models.BigIntegerField()
    team = models.ForeignKey(
        "records.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    pool_size = models.PositiveIntegerField(default=0)
    publish_on = models.DateField()

    class Meta:
        ordering = ("-drawn_at", "-id")

    def __str__(self) -> str:
        return f"sample {self.pk} ({self.method}, seed {self.seed})"


class SampleCase(models.Model):
    sample = models.ForeignKey(Sample, on_delete=models.CASCADE, related_name="cases")
    person = models.ForeignKey("records.Person", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveIntegerField()
    stratum = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ("sample_id", "position")
        constraints = (
            models.UniqueConstraint(fields=["sample", "person"], name="a_case_once_per_sample"),
        )

    def __str__(self) -> str:
        return f"case {self.position} of sample {self.sample_id}"
