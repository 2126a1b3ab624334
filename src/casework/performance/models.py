"""Indicator figures as the last refresh worked them out, so the pages read them quickly.

One row per indicator and period: the overall numerator and denominator, the statuses for
compliance, and every cut's groups as JSON ({cut: {group: [numerator, denominator]}}).
Beside them, the children behind each figure (`FigureChildren`) and each child's group in
every cut (`ChildGroups`), so that the drill-down reads two rows rather than the records.
A refresh replaces them all in one transaction.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from casework.insight import PeriodKind


class PeriodChoice(models.TextChoices):
    WEEK = PeriodKind.WEEK.value, "Week"
    MONTH = PeriodKind.MONTH.value, "Month"
    QUARTER = PeriodKind.QUARTER.value, "Quarter"
    YEAR = PeriodKind.YEAR.value, "Year"


class Refresh(models.Model):
    """One run of the refresh: when, as of which day, against which pack, how long."""

    as_of = models.DateField()
    pack = models.CharField(max_length=100)
    finished_at = models.DateTimeField()
    seconds = models.FloatField()
    figures = models.PositiveIntegerField()

    class Meta:
        ordering = ("-finished_at",)
        get_latest_by = "finished_at"
        verbose_name_plural = "refreshes"

    def __str__(self) -> str:
        return f"Indicators as of {self.as_of}"


class IndicatorFigure(models.Model):
    indicator = models.CharField(max_length=150)
    period_kind = models.CharField(max_length=8, choices=PeriodChoice.choices)
    period_key = models.CharField(max_length=12)
    start = models.DateField()
    end = models.DateField()
    complete = models.BooleanField(default=True)
    numerator = models.IntegerField()
    denominator = models.IntegerField(null=True)  # null: a plain count of children
    met = models.IntegerField(null=True)
    late = models.IntegerField(null=True)
    overdue = models.IntegerField(null=True)
    cuts = models.JSONField(default=dict)

    class Meta:
        ordering = ("indicator", "period_kind", "start")
        constraints = (
            models.UniqueConstraint(
                fields=("indicator", "period_kind", "period_key"), name="one_figure_per_period"
            ),
        )
        indexes = (models.Index(fields=["period_kind", "indicator", "start"]),)

    def __str__(self) -> str:
        return f"{self.indicator} {self.period_key}"

    @property
    def value(self) -> float | None:
        if self.denominator is None:
            return float(self.numerator)
        return self.numerator / self.denominator if self.denominator else None

    def group(self, cut: str, group: str) -> tuple[int, int | None] | None:
        found: Any = self.cuts.get(cut, {}).get(group)
        return (int(found[0]), found[1]) if found else None


class FigureChildren(models.Model):
    """The children behind a figure's numerator, as the refresh counted them: each a
    32-bit number (child number * 8 + the age band of a counted item), in `ChildGroups`'s
    numbering. Figures with nothing in the numerator have no row."""

    indicator = models.CharField(max_length=150)
    period_kind = models.CharField(max_length=8, choices=PeriodChoice.choices)
    period_key = models.CharField(max_length=12)
    members = models.BinaryField()

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=("indicator", "period_kind", "period_key"), name="one_list_per_figure"
            ),
        )

    def __str__(self) -> str:
        return f"Children behind {self.indicator} {self.period_key}"


class ChildGroups(models.Model):
    """Who the children of the last refresh are (person ids, by child number) and each one's
    group in every cut but the age band. One row, replaced with the figures."""

    people = models.BinaryField()  # 64-bit person ids
    # [cut, the groups' names by group code] for each cut, in the order of the columns of
    # `groups` (a list: the order of a JSON object's keys is not kept everywhere)
    labels = models.JSONField(default=list)
    groups = models.BinaryField()  # 32-bit group codes, a row per child, a column per cut

    class Meta:
        verbose_name_plural = "child groups"

    def __str__(self) -> str:
        return "Children's groups in the indicator figures"
