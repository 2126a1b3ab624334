"""The vectorised engine gives exactly the reference evaluator's rows on random histories.

The histories are small but dense: several children with interleaved events, plans that
start and end (with and without episode ids, sometimes overlapping), same-day duplicates,
weekends and bank holidays, clock changes, events after the as-of date, waivers, detail
values written in different ways, and birthdays including 29 February.
"""

from __future__ import annotations

import datetime as dt
import functools
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casework.calendar import REGIONS
from casework.engine import reference
from casework.engine.types import Event, Obligation
from casework.standards import Pack, load_pack

D = dt.date

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

# Days around which histories are drawn: Christmas and New Year, Easter (2024 and 2025),
# the March and October clock changes, the leap days of 2024 and 2028, month and year ends.
BASES = (
    D(2023, 12, 18),
    D(2024, 2, 19),
    D(2024, 3, 25),
    D(2024, 10, 21),
    D(2024, 12, 16),
    D(2025, 4, 14),
    D(2025, 10, 20),
    D(2028, 2, 21),
)

EPISODES = {
    "cp_plan_start": "cp_plan_end",
    "cin_plan_start": "cin_plan_end",
    "cic_start": "cic_end",
    "s47_start": "s47_end",
}
ENDS = {end: start for start, end in EPISODES.items()}

WOKINGHAM_TYPES = (
    "cp_plan_start",
    "cp_plan_end",
    "cp_visit",
    "cp_visit",
    "cp_visit",
    "core_group",
    "rcpc",
    "s47_start",
    "icpc",
    "icpc_not_required",
    "cin_plan_start",
    "cin_plan_end",
    "cin_visit",
    "cin_visit",
    "cin_review",
    "cic_start",
    "cic_end",
    "cic_review",
    "cic_visit",
    "cic_visit",
    "referral",
    "assessment_complete",
)

FEATURE_TYPES = (
    "cp_plan_start",
    "cp_plan_end",
    "cp_visit",
    "cp_visit",
    "cp_visit",
    "core_group",
    "icpc",
    "rcpc",
    "icpc_report",
    "rcpc_report",
    "icpc_not_required",
    "case_note",
    "case_note",
    "phone_message_received",
    "phone_message_received",
    "phone_message_answered",
    "phone_message_answered",
    "health_assessment",
    "dental_check",
    "personal_adviser_allocated",
)

YES_NO = ("yes", "no", "Y", "N", "TRUE", " Yes ", "0", "", "maybe")
DETAILS: dict[str, dict[str, Sequence[str]]] = {
    "cp_visit": {"seen_alone": YES_NO, "seen": YES_NO},
    "cp_plan_start": {"category": ("neglect", "Emotional", "physical", " NEGLECT", "")},
}

# Every feature of the standards language in one pack.
FEATURE_PACK = """\
pack: features
title: Every feature
version: "1"
document: "T"
calendar: REGION
standards:
  - id: f-visits
    title: Visit, seen alone, within 5 working days, then 2 weeks, then every month
    kind: recurring
    anchor: cp_plan_start
    first: 5 working days
    second: 2 weeks
    every: 1 month
    met_by: {event: cp_visit, where: {seen_alone: yes}}
    episode: child_protection
    source: {section: S}
  - id: f-visits-no-episode
    title: Neglect or emotional harm cases visited every 10 days
    kind: recurring
    anchor: {event: cp_plan_start, where: {category: [neglect, emotional]}}
    every: 10 days
    met_by: cp_visit
    source: {section: S}
  - id: f-core-group
    title: Core group within 3 working days of a visit where the child was not seen alone
    kind: one-off
    trigger: {event: cp_visit, where: {seen_alone: {not: yes}}}
    within: 3 working days
    met_by: core_group
    waived_by: icpc_not_required
    episode: child_protection
    source: {section: S}
  - id: f-seen
    title: A visit with seen recorded within a week of a core group
    kind: one-off
    trigger: core_group
    within: 1 week
    met_by: {event: cp_visit, where: {seen: {present: true}}}
    waived_by: {event: icpc_not_required}
    source: {section: S}
  - id: f-phone
    title: Answer telephone messages within 24 hours
    kind: one-off
    trigger: phone_message_received
    within: 24 hours
    met_by: phone_message_answered
    source: {section: S}
  - id: f-phone-plan
    title: Answer telephone messages within 36 hours during a plan
    kind: one-off
    trigger: phone_message_received
    within: 36 hours
    met_by: phone_message_answered
    waived_by: icpc_not_required
    episode: child_protection
    source: {section: S}
  - id: f-recording
    title: Write up case notes and visits within 48 hours
    kind: recording
    trigger: [case_note, cp_visit]
    within: 48 hours
    source: {section: S}
  - id: f-recording-plan
    title: Write up case notes within 2 working days during a plan
    kind: recording
    trigger: {event: case_note}
    within: 2 working days
    episode: child_protection
    source: {section: S}
  - id: f-report
    title: Report 2 working days before each conference
    kind: before
    trigger: [icpc, rcpc]
    before: 2 working days
    met_by: icpc_report
    source: {section: S}
  - id: f-review-report
    title: Review report a month before a review conference during a plan
    kind: before
    trigger: rcpc
    before: 1 month
    met_by: rcpc_report
    episode: child_protection
    source: {section: S}
  - id: f-before-hours
    title: A message received 12 hours before it is answered
    kind: before
    trigger: phone_message_answered
    before: 12 hours
    met_by: phone_message_received
    source: {section: S}
  - id: f-birthday
    title: Health assessment within 2 months of the first birthday
    kind: one-off
    trigger: {birthday: 1}
    within: 2 months
    met_by: health_assessment
    source: {section: S}
  - id: f-birthday-plan
    title: Health assessment within 10 working days of the second birthday during a plan
    kind: one-off
    trigger: {birthday: 2}
    within: 10 working days
    met_by: health_assessment
    waived_by: icpc_not_required
    episode: child_protection
    source: {section: S}
  - id: f-birthday-chain
    title: Dental checks every 3 months from the first birthday
    kind: recurring
    anchor: {birthday: 1}
    every: 3 months
    met_by: dental_check
    source: {section: S}
  - id: f-birthday-before
    title: Personal adviser a week before the second birthday
    kind: before
    trigger: {birthday: 2}
    before: 7 days
    met_by: personal_adviser_allocated
    source: {section: S}
"""

