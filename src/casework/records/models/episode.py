"""Spans of work (a plan, a period in care) that start and end with events."""

from __future__ import annotations

from django.db import models

from casework.standards import vocabulary


def episode_choices() -> list[tuple[str, str]]:
    return [(name, e.title) for name, e in vocabulary().episodes.items()]


class Episode(models.Model):
    person = models.ForeignKey("records.Person", on_delete=models.CASCADE, related_name="episodes")
    type = models.CharField(max_length=40, choices=episode_choices)
    key = models.CharField(max_length=60)  # the engine's episode_id
    started = models.DateField()
    ended = models.DateField(null=True, blank=True)

    class Meta:
        ordering = (
            "-started",
            "-id",
        )
        constraints = (
            models.UniqueConstraint(fields=["person", "key"], name="episode_key_per_person"),
        )

    def __str__(self) -> str:
        return f"{self.title} from {self.started:%d %B %Y}"

    @property
    def title(self) -> str:
        known = vocabulary().episodes.get(self.type)
        return known.title if known else self.type
