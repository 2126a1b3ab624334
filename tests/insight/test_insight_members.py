"""The children behind each figure of a series (what the refresh stores for drill-down)
equal the children `compute_all` finds for that period, overall and in every group."""

from __future__ import annotations

import datetime as dt

import pytest

from casework.engine import Obligation, evaluate_events
from casework.insight import compliance_indicators, compute_all, load_indicators
from casework.insight.compute import EventIndex
from casework.insight.periods import Period, PeriodKind, periods
from casework.insight.series import Owed, compute_series, series_with_members
from casework.standards import load_pack
from casework.synth import Council, generate

AS_OF = dt.date(2024, 5, 15)


@pytest.fixture(scope="module")
def council() -> Council:
    return generate(children=200, years=4.0, seed=11, end=dt.date(2024, 6, 30))


@pytest.fixture(scope="module")
def owed(council: Council) -> list[Obligation]:
    return evaluate_events(council.events, load_pack("wokingham-2020"), AS_OF)


def chosen_periods() -> list[Period]:
    return [*periods(PeriodKind.MONTH, AS_OF, 3), *periods(PeriodKind.YEAR, AS_OF, 2)]


def test_the_children_behind_every_figure_and_group_equal_compute_all(
    council: Council, owed: list[Obligation]
) -> None:
    pack = load_pack("wokingham-2020")
    indicators = [*load_indicators(), *compliance_indicators(pack)[:8]]
    index = EventIndex(council.events)
    teams = ("North", "South")
    extra = {c.id: {"team": teams[i % 2]} for i, c in enumerate(council.children) if i % 5}
    found, membership = series_with_members(
        indicators, index, chosen_periods(), owed=Owed.of(owed), attributes=extra
    )
    by_key = {(f.indicator, f.period): f for f in found}
    checked = 0
    for period in chosen_periods():
        for result in compute_all(
            indicators, index, period.start, period.end, obligations=owed, attributes=extra
        ):
            figure = by_key[(result.indicator.id, period)]
            assert membership.members(figure) == sorted(result.children), result.indicator.id
            for cut, groups in result.cuts.items():
                for group, expected in groups.items():
                    assert membership.members(figure, cut, group) == sorted(expected.children), (
                        result.indicator.id,
                        period.key,
                        cut,
                        group,
                    )
                    checked += bool(expected.children)
    assert checked > 200, "the council should put children behind many groups"


def test_members_are_left_out_unless_asked_for(council: Council, owed: list[Obligation]) -> None:
    indicators = load_indicators()[:3]
    found = compute_series(indicators, council.events, chosen_periods(), owed=Owed.of(owed))
    assert all(f.members is None for f in found)


def test_an_unknown_group_has_no_children(council: Council, owed: list[Obligation]) -> None:
    indicators = [i for i in load_indicators() if i.id == "children-referred"]
    found, membership = series_with_members(indicators, council.events, chosen_periods())
    year = next(f for f in found if f.numerator)
    assert membership.members(year)
    assert membership.members(year, "sex", "no such group") == []
    assert membership.members(year, "age_band", "no such band") == []


def test_obligations_as_codes_read_back_as_they_went_in() -> None:
    as_of = dt.date(2024, 3, 1)
    owed = Owed.from_columns(
        ["7", "9", "7", "9"],
        ["visit", "review", "review", "visit"],
        ["2024-01-02", "2024-02-03", "2024-04-05", "2024-01-31"],
        ["met", "open", "open", "late"],
        as_of,
    )
    assert owed.child_ids == ["7", "9", "9"]  # the open one not yet due is left out
    assert owed.standards == ["visit", "review", "visit"]
    assert owed.status.tolist() == [0, 2, 1]
    assert len(owed) == 3
    assert [o.child_id for o in owed.obligations()] == owed.child_ids
