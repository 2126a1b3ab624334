"""The stored lists behind the figures: equal to working the figure out again from the
records, for every indicator, period and group; and the obligations read back for the
refresh equal the stored rows."""

from __future__ import annotations

import pytest

from casework.insight import compute
from casework.performance import catalogue
from casework.performance.data import attributes, load_events, load_owed
from casework.performance.drilldown import children_behind
from casework.performance.models import ChildGroups, FigureChildren, IndicatorFigure
from casework.performance.refresh import refresh_indicators
from casework.records.models import Obligation
from casework.site.testing import TODAY, Personas
from web.performance.history import JUNE, referred_in_june


@pytest.fixture
def history(people: Personas) -> Personas:
    referred_in_june(people)
    return people


def worked_out_again(row: IndicatorFigure, cut: str, group: str) -> list[int]:
    """The figure's children as the records give them now (the old way of the page)."""
    indicator = catalogue.find(row.indicator)
    assert indicator is not None
    owed = load_owed(TODAY, standard=indicator.measure.standard, start=row.start, end=row.end)
    result = compute(
        indicator,
        load_events(indicator.measure.event_types()),
        row.start,
        row.end,
        obligations=owed.obligations(),
        attributes=attributes(),
    )
    if not cut:
        return sorted(int(c) for c in result.children)
    return sorted(int(c) for c in result.cuts[cut][group].children)


def test_the_stored_children_equal_the_records_worked_out_again(history: Personas) -> None:
    rows = IndicatorFigure.objects.filter(period_kind="month", period_key=JUNE, numerator__gt=0)
    assert rows.count() >= 4
    groups = 0
    for row in rows:
        assert sorted(children_behind(row) or []) == worked_out_again(row, "", ""), row
        for cut, found in row.cuts.items():
            for group in found:
                stored = children_behind(row, cut, group)
                assert stored is not None
                assert sorted(stored) == worked_out_again(row, cut, group), (row, cut, group)
                groups += 1
    assert groups > 20


def test_a_group_the_figure_does_not_have_is_none(history: Personas) -> None:
    row = IndicatorFigure.objects.get(
        indicator="children-referred", period_kind="month", period_key=JUNE
    )
    assert children_behind(row, "team", "No such team") is None
    assert children_behind(row, "shoe_size", "9") is None
    assert sorted(children_behind(row) or []) == sorted(
        p.pk for p in (history.amy, history.ben, history.cara, history.fay, history.rita)
    )


def test_figures_with_nothing_counted_store_no_list(history: Personas) -> None:
    assert FigureChildren.objects.count() == IndicatorFigure.objects.filter(numerator__gt=0).count()
    refresh_indicators(TODAY)
    assert ChildGroups.objects.count() == 1
    assert FigureChildren.objects.count() == IndicatorFigure.objects.filter(numerator__gt=0).count()


def test_the_obligations_read_back_equal_the_stored_rows(history: Personas) -> None:
    owed = load_owed(TODAY)
    expected = sorted(
        (str(o.person_id), o.standard, o.due.isoformat(), str(o.status_on(TODAY)))
        for o in Obligation.objects.all()
        if o.status_on(TODAY) != "open"
    )
    found = sorted(
        zip(
            owed.child_ids,
            owed.standards,
            [str(d) for d in owed.due],
            [("met", "late", "overdue")[s] for s in owed.status.tolist()],
            strict=True,
        )
    )
    assert found == expected
    assert found, "the personas' history should have obligations to count"
