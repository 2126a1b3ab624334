"""The history of the front sheet: one row for each field changed, as it was shown."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class FrontSheetChange(models.Model):
    """One field of the front sheet changed by one person at one time.

    Values are kept as they were shown (\"White British\", not \"WBRI\"), so the history
    reads the same whatever happens to the codes later. Rows saved together share
    an `action_id`, the same as their audit row.
    """

    person = models.ForeignKey(
        "records.Person", on_delete=models.CASCADE, related_name="front_sheet_changes"
    )
    field = models.CharField(max_length=40)
    label = models.CharField(max_length=100)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField()
    action_id = models.UUIDField(default=uuid.uuid4)

    class Meta:
        ordering = (
            "-changed_at",
            "-id",
        )
        indexes = (models.Index(fields=["person", "-changed_at"]),)

    def __str__(self) -> str:
        return f"{self.label} of {self.person_id} changed at {self.changed_at:%Y-%m-%d %H:%M}"
