"""The refresh's figures for many periods at once equal `compute_all` for each period,
overall and in every group of every cut, on a synthetic council."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from casework.engine import Obligation, Status, evaluate_events
from casework.insight import compliance_indicators, compute_all, load_indicators
from casework.insight.compute import EventIndex
from casework.insight.periods import Period, PeriodKind, periods
from casework.insight.series import Owed, SeriesFigure, compute_series
from casework.standards import load_pack
from casework.synth import Council, generate

AS_OF = dt.date(2024, 5, 15)


@pytest.fixture(scope="module")
def council() -> Council:
    return generate(children=300, years=5.0, seed=5, end=dt.date(2024, 6, 30))


@pytest.fixture(scope="module")
def owed(council: Council) -> list[Obligation]:
    return evaluate_events(council.events, load_pack("wokingham-2020"), AS_OF)


def attributes(council: Council) -> dict[str, dict[str, str]]:
    teams = ("North", "South", "East")
    return {
        c.id: {"team": teams[i % 3], "worker": f"worker {i % 7}"}
        for i, c in enumerate(council.children)
        if i % 11  # some children have no team or worker recorded
    }


def chosen_periods() -> list[Period]:
    return [
        *periods(PeriodKind.WEEK, AS_OF, 3),
        *periods(PeriodKind.MONTH, AS_OF, 4),
        *periods(PeriodKind.QUARTER, AS_OF, 3),
        *periods(PeriodKind.YEAR, AS_OF, 3),
    ]


def test_every_figure_equals_compute_all_for_its_period(
    council: Council, owed: list[Obligation]
) -> None:
    pack = load_pack("wokingham-2020")
    indicators = [*load_indicators(), *compliance_indicators(pack)[:12]]
    index = EventIndex(council.events)
    extra = attributes(council)
    found = compute_series(
        indicators, index, chosen_periods(), owed=Owed.of(owed), attributes=extra
    )
    by_key = {(f.indicator, f.period): f for f in found}
    assert len(by_key) == len(indicators) * len(chosen_periods())
    compared = 0
    for period in chosen_periods():
        results = compute_all(
            indicators, index, period.start, period.end, obligations=owed, attributes=extra
        )
        for result in results:
            figure: SeriesFigure = by_key[(result.indicator.id, period)]
            assert (figure.numerator, figure.denominator) == (
                result.numerator,
                result.denominator,
            ), (result.indicator.id, period.key)
            expected = {
                cut: {g: (f.numerator, f.denominator) for g, f in groups.items()}
                for cut, groups in result.cuts.items()
            }
            assert figure.cuts == expected, (result.indicator.id, period.key)
            if result.statuses:
                assert figure.statuses == result.statuses
            compared += bool(result.numerator)
    assert compared > 50, "the council should give most figures something to count"


def test_an_open_obligation_past_its_day_counts_as_overdue_when_read_back() -> None:
    rows = [
        ("1", "visit", dt.date(2024, 1, 5), Status.OPEN.value),
        ("1", "visit", dt.date(2024, 2, 5), Status.OPEN.value),
        ("2", "visit", dt.date(2024, 1, 5), Status.LATE.value),
    ]
    owed = Owed.from_rows(rows, as_of=dt.date(2024, 2, 1))
    assert owed.child_ids == ["1", "2"]
    assert owed.status.tolist() == [2, 1]  # overdue, late; the one not yet due is left out
    children, standards, due, status = zip(*rows, strict=True)
    columns = Owed.from_columns(
        children, standards, [d.isoformat() for d in due], status, as_of=dt.date(2024, 2, 1)
    )
    assert columns.child_ids == owed.child_ids
    assert columns.standards == owed.standards
    assert columns.due.tolist() == owed.due.tolist()
    assert columns.status.tolist() == owed.status.tolist()


def test_periods_cover_the_weeks_months_quarters_and_years_without_gaps() -> None:
    for kind in PeriodKind:
        found = periods(kind, AS_OF, 6)
        assert found[-1].end == AS_OF
        assert not found[-1].complete
        for before, after in itertools.pairwise(found):
            assert before.full_end + dt.timedelta(days=1) == after.start
    year = periods(PeriodKind.YEAR, AS_OF, 1)[0]
    assert (year.start, year.full_end, year.label) == (
        dt.date(2024, 4, 1),
        dt.date(2025, 3, 31),
        "2024 to 25 (to 15 May)",
    )
    quarter = periods(PeriodKind.QUARTER, dt.date(2024, 2, 10), 1)[0]
    assert (quarter.start, quarter.full_end) == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
