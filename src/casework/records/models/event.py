"""Events: what happened, when, and when it was written up. Corrections are new versions.

`Event` holds the current version, so evaluation and lists read one row per event;
`EventVersion` keeps every earlier version as it was, with who wrote it and when.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from casework.standards import vocabulary


class EventSource(models.TextChoices):
    RECORDED = "recorded", "Recorded in Casework"
    IMPORTED = "imported", "Imported"


class _EventFields(models.Model):
    type = models.CharField(max_length=60)
    occurred = models.DateField()
    occurred_time = models.TimeField(null=True, blank=True)  # wall-clock time in England
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    episode = models.ForeignKey(
        "records.Episode", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    details: models.JSONField[dict[str, str], dict[str, str]] = models.JSONField(
        default=dict, blank=True
    )
    note = models.TextField(blank=True)
    withdrawn = models.BooleanField(default=False)  # entered in error; kept, not counted
    version = models.PositiveIntegerField(default=1)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField()
    reason = models.CharField(max_length=300, blank=True)  # why a correction was made

    class Meta:
        abstract = True

    @property
    def title(self) -> str:
        known = vocabulary().events.get(self.type)
        return known.title if known else self.type.replace("_", " ").capitalize()

    @property
    def significant(self) -> bool:
        known = vocabulary().events.get(self.type)
        return bool(known and known.significant)

    def detail_items(self) -> list[tuple[str, str]]:
        """(label, value) for each recorded detail, in the vocabulary's order."""
        known = vocabulary().events.get(self.type)
        specs = known.details if known else {}
        items: list[tuple[str, str]] = []
        for name, value in self.details.items():
            spec = specs.get(name)
            label = (spec.title if spec and spec.title else name.replace("_", " ")).capitalize()
            items.append((label, _shown(value)))
        return items


def _shown(value: Any) -> str:
    text = str(value)
    return {"true": "Yes", "false": "No", "yes": "Yes", "no": "No"}.get(text.lower(), text)


class Event(_EventFields):
    person = models.ForeignKey("records.Person", on_delete=models.CASCADE, related_name="events")
    recorded = models.DateField()  # the day it was first written up
    recorded_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(
        max_length=10, choices=EventSource.choices, default=EventSource.RECORDED
    )

    class Meta:
        ordering = (
            "-occurred",
            "-id",
        )
        indexes = (models.Index(fields=["person", "occurred"]),)

    def __str__(self) -> str:
        return f"{self.title} on {self.occurred:%d %B %Y}"


class EventVersion(_EventFields):
    """An earlier version of an event, exactly as it stood before it was corrected."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="versions")

    class Meta:
        ordering = ("-version",)
        constraints = (
            models.UniqueConstraint(fields=["event", "version"], name="one_row_per_event_version"),
        )

    def __str__(self) -> str:
        return f"version {self.version} of event {self.event_id}"