MINUTES = (0, 1, 30, 59)
# Any hour, with more draws of the hours around 01:00 when the clocks change.
HOURS = st.one_of(st.integers(0, 23), st.sampled_from((0, 1, 2)))


def clock_change_days(year: int) -> list[dt.date]:
    """The Saturdays, Sundays and Mondays around the last Sundays of March and October."""
    out = []
    for month in (3, 10):
        last = D(year, month, 31)
        sunday = last - dt.timedelta(days=(last.weekday() + 1) % 7)
        out += [sunday + dt.timedelta(days=d) for d in (-1, 0, 1)]
    return out


@st.composite
def histories(
    draw: st.DrawFn, types: Sequence[str], *, times: bool, births: bool
) -> tuple[list[Event], dt.date]:
    """Events for up to four children, interleaved, and an as-of date."""
    base = draw(st.sampled_from(BASES))
    as_of = base + dt.timedelta(days=draw(st.integers(-5, 200)))
    children = draw(st.lists(st.sampled_from(("C1", "C2", "C3", "C4")), min_size=1, max_size=4))
    drawn: list[tuple[str, str, dt.date]] = []
    for child in dict.fromkeys(children):
        n = draw(st.integers(0, 14))
        for _ in range(n):
            kind = draw(st.sampled_from(types))
            if draw(st.integers(0, 9)) == 0:
                day = draw(st.sampled_from(clock_change_days(base.year)))
            else:
                day = base + dt.timedelta(days=draw(st.integers(-10, 150)))
            drawn.append((child, kind, day))
            if draw(st.integers(0, 9)) == 0:
                drawn.append((child, kind, day))  # a same-day duplicate
        if births and draw(st.booleans()):
            if draw(st.booleans()):
                born = draw(st.sampled_from((D(2024, 2, 29), D(2028, 2, 29), D(2023, 3, 1))))
            else:
                years_back = draw(st.integers(1, 2))
                born = base.replace(year=base.year - years_back) + dt.timedelta(
                    days=draw(st.integers(-60, 200))
                )
            drawn.append((child, "birth", born))
    order = draw(st.permutations(range(len(drawn))))
    drawn = [drawn[i] for i in order]

    # Episode ids for some children: each start gets a new id; each end takes the id of one
    # of the episodes open at the time (so episodes may overlap), or an unknown id.
    with_ids = {c for c in dict.fromkeys(children) if draw(st.booleans())}
    ids: dict[int, str] = {}
    open_ids: dict[tuple[str, str], list[str]] = {}
    counter = 0
    for index in sorted(range(len(drawn)), key=lambda i: drawn[i][2]):
        child, kind, _day = drawn[index]
        if child not in with_ids:
            continue
        if kind in EPISODES:
            counter += 1
            ids[index] = f"E{counter}"
            open_ids.setdefault((child, kind), []).append(ids[index])
        elif kind in ENDS:
            candidates = open_ids.get((child, ENDS[kind]), [])
            if candidates and draw(st.integers(0, 5)) > 0:
                pick = draw(st.integers(0, len(candidates) - 1))
                ids[index] = candidates.pop(pick)
            else:
                ids[index] = "unknown"

    events: list[Event] = []
    for index, (child, kind, day) in enumerate(drawn):
        details = {
            name: draw(st.sampled_from(values)) for name, values in DETAILS.get(kind, {}).items()
        }
        occurred_at = recorded = recorded_at = None
        if times and draw(st.booleans()):
            occurred_at = dt.datetime.combine(
                day, dt.time(draw(HOURS), draw(st.sampled_from(MINUTES)))
            )
        if draw(st.booleans()):
            recorded = day + dt.timedelta(days=draw(st.integers(0, 5)))
            if times and draw(st.booleans()):
                recorded_at = dt.datetime.combine(
                    recorded, dt.time(draw(HOURS), draw(st.sampled_from(MINUTES)))
                )
                if occurred_at is not None and recorded_at < occurred_at:
                    recorded_at = occurred_at
        events.append(
            Event(
                child_id=child,
                event=kind,
                occurred=day,
                occurred_at=occurred_at,
                recorded=recorded,
                recorded_at=recorded_at,
                episode_id=ids.get(index, ""),
                details=details,
                row=index + 1,
            )
        )
    return events, as_of


