"""explain() gives a sentence a practitioner understands for any due date."""

from __future__ import annotations

import datetime as dt

import pytest

from casework.engine import Event, Obligation, evaluate_events, explain
from casework.standards import load_pack

D = dt.date


@pytest.fixture(scope="module")
def obligations() -> dict[tuple[str, int], Obligation]:
    pack = load_pack("wokingham-2020")
    events = [
        Event("C1", "cp_plan_start", D(2024, 1, 8)),
        Event("C1", "cp_visit", D(2024, 1, 19)),
        Event("C1", "cp_visit", D(2024, 2, 2)),
        Event("C1", "cp_visit", D(2024, 2, 20)),
        Event("C1", "s47_start", D(2024, 2, 1)),
        Event("C1", "cic_start", D(2024, 1, 31)),
        Event("C1", "cic_review", D(2024, 2, 29)),
    ]
    return {(o.standard, o.sequence): o for o in evaluate_events(events, pack, D(2024, 3, 1))}


def sentence(obligations: dict[tuple[str, int], Obligation], sid: str, k: int) -> str:
    return explain(obligations[(sid, k)], load_pack("wokingham-2020").get(sid))


def test_it_explains_the_first_visit_from_the_start_of_the_plan(
    obligations: dict[tuple[str, int], Obligation],
) -> None:
    assert sentence(obligations, "cp-visit", 1) == (
        "Due 22 January 2024: 10 working days after the child protection plan started on "
        "8 January 2024; met by the child protection visit on 19 January 2024."
    )


def test_it_explains_a_late_visit_and_how_late(
    obligations: dict[tuple[str, int], Obligation],
) -> None:
    assert sentence(obligations, "cp-visit", 3) == (
        "Due 16 February 2024: 10 working days after the child protection visit on "
        "2 February 2024; met by the child protection visit on 20 February 2024, 4 days late."
    )


def test_it_explains_what_is_still_to_do(
    obligations: dict[tuple[str, int], Obligation],
) -> None:
    assert sentence(obligations, "cp-visit", 4) == (
        "Due 5 March 2024: 10 working days after the child protection visit on "
        "20 February 2024; not met yet."
    )


def test_it_explains_an_overdue_one_off(obligations: dict[tuple[str, int], Obligation]) -> None:
    assert sentence(obligations, "core-group", 1) == (
        "Due 22 January 2024: 10 working days after the child protection plan started on "
        "8 January 2024; not met yet, so it is overdue."
    )


def test_it_uses_the_source_documents_own_words_for_the_interval(
    obligations: dict[tuple[str, int], Obligation],
) -> None:
    assert sentence(obligations, "cic-review", 2).startswith(
        "Due 30 May 2024: 3 months (91 days) after the child in care review on 29 February 2024"
    )


def test_a_standard_tied_to_an_episode_that_never_started_opens_nothing() -> None:
    pack = load_pack("wokingham-2020")
    # A birthday and visits, but no period in care: care-leaver standards owe nothing.
    events = [Event("C1", "birth", D(2006, 5, 1)), Event("C1", "cin_plan_start", D(2023, 1, 2))]
    found = evaluate_events(events, pack, D(2024, 3, 1))
    assert found
    assert not [o for o in found if o.standard.startswith("cl-")]
