"""The stored figures as the pages show them: tiles, trends, cuts and England's figure."""

from __future__ import annotations

from dataclasses import dataclass

from casework.charts import Chart, Series, line_chart, sparkline
from casework.charts.model import format_value
from casework.insight import (
    Direction,
    EnglandFigure,
    Indicator,
    Period,
    PeriodKind,
    latest_england,
)
from casework.insight.periods import containing
from casework.performance.models import IndicatorFigure, Refresh

PERIOD_WORDS = {
    PeriodKind.WEEK: "week",
    PeriodKind.MONTH: "month",
    PeriodKind.QUARTER: "quarter",
    PeriodKind.YEAR: "year (April to March)",
}


def period_kind(raw: str | None, default: PeriodKind = PeriodKind.MONTH) -> PeriodKind:
    try:
        return PeriodKind(raw or default.value)
    except ValueError:
        return default


def latest_refresh() -> Refresh | None:
    return Refresh.objects.order_by("-finished_at").first()


def shown(indicator: Indicator, value: float | None) -> str:
    if value is None:
        return "no data"
    return format_value(value, percent=not indicator.is_count)


def period_of(row: IndicatorFigure) -> Period:
    kind = PeriodKind(row.period_kind)
    return Period(kind, row.start, row.end, containing(kind, row.start)[1])


def label_of(row: IndicatorFigure) -> str:
    return period_of(row).label


@dataclass(frozen=True)
class Tile:
    indicator: Indicator
    latest: IndicatorFigure | None  # the latest complete period (or the only one)
    previous: IndicatorFigure | None
    england: EnglandFigure | None
    chart: Chart | None

    @property
    def value(self) -> str:
        return shown(self.indicator, self.latest.value if self.latest else None)

    @property
    def period(self) -> str:
        return label_of(self.latest) if self.latest else ""

    @property
    def change(self) -> str:
        """Better, worse or the same as the period before, in words."""
        if self.latest is None or self.previous is None:
            return ""
        now, before = self.latest.value, self.previous.value
        if now is None or before is None:
            return ""
        if abs(now - before) < 1e-9:
            return "The same as the period before"
        higher = now > before
        better = higher == (self.indicator.direction is Direction.HIGHER)
        return f"{'Up' if higher else 'Down'} from {shown(self.indicator, before)}: " + (
            "better" if better else "worse"
        )

    @property
    def against_england(self) -> str:
        if self.england is None:
            return ""
        return f"{self.england.label}: {shown(self.indicator, self.england.value)}"


def trend(indicator: Indicator, rows: list[IndicatorFigure]) -> Series:
    return Series.of("This council", [(label_of(r), r.value) for r in rows])


def tile(indicator: Indicator, rows: list[IndicatorFigure]) -> Tile:
    complete = [r for r in rows if r.complete] or rows
    chart = (
        sparkline(
            f"{indicator.title}: trend",
            trend(indicator, rows),
            percent=not indicator.is_count,
            id=f"spark-{indicator.id}",
        )
        if rows
        else None
    )
    return Tile(
        indicator=indicator,
        latest=complete[-1] if complete else None,
        previous=complete[-2] if len(complete) > 1 else None,
        england=latest_england(indicator.id),
        chart=chart,
    )


def trend_chart(indicator: Indicator, rows: list[IndicatorFigure], kind: PeriodKind) -> Chart:
    england = latest_england(indicator.id)
    return line_chart(
        f"{indicator.title}, by {PERIOD_WORDS[kind].split()[0]}",
        [trend(indicator, rows)],
        percent=not indicator.is_count,
        reference=(england.label, england.value) if england else None,
        id=f"trend-{indicator.id}",
    )
