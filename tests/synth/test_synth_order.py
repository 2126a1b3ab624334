"""Each child's history is in a sensible order."""

from __future__ import annotations

from collections import Counter

from casework.engine.types import Event
from casework.standards.vocabulary import vocabulary
from casework.synth import Council

# Recurring work that happens within a plan, and the plan's start and end events.
WITHIN = {
    "cp_visit": ("cp_plan_start", "cp_plan_end"),
    "core_group": ("cp_plan_start", "cp_plan_end"),
    "rcpc": ("cp_plan_start", "cp_plan_end"),
    "cin_visit": ("cin_plan_start", "cin_plan_end"),
    "cin_review": ("cin_plan_start", "cin_plan_end"),
    "cic_visit": ("cic_start", "cic_end"),
    "cic_review": ("cic_start", "cic_end"),
    "care_leaver_contact": ("care_leaver_start", "care_leaver_end"),
    "early_help_visit": ("early_help_start", "early_help_end"),
}


def first_before(events: list[Event], later: str, earlier: str) -> Counter[str]:
    """Count events of type `later` with no `earlier` event on or before them."""
    problems: Counter[str] = Counter()
    seen = False
    for event in events:
        if event.event == earlier:
            seen = True
        elif event.event == later and not seen:
            problems[later] += 1
    return problems


def test_each_childs_events_are_in_date_order_starting_with_the_birth(
    by_child: dict[str, list[Event]],
) -> None:
    for events in by_child.values():
        assert events[0].event == "birth"
        days = [e.occurred for e in events]
        assert days == sorted(days)


def test_referrals_come_before_assessments_and_contacts_before_referrals(
    by_child: dict[str, list[Event]],
) -> None:
    problems: Counter[str] = Counter()
    for events in by_child.values():
        problems += first_before(events, "referral", "contact")
        problems += first_before(events, "assessment_start", "referral")
        problems += first_before(events, "s47_start", "strategy_discussion")
        problems += first_before(events, "icpc", "s47_start")
        problems += first_before(events, "cp_plan_start", "icpc")
        problems += first_before(events, "placement_start", "cic_start")
        problems += first_before(events, "care_leaver_start", "cic_end")
    assert not problems


def test_every_episode_starts_once_and_ends_on_or_after_its_start(council: Council) -> None:
    vocab = vocabulary()
    starts = {e.starts for e in vocab.episodes.values()}
    ends = {e.ends for e in vocab.episodes.values()}
    opened: dict[str, Event] = {}
    problems: Counter[str] = Counter()
    for event in council.events:
        if event.event in starts:
            if event.episode_id in opened:
                problems[f"second start {event.event}"] += 1
            opened[event.episode_id] = event
        elif event.event in ends:
            start = opened.get(event.episode_id)
            if start is None:
                problems[f"end without a start {event.event}"] += 1
            elif event.occurred < start.occurred:
                problems[f"end before start {event.event}"] += 1
    assert not problems


def test_visits_and_reviews_fall_within_their_plan(council: Council) -> None:
    starts: dict[str, Event] = {}
    ends: dict[str, Event] = {}
    for event in council.events:
        if event.event in {s for s, _ in WITHIN.values()}:
            starts[event.episode_id] = event
        elif event.event in {e for _, e in WITHIN.values()}:
            ends[event.episode_id] = event
    problems: Counter[str] = Counter()
    checked = 0
    for event in council.events:
        if event.event not in WITHIN:
            continue
        start_type = WITHIN[event.event][0]
        start = starts.get(event.episode_id)
        if start is None or start.event != start_type:
            problems[f"{event.event} outside a {start_type} episode"] += 1
            continue
        end = ends.get(event.episode_id)
        if event.occurred < start.occurred or (end is not None and event.occurred > end.occurred):
            problems[f"{event.event} outside its plan's dates"] += 1
        checked += 1
    assert checked > 10_000
    assert not problems


def test_plans_end_after_realistic_durations(council: Council) -> None:
    starts: dict[str, Event] = {}
    lengths: dict[str, list[int]] = {"cp": [], "cin": [], "cic": []}
    for event in council.events:
        if event.event in ("cp_plan_start", "cin_plan_start", "cic_start"):
            starts[event.episode_id] = event
        elif event.event in ("cp_plan_end", "cin_plan_end", "cic_end"):
            start = starts[event.episode_id]
            kind = event.event.split("_")[0]
            lengths[kind].append((event.occurred - start.occurred).days)
    for kind, days in lengths.items():
        days.sort()
        assert len(days) > 20, kind
        median = days[len(days) // 2]
        low, high = {"cp": (120, 450), "cin": (60, 365), "cic": (90, 2000)}[kind]
        assert low <= median <= high, (kind, median)


def test_nothing_occurs_after_the_end_date_and_nothing_is_recorded_before_it_occurred(
    council: Council,
) -> None:
    for event in council.events:
        assert event.occurred <= council.end
        if event.recorded is not None:
            assert event.occurred <= event.recorded <= council.end
        if event.occurred_at is not None and event.recorded_at is not None:
            assert event.occurred_at <= event.recorded_at
