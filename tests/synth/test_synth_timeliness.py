"""Most work is on time; some is late, overdue or still open, as in a real council."""

from __future__ import annotations

from collections import Counter

import pytest

from casework.engine import evaluate_events
from casework.engine.types import Event
from casework.standards import load_pack
from casework.synth import Council, generate
from casework.synth.summary import figures

PINNED = (
    "cp-visit",
    "core-group",
    "rcpc",
    "icpc",
    "cin-visit",
    "cin-review",
    "cic-review",
    "cic-visit",
    "assessment",
)
VISITS = ("cp_visit", "cin_visit", "cic_visit")


@pytest.fixture(scope="module")
def statuses(council: Council) -> dict[str, Counter[str]]:
    obligations = evaluate_events(
        council.events, load_pack("wokingham-2020"), council.end, standards=PINNED
    )
    by_standard: dict[str, Counter[str]] = {s: Counter() for s in PINNED}
    for obligation in obligations:
        by_standard[obligation.standard][obligation.status.value] += 1
    return by_standard


def test_child_protection_visits_are_met_late_overdue_and_open(
    statuses: dict[str, Counter[str]],
) -> None:
    visits = statuses["cp-visit"]
    total = sum(visits.values())
    assert {"met", "late", "overdue", "open"} <= set(visits)
    assert visits["met"] / total > 0.8
    assert 0.02 < visits["late"] / total < 0.15


@pytest.mark.parametrize("standard", PINNED)
def test_each_pinned_standard_is_mostly_met(
    statuses: dict[str, Counter[str]], standard: str
) -> None:
    counts = statuses[standard]
    total = sum(counts.values())
    assert total >= 50
    assert counts["met"] / total > 0.6
    assert counts["late"] > 0


def test_the_pack_is_mostly_met_when_the_paperwork_is_recorded() -> None:
    council = generate(600, seed=4, paperwork=True)
    obligations = evaluate_events(council.events, load_pack("wokingham-2020"), council.end)
    counts = Counter(o.status.value for o in obligations)
    total = sum(counts.values())
    assert counts["met"] / total > 0.7
    assert counts["overdue"] / total < 0.05


def test_headline_figures_are_close_to_englands(large_council: Council) -> None:
    for figure in figures(large_council):
        if figure.england is not None:
            assert figure.value == pytest.approx(figure.england, rel=0.25), figure.name


def test_visits_are_rarely_at_weekends(council: Council) -> None:
    visits = [e for e in council.events if e.event in VISITS]
    weekend = sum(e.occurred.weekday() >= 5 for e in visits)
    assert 0 < weekend / len(visits) < 0.05


def test_most_events_are_recorded_within_a_day_and_some_much_later(council: Council) -> None:
    lags = [(e.recorded - e.occurred).days for e in council.events if e.recorded is not None]
    assert sum(lag <= 1 for lag in lags) / len(lags) > 0.85
    assert sum(lag > 7 for lag in lags) > 50


def test_some_visits_are_recorded_twice_on_one_day(by_child: dict[str, list[Event]]) -> None:
    duplicates = 0
    for events in by_child.values():
        days = Counter((e.event, e.occurred) for e in events if e.event in VISITS)
        duplicates += sum(1 for n in days.values() if n > 1)
    assert duplicates > 10


def test_visits_record_whether_the_child_was_seen_alone_and_the_bedroom_seen(
    council: Council,
) -> None:
    visits = [e for e in council.events if e.event in VISITS]
    assert all({"seen", "seen_alone", "bedroom_seen"} <= set(e.details) for e in visits)
    seen = Counter(e.details["seen"] for e in visits)
    alone = Counter(e.details["seen_alone"] for e in visits)
    assert seen["yes"] / len(visits) > 0.9
    assert 0.4 < alone["yes"] / len(visits) < 0.8


def test_assessments_end_in_no_further_action_about_a_third_of_the_time(
    council: Council,
) -> None:
    outcomes = Counter(
        e.details["outcome"] for e in council.events if e.event == "assessment_complete"
    )
    total = sum(outcomes.values())
    assert 0.2 < outcomes["nfa"] / total < 0.4
    assert outcomes["cin"] > outcomes["cic"] > 0
