"""Chronology entries written by hand, beside those generated from events."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ChronologyEntry(models.Model):
    person = models.ForeignKey(
        "records.Person", on_delete=models.CASCADE, related_name="chronology_entries"
    )
    occurred = models.DateField()
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    significant = models.BooleanField(default=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField()

    class Meta:
        ordering = (
            "-occurred",
            "-id",
        )
        verbose_name_plural = "chronology entries"

    def __str__(self) -> str:
        return f"{self.title} on {self.occurred:%d %B %Y}"
