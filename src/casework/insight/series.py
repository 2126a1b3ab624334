"""Every indicator for many periods at once, with its cuts: what the stored refresh holds.

The figures are the same as `compute_all` gives for each period (a test checks every one);
the work is arranged to be quick for a whole council. Measures whose items do not depend
on the period (timeliness, repeats, durations, compliance) are worked out once over the
whole span and then counted within each period; the others are worked out per period.
Counting within a period and within each group of a cut is done with NumPy on columns:
obligations, which run to the hundreds of thousands, are never Python objects here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from casework.calendar import calendar_for
from casework.engine import Event, Obligation
from casework.insight.compute import (
    AGE_BANDS,
    CUTS,
    MEASURES,
    NOT_RECORDED,
    EventIndex,
    Item,
    _Context,
    extra_cuts,
)
from casework.insight.model import Indicator, Kind
from casework.insight.owed import STATUSES, Days, Ints, coded
from casework.insight.owed import Owed as Owed  # still importable from here
from casework.insight.periods import Period

_ONCE = {Kind.TIMELINESS, Kind.REPEAT, Kind.DURATION}


@dataclass(frozen=True)
class SeriesFigure:
    indicator: str
    period: Period
    numerator: int
    denominator: int | None  # None for a plain count of children
    statuses: dict[str, int] = field(default_factory=dict)  # compliance: met, late, overdue
    # cut -> group -> (numerator, denominator); only groups with something to count
    cuts: dict[str, dict[str, tuple[int, int | None]]] = field(default_factory=dict)
    # With `series_with_members`: the children counted in the numerator, each with the age
    # band of a counted item, as child number * BAND_SLOTS + band (each pair once, sorted).
    members: Ints | None = field(default=None, compare=False, repr=False)

    @property
    def value(self) -> float | None:
        if self.denominator is None:
            return float(self.numerator)
        return self.numerator / self.denominator if self.denominator else None


BAND_SLOTS = 8  # room for the age bands and "not recorded" in a member code


@dataclass(frozen=True)
class Membership:
    """Who the member codes of a series refer to: the children by number, and each child's
    group in every cut but the age band (which belongs to an item, not a child)."""

    children: tuple[str, ...]
    labels: dict[str, list[str]]  # cut -> its groups' names, by group code
    groups: dict[str, Ints]  # cut -> each child's group code, by child number

    def members(self, figure: SeriesFigure, cut: str = "", group: str = "") -> list[str]:
        """The children behind a figure's numerator, overall or in one group of a cut."""
        codes = figure.members if figure.members is not None else np.zeros(0, np.int64)
        child = codes // BAND_SLOTS
        if cut == "age_band":
            labels = self.labels[cut]
            band = labels.index(group) if group in labels else -1
            child = child[codes % BAND_SLOTS == band]
        elif cut:
            labels = self.labels[cut]
            code = labels.index(group) if group in labels else -1
            child = child[self.groups[cut][child] == code]
        return [self.children[i] for i in np.unique(child).tolist()]


@dataclass
class _Columns:
    """Items as columns, sorted by day."""

    child: Ints
    day: Days
    counted: npt.NDArray[np.bool_]
    status: npt.NDArray[np.int8] | None = None
    band: Ints | None = None  # age band code on the item's day


class _Children:
    """Each child's group in every cut, as integer codes."""

    def __init__(
        self,
        index: EventIndex,
        owed: Owed | None,
        attributes: Mapping[str, Mapping[str, str]],
        extra: tuple[str, ...],
    ) -> None:
        ids = set(index.by_child) | set(attributes) | set(owed.people if owed else ())
        self.ids = sorted(ids)
        self.code = {c: i for i, c in enumerate(self.ids)}
        self.labels: dict[str, list[str]] = {}
        self.groups: dict[str, Ints] = {}
        people = [index.person(c) for c in self.ids]
        nothing: Mapping[str, str] = {}
        own = [attributes.get(c, nothing) for c in self.ids]
        for cut in (*CUTS, *extra):
            if cut == "age_band":
                continue
            if cut in CUTS:
                found = [str(getattr(p, cut)) for p in people]
            else:
                found = [a.get(cut) or NOT_RECORDED for a in own]
            self.labels[cut], self.groups[cut] = coded(found)
        self.labels["age_band"] = [label for _, label in AGE_BANDS] + [NOT_RECORDED]
        births = [p.birth for p in people]
        self.birth = np.array(
            [b if b is not None else np.datetime64("NaT") for b in births], dtype="datetime64[D]"
        )

    def bands(self, child: Ints, day: Days) -> Ints:
        """The age band of each child on each day (the last code: not recorded)."""
        birth = self.birth[child]
        known = ~np.isnat(birth) & (birth <= day)
        safe_birth = np.where(known, birth, day)
        years = day.astype("datetime64[Y]").astype(np.int64) - safe_birth.astype(
            "datetime64[Y]"
        ).astype(np.int64)
        before = _month_day(day) < _month_day(safe_birth)
        age = years - before.astype(np.int64)
        uppers = np.array([upper for upper, _ in AGE_BANDS])
        band = np.searchsorted(uppers, age, side="right").astype(np.int64)
        return np.where(known, band, len(AGE_BANDS))