@functools.cache
def wokingham() -> Pack:
    return load_pack("wokingham-2020")


@functools.cache
def features(region: str = "england-and-wales") -> Pack:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "features.yaml"
        path.write_text(FEATURE_PACK.replace("REGION", region), encoding="utf-8")
        return load_pack(str(path))


def primary(o: Obligation) -> tuple[str, str, dt.date, int]:
    return (o.child_id, o.standard, o.trigger, o.sequence)


def total(o: Obligation) -> tuple[str, ...]:
    return tuple(str(value) for value in o.__dict__.values())


def assert_same_rows(expected: list[Obligation], actual: list[Obligation]) -> None:
    """The same rows, each list in (child, standard, trigger, sequence) order. Rows with
    the same such key (two chains anchored on one day) may come in either order."""
    assert actual == sorted(actual, key=primary), "rows not in (child, standard, trigger, k) order"
    if sorted(expected, key=total) == sorted(actual, key=total):
        return
    only_expected = [o for o in expected if o not in actual]
    only_actual = [o for o in actual if o not in expected]
    lines = ["reference only:", *map(str, only_expected), "engine only:", *map(str, only_actual)]
    if not only_expected and not only_actual:
        lines.append("(the same rows, a different number of times)")
    raise AssertionError("\n".join(lines))


def engine() -> Callable[..., list[Obligation]]:
    from casework.engine import evaluate_events

    return evaluate_events


COMPARE = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PER_CHILD = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMPARE
@given(history=histories(WOKINGHAM_TYPES, times=False, births=False))
def test_the_engine_matches_the_reference_on_the_pinned_wokingham_standards(
    history: tuple[list[Event], dt.date],
) -> None:
    events, as_of = history
    expected = reference.evaluate(events, wokingham(), as_of, standards=PINNED)
    actual = engine()(events, wokingham(), as_of, standards=PINNED)
    assert_same_rows(expected, actual)


@COMPARE
@given(
    history=histories(FEATURE_TYPES, times=True, births=True),
    region=st.sampled_from(sorted(REGIONS)),
)
def test_the_engine_matches_the_reference_on_every_feature_of_the_language(
    history: tuple[list[Event], dt.date], region: str
) -> None:
    events, as_of = history
    pack = features(region)
    expected = reference.evaluate(events, pack, as_of)
    actual = engine()(events, pack, as_of)
    assert_same_rows(expected, actual)


@PER_CHILD
@given(
    history=st.one_of(
        histories(WOKINGHAM_TYPES, times=False, births=False),
        histories(FEATURE_TYPES, times=True, births=True),
    ),
)
def test_each_child_evaluated_alone_gives_the_rows_of_everyone_together(
    history: tuple[list[Event], dt.date],
) -> None:
    events, as_of = history
    children = sorted({e.child_id for e in events})
    for evaluate in (engine(), reference.evaluate):
        for pack in (wokingham(), features()):
            together = evaluate(events, pack, as_of)
            alone: list[Obligation] = []
            for child in children:
                alone.extend(evaluate([e for e in events if e.child_id == child], pack, as_of))
            assert_same_rows(together, alone)
