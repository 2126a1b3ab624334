"""The refresh: every indicator for every period and cut, worked out and stored.

Run by the `refresh_indicators` command (the demo runs it after loading; a council runs it
nightly after the obligations are re-evaluated). Compliance reads the stored obligations
as they stand on the day of the refresh. The children behind each figure are stored with
it, for the drill-down.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.utils import timezone

from casework.insight import Period, periods
from casework.insight.series import Membership, SeriesFigure, series_with_members
from casework.performance import catalogue
from casework.performance.data import attributes, load_events, load_owed
from casework.performance.models import ChildGroups, FigureChildren, IndicatorFigure, Refresh
from casework.records import bulk
from casework.records.evaluation import current_pack, today

COLUMNS = (
    "indicator",
    "period_kind",
    "period_key",
    "start",
    "end",
    "complete",
    "numerator",
    "denominator",
    "met",
    "late",
    "overdue",
    "cuts",
)


@dataclass(frozen=True)
class Timings:
    read: float
    compute: float
    write: float
    cpu: float  # processor time of the whole refresh (the rest is waiting)


def all_periods(as_of: dt.date) -> list[Period]:
    return [p for kind, n in catalogue.PERIODS.items() for p in periods(kind, as_of, n)]


def refresh_indicators(as_of: dt.date | None = None) -> tuple[Refresh, Timings]:
    """Work out and store every figure as of a day (default today); returns the record of
    the run and where the time went."""
    day = as_of or today()
    started = time.perf_counter()
    cpu = time.process_time()
    types = set().union(*(i.measure.event_types() for i in catalogue.headline()))
    index = load_events(types)
    chosen = all_periods(day)
    owed = load_owed(day, start=min(p.start for p in chosen))
    extra = attributes()
    read = time.perf_counter()
    calendar = current_pack().calendar
    # Each standard's compliance is kept by month, quarter and year, where something fell
    # due; the headline indicators for every period, even with nothing to count.
    series, membership = series_with_members(
        catalogue.every(),
        index,
        chosen,
        owed=owed,
        attributes=extra,
        cuts_for=catalogue.cuts_for,
        wanted=catalogue.wanted,
        skip_empty=catalogue.per_standard_indicator,
        calendar=calendar,
    )
    found = [f for f in series if f.denominator or not catalogue.is_per_standard(f.indicator)]
    computed = time.perf_counter()
    rows = [
        (
            f.indicator,
            f.period.kind.value,
            f.period.key,
            f.period.start,
            f.period.end,
            f.period.complete,
            f.numerator,
            f.denominator,
            f.statuses.get("met"),
            f.statuses.get("late"),
            f.statuses.get("overdue"),
            f.cuts,  # (numerator, denominator) pairs, written as JSON lists
        )
        for f in found
    ]
    lists = _lists(found)
    groups = _groups(membership)
    with transaction.atomic():
        IndicatorFigure.objects.all().delete()
        FigureChildren.objects.all().delete()
        ChildGroups.objects.all().delete()
        bulk.insert(IndicatorFigure, COLUMNS, rows)
        bulk.insert(FigureChildren, LIST_COLUMNS, lists)
        groups.save()
        record = Refresh.objects.create(
            as_of=day,
            pack=current_pack().name,
            finished_at=timezone.now(),
            seconds=time.perf_counter() - started,
            figures=len(rows),
        )
    done = time.perf_counter()
    return record, Timings(
        read - started, computed - read, done - computed, time.process_time() - cpu
    )


LIST_COLUMNS = ("indicator", "period_kind", "period_key", "members")


def _lists(found: list[SeriesFigure]) -> list[tuple[str, str, str, bytes]]:
    """Each figure's children as bytes (32-bit numbers), for figures with any."""
    return [
        (f.indicator, f.period.kind.value, f.period.key, f.members.astype("<i4").tobytes())
        for f in found
        if f.members is not None and len(f.members)
    ]


def _groups(membership: Membership) -> ChildGroups:
    cuts = list(membership.groups)
    table = np.zeros((len(membership.children), len(cuts)), dtype="<i4")
    for n, cut in enumerate(cuts):
        table[:, n] = membership.groups[cut]
    return ChildGroups(
        people=np.array([int(c) for c in membership.children], dtype="<i8").tobytes(),
        labels=[[cut, membership.labels[cut]] for cut in (*cuts, "age_band")],
        groups=table.tobytes(),
    )