def _month_day(days: Days) -> Ints:
    months = days.astype("datetime64[M]")
    month = months.astype(np.int64) % 12 + 1
    day = (days - months.astype("datetime64[D]")).astype(np.int64) + 1
    return np.asarray(month * 100 + day, dtype=np.int64)


def all_cuts(_: Indicator) -> None:
    return None


def compute_series(
    indicators: Sequence[Indicator],
    events: EventIndex | Iterable[Event],
    periods: Sequence[Period],
    *,
    owed: Owed | None = None,
    attributes: Mapping[str, Mapping[str, str]] | None = None,
    cuts_for: Callable[[Indicator], tuple[str, ...] | None] = all_cuts,
    wanted: Callable[[Indicator, Period], bool] | None = None,
    skip_empty: Callable[[Indicator], bool] | None = None,
    calendar: str = "england-and-wales",
) -> list[SeriesFigure]:
    """Every indicator for every period. `owed` holds the obligations for compliance
    indicators; `attributes` adds cuts (child -> cut -> group); `cuts_for` may name the
    cuts kept for an indicator (None: every cut); `wanted` may leave out some periods for
    some indicators; `skip_empty` may name indicators whose figures with nothing counted
    (no items) are left out."""
    return _series(
        indicators,
        events,
        periods,
        owed=owed,
        attributes=attributes,
        cuts_for=cuts_for,
        wanted=wanted,
        skip_empty=skip_empty,
        calendar=calendar,
        members=False,
    )[0]


def series_with_members(
    indicators: Sequence[Indicator],
    events: EventIndex | Iterable[Event],
    periods: Sequence[Period],
    *,
    owed: Owed | None = None,
    attributes: Mapping[str, Mapping[str, str]] | None = None,
    cuts_for: Callable[[Indicator], tuple[str, ...] | None] = all_cuts,
    wanted: Callable[[Indicator, Period], bool] | None = None,
    skip_empty: Callable[[Indicator], bool] | None = None,
    calendar: str = "england-and-wales",
) -> tuple[list[SeriesFigure], Membership]:
    """As `compute_series`, with each figure's `members` (the children behind its
    numerator) and the `Membership` that says who they are and which group each is in."""
    return _series(
        indicators,
        events,
        periods,
        owed=owed,
        attributes=attributes,
        cuts_for=cuts_for,
        wanted=wanted,
        skip_empty=skip_empty,
        calendar=calendar,
        members=True,
    )


def _series(
    indicators: Sequence[Indicator],
    events: EventIndex | Iterable[Event],
    periods: Sequence[Period],
    *,
    owed: Owed | None,
    attributes: Mapping[str, Mapping[str, str]] | None,
    cuts_for: Callable[[Indicator], tuple[str, ...] | None],
    wanted: Callable[[Indicator, Period], bool] | None,
    skip_empty: Callable[[Indicator], bool] | None,
    calendar: str,
    members: bool,
) -> tuple[list[SeriesFigure], Membership]:
    index = events if isinstance(events, EventIndex) else EventIndex(events)
    attributes = attributes or {}
    extra = extra_cuts(attributes)
    children = _Children(index, owed, attributes, extra)
    membership = Membership(tuple(children.ids), children.labels, children.groups)
    if not periods:
        return [], membership
    working = calendar_for(calendar)
    span_start = min(p.start for p in periods)
    span_end = max(p.end for p in periods)
    by_standard = _StandardIndex(owed, children) if owed is not None else None
    out = []
    for indicator in indicators:
        kind = indicator.measure.kind
        names = cuts_for(indicator)
        names = (*CUTS, *extra) if names is None else names
        whole: _Columns | None = None
        if kind is Kind.COMPLIANCE:
            if by_standard is None:
                raise ValueError("compliance indicators need the obligations (owed=)")
            whole = by_standard.columns(indicator.measure.standard, indicator.measure.count)
        elif kind in _ONCE:
            context = _Context(index, span_start, span_end, working, _no_obligations)
            whole = _columns(MEASURES[kind](indicator.measure, context), children)
        empty_out = skip_empty is not None and skip_empty(indicator)
        if empty_out and whole is not None and not len(whole.child):
            continue
        for period in periods:
            if wanted is not None and not wanted(indicator, period):
                continue
            if whole is not None:
                columns = _within(whole, period)
            else:
                context = _Context(index, period.start, period.end, working, _no_obligations)
                columns = _columns(MEASURES[kind](indicator.measure, context), children)
            if empty_out and not len(columns.child):
                continue
            out.append(_figure(indicator, period, columns, children, names, members))
    return out, membership


