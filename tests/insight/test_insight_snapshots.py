"""Snapshots worked by hand: children in an episode on the period's last day, and what
they had in the window before it; and the checks made when a snapshot is loaded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casework.engine import Event
from casework.insight import IndicatorError, compute, latest_england, load_indicators
from casework.insight.england import england_figures

D = dt.date
END = D(2024, 3, 31)
YEAR = (D(2023, 4, 1), END)


def ev(child: str, event: str, day: dt.date, episode: str = "", **details: str) -> Event:
    return Event(child_id=child, event=event, occurred=day, episode_id=episode, details=details)


def run(indicator_id: str, events: list[Event]) -> tuple[int, int | None, tuple[str, ...]]:
    indicator = next(i for i in load_indicators() if i.id == indicator_id)
    result = compute(indicator, events, *YEAR)
    return result.numerator, result.denominator, result.children


def in_care(child: str, since: dt.date, ended: dt.date | None = None) -> list[Event]:
    events = [
        ev(child, "birth", D(2012, 5, 1)),
        ev(child, "cic_start", since, f"{child}-CIC"),
        ev(child, "placement_start", since, f"{child}-P1"),
    ]
    if ended is not None:
        events.append(ev(child, "cic_end", ended, f"{child}-CIC"))
    return events


def test_three_placements_in_the_12_months_to_the_end_count_and_two_do_not() -> None:
    events = [
        *in_care("A", D(2023, 5, 1)),
        ev("A", "placement_start", D(2023, 9, 1), "A-P2"),
        ev("A", "placement_start", D(2024, 3, 31), "A-P3"),  # on the last day: counted
        *in_care("B", D(2022, 1, 1)),  # the first placement is before the 12 months
        ev("B", "placement_start", D(2023, 6, 1), "B-P2"),
        ev("B", "placement_start", D(2023, 7, 1), "B-P3"),
        *in_care("C", D(2023, 5, 1), ended=D(2024, 3, 31)),  # left care on the last day
        ev("C", "placement_start", D(2023, 6, 1), "C-P2"),
        ev("C", "placement_start", D(2023, 7, 1), "C-P3"),
    ]
    assert run("placements-3-or-more", events) == (1, 2, ("A",))


def test_long_term_stability_needs_two_and_a_half_years_in_care_and_under_16() -> None:
    events = [
        *in_care("A", D(2021, 9, 30)),  # exactly 30 months before the end: counted in
        *in_care("B", D(2021, 10, 1)),  # a day short: not in the denominator
        *in_care("C", D(2020, 1, 1)),
        ev("C", "placement_start", D(2022, 4, 1), "C-P2"),  # moved within the 2 years
        *in_care("D", D(2019, 1, 1)),
    ]
    events[-3:] = [  # D is 16 on the last day: left out
        ev("D", "birth", D(2008, 3, 31)),
        ev("D", "cic_start", D(2019, 1, 1), "D-CIC"),
        ev("D", "placement_start", D(2019, 1, 1), "D-P1"),
    ]
    assert run("placements-long-term-stability", events) == (1, 2, ("A",))


def test_a_health_assessment_counts_only_for_a_child_in_care_a_year() -> None:
    events = [
        *in_care("A", D(2022, 1, 1)),
        ev("A", "health_assessment", D(2023, 4, 1), initial="no"),  # in the 12 months
        *in_care("B", D(2022, 1, 1)),
        ev("B", "health_assessment", D(2023, 3, 31), initial="no"),  # a day before them
        *in_care("C", D(2023, 6, 1)),  # not yet a year in care
        ev("C", "health_assessment", D(2023, 6, 5), initial="yes"),
    ]
    assert run("health-assessments-up-to-date", events) == (1, 2, ("A",))


def test_a_care_leaver_is_judged_on_their_latest_contact() -> None:
    def leaver(child: str, born: dt.date) -> list[Event]:
        return [
            ev(child, "birth", born),
            ev(child, "care_leaver_start", D(2022, 1, 1), f"{child}-CL"),
        ]

    events = [
        *leaver("A", D(2004, 6, 1)),  # 19
        ev("A", "care_leaver_contact", D(2023, 5, 1), "A-CL", in_touch="no"),
        ev("A", "care_leaver_contact", D(2024, 2, 1), "A-CL", in_touch="yes"),
        *leaver("B", D(2003, 6, 1)),  # 20
        ev("B", "care_leaver_contact", D(2023, 5, 1), "B-CL", in_touch="yes"),
        ev("B", "care_leaver_contact", D(2024, 2, 1), "B-CL", in_touch="no"),
        *leaver("C", D(2002, 6, 1)),  # 21, no contact in the 12 months: not in touch
        *leaver("D", D(2005, 6, 1)),  # 18: not in the denominator
        ev("D", "care_leaver_contact", D(2024, 2, 1), "D-CL", in_touch="yes"),
    ]
    assert run("care-leavers-in-touch", events) == (1, 3, ("A",))


def write(tmp_path: Path, measure: str) -> Path:
    path = tmp_path / "x.yaml"
    path.write_text(
        "indicators:\n  - id: x\n    title: X\n    definition: X\n    numerator: X\n"
        "    denominator: Y\n    direction: higher\n"
        f"    measure:\n{measure}"
        "    source: {document: D, year: 2024}\n"
    )
    return path


@pytest.mark.parametrize(
    ("measure", "message"),
    [
        ("      kind: snapshot\n      in: the_moon\n      has: cic_visit\n", "must be an episode"),
        ("      kind: snapshot\n      in: child_in_care\n", "one of 'has', 'lacks' or 'latest'"),
        (
            "      kind: snapshot\n      in: child_in_care\n      lacks: cic_visit\n"
            "      times: 2\n",
            "'times' goes with 'has'",
        ),
        (
            "      kind: snapshot\n      in: child_in_care\n      has: cic_visit\n"
            "      ages: 21 to 19\n",
            "'ages' must read like '19 to 21'",
        ),
    ],
)
def test_a_snapshot_that_cannot_be_counted_is_refused_with_its_line(
    tmp_path: Path, measure: str, message: str
) -> None:
    with pytest.raises(IndicatorError) as caught:
        load_indicators(write(tmp_path, measure))
    assert message in str(caught.value)
    assert "x.yaml:" in str(caught.value)


def test_each_england_figure_names_an_indicator_its_year_and_its_table() -> None:
    ids = {i.id for i in load_indicators()}
    for indicator_id, figures in england_figures().items():
        assert indicator_id in ids
        for figure in figures:
            assert 2000 < figure.year <= 2026
            assert figure.url.startswith("https://explore-education-statistics.service.gov.uk/")
            if figure.numerator is not None and figure.denominator:
                assert abs(figure.numerator / figure.denominator - figure.value) < 0.006
    latest = latest_england("placements-long-term-stability")
    assert latest is not None
    assert (latest.year, latest.label) == (2025, "England 2024 to 25")
