"""Where each imported event came from: the return, and the file, sheet and row."""

from __future__ import annotations

from django.db import models


class ImportedEvent(models.Model):
    """The source of one event imported from a statutory return.

    `kind` is the return (`annex-a`, `cin-census`, `ssda903`): with the event's person,
    type and date it is what a later import of the same facts is matched on. `sources`
    names every row the event was made from (`Annex_A.xlsx:List 8:3; ...`); `file`,
    `sheet` and `row` are the first of them.
    """

    event = models.OneToOneField("records.Event", on_delete=models.CASCADE, related_name="imported")
    kind = models.CharField(max_length=20)
    file = models.CharField(max_length=255)
    sheet = models.CharField(max_length=100, blank=True)
    row = models.PositiveIntegerField(default=0)
    sources = models.TextField()

    class Meta:
        indexes = (models.Index(fields=["kind"]),)

    def __str__(self) -> str:
        where = f"{self.file}:{self.sheet}:{self.row}" if self.sheet else f"{self.file}:{self.row}"
        return f"{self.kind} {where}"