def _no_obligations() -> Sequence[Obligation]:
    raise ValueError("compliance indicators are counted from the obligations' columns")


class _StandardIndex:
    """The obligations sorted by standard, then due date, so each standard's are a slice;
    each obligation's child and age band are worked out once for all of them."""

    def __init__(self, owed: Owed, children: _Children) -> None:
        self.owed = owed
        to_child = np.array([children.code[c] for c in owed.people], dtype=np.int64)
        self.child = to_child[owed.child] if len(owed) else np.zeros(0, dtype=np.int64)
        self.names = {name: i for i, name in enumerate(owed.names)}
        self.by_standard = np.lexsort((owed.due, owed.standard))
        self.sorted_codes = owed.standard[self.by_standard]
        self.by_due = np.argsort(owed.due, kind="stable")
        self.band = children.bands(self.child, owed.due)

    def columns(self, standard: str, count: tuple[str, ...]) -> _Columns:
        if standard:
            wanted_code = self.names.get(standard, -1)
            lo = int(np.searchsorted(self.sorted_codes, wanted_code, side="left"))
            hi = int(np.searchsorted(self.sorted_codes, wanted_code, side="right"))
            rows = self.by_standard[lo:hi]
        else:
            rows = self.by_due
        status = self.owed.status[rows]
        wanted = np.array([STATUSES.index(c) for c in count], dtype=np.int8)
        return _Columns(
            child=self.child[rows],
            day=self.owed.due[rows],
            counted=np.isin(status, wanted),
            status=status,
            band=self.band[rows],
        )


def _columns(items: list[Item], children: _Children) -> _Columns:
    child = np.array([children.code[i.child_id] for i in items], dtype=np.int64)
    day = np.array([i.day for i in items], dtype="datetime64[D]")
    counted = np.array([i.counted for i in items], dtype=bool)
    order = np.argsort(day, kind="stable")
    child, day, counted = child[order], day[order], counted[order]
    return _Columns(child, day, counted, band=children.bands(child, day))


def _within(columns: _Columns, period: Period) -> _Columns:
    lo = int(np.searchsorted(columns.day, np.datetime64(period.start, "D"), side="left"))
    hi = int(np.searchsorted(columns.day, np.datetime64(period.end, "D"), side="right"))
    return _Columns(
        child=columns.child[lo:hi],
        day=columns.day[lo:hi],
        counted=columns.counted[lo:hi],
        status=columns.status[lo:hi] if columns.status is not None else None,
        band=columns.band[lo:hi] if columns.band is not None else None,
    )


def _figure(
    indicator: Indicator,
    period: Period,
    columns: _Columns,
    children: _Children,
    names: tuple[str, ...],
    members: bool = False,
) -> SeriesFigure:
    count = indicator.is_count
    total = len(columns.child)
    counted = columns.counted
    cuts: dict[str, dict[str, tuple[int, int | None]]] = {}
    for cut in names:
        labels = children.labels[cut]
        if cut == "age_band":
            assert columns.band is not None
            groups = columns.band
        else:
            groups = children.groups[cut][columns.child]
        dens = np.bincount(groups, minlength=len(labels))
        nums = np.bincount(groups[counted], minlength=len(labels))
        present = np.flatnonzero(dens)
        cuts[cut] = {
            labels[j]: (n, None if count else d)
            for j, n, d in zip(
                present.tolist(), nums[present].tolist(), dens[present].tolist(), strict=True
            )
        }
    statuses: dict[str, int] = {}
    if indicator.measure.kind is Kind.COMPLIANCE and columns.status is not None:
        found = np.bincount(columns.status, minlength=3)
        statuses = {name: int(found[i]) for i, name in enumerate(STATUSES)}
    return SeriesFigure(
        indicator=indicator.id,
        period=period,
        numerator=int(np.count_nonzero(counted)),
        denominator=None if count else total,
        statuses=statuses,
        cuts=cuts,
        members=_members(columns) if members else None,
    )


def _members(columns: _Columns) -> Ints:
    counted = columns.counted
    assert columns.band is not None
    codes = columns.child[counted] * BAND_SLOTS + columns.band[counted]
    return np.unique(codes)
