"""Children, workers and teams look like a council's."""

from __future__ import annotations

from collections import Counter

import pytest

from casework.synth import ROLES, TEAM_KINDS, Council
from casework.synth.tables import DISABILITY_SHARE, ETHNICITY

ALL_CODES = set(ETHNICITY)


def test_the_ethnic_mix_is_like_englands_children(large_council: Council) -> None:
    counts = Counter(c.ethnicity for c in large_council.children)
    assert set(counts) <= ALL_CODES
    total = sum(ETHNICITY.values())
    for code, weight in ETHNICITY.items():
        expected = 100 * weight / total
        share = 100 * counts[code] / len(large_council.children)
        assert abs(share - expected) <= max(0.6, expected * 0.25) + (2 if code == "WBRI" else 0), (
            code,
            share,
            expected,
        )


def test_about_eight_percent_of_children_are_disabled(large_council: Council) -> None:
    share = sum(c.disabled for c in large_council.children) / len(large_council.children)
    assert share == pytest.approx(DISABILITY_SHARE, abs=0.015)


def test_boys_and_girls_are_about_even_and_unaccompanied_children_are_mostly_boys(
    large_council: Council,
) -> None:
    children = large_council.children
    boys = sum(c.sex == "M" for c in children) / len(children)
    assert 0.49 <= boys <= 0.56
    uasc = [c for c in children if c.uasc]
    assert 10 <= len(uasc) <= 150
    assert sum(c.sex == "M" for c in uasc) / len(uasc) > 0.8
    assert all(c.interpreter_needed or c.first_language != "English" for c in uasc[:20])


def test_birth_events_carry_sex_ethnicity_and_disability(council: Council) -> None:
    children = {c.id: c for c in council.children}
    for event in council.events:
        if event.event == "birth":
            child = children[event.child_id]
            assert event.occurred == child.date_of_birth
            assert event.details["sex"] == child.sex
            assert event.details["ethnicity"] == child.ethnicity
            assert event.details["disability"] == ("yes" if child.disabled else "no")


def test_front_sheets_are_filled_in_with_fictional_details(council: Council) -> None:
    children = council.children
    assert len({c.name for c in children}) > 0.85 * len(children)
    assert all(c.postcode.startswith("QV") for c in children)
    assert all(c.address and c.postcode not in c.address for c in children)
    assert all(c.gp for c in children)
    languages = Counter(c.first_language for c in children)
    assert 0.75 < languages["English"] / len(children) < 0.95
    assert len(languages) > 10
    assert any(c.interpreter_needed for c in children)
    school_age = [c for c in children if 6 <= (council.end - c.date_of_birth).days / 365.25 < 15]
    assert all(c.school for c in school_age)


def test_the_council_has_every_kind_of_team_and_role(council: Council) -> None:
    assert {t.kind for t in council.teams} == set(TEAM_KINDS)
    assert {w.role for w in council.workers} == set(ROLES)
    teams = {t.id for t in council.teams}
    workers = {w.id for w in council.workers}
    assert all(w.team in teams for w in council.workers)
    assert all(w.manager in workers for w in council.workers if w.role != "head_of_service")


def test_every_event_names_a_worker_of_the_council(council: Council) -> None:
    workers = {w.id for w in council.workers}
    unnamed = Counter(e.event for e in council.events if e.worker not in workers)
    # Only the birth and the record that a case became unallocated have no worker.
    assert set(unnamed) <= {"birth", "allocation"}
    assert unnamed["allocation"] < 0.02 * sum(e.event == "allocation" for e in council.events)


def test_open_cases_are_allocated_or_have_a_reason_why_not(council: Council) -> None:
    teams = {t.id for t in council.teams}
    workers = {w.id: w for w in council.workers}
    open_cases = [c for c in council.children if c.is_open]
    assert 0.1 < len(open_cases) / len(council.children) < 0.4
    for child in open_cases:
        assert child.team in teams
        if child.worker:
            assert workers[child.worker].team == child.team
        else:
            assert child.unallocated_reason
    unallocated = [c for c in open_cases if not c.worker]
    assert 0.01 < len(unallocated) / len(open_cases) < 0.1
    assert all(c.contact_arrangement for c in unallocated)
    closed = [c for c in council.children if not c.is_open]
    assert all(not c.team and not c.worker and not c.legal_status for c in closed)


def test_caseloads_are_realistic(council: Council) -> None:
    load = Counter(c.worker for c in council.children if c.worker)
    social_workers = [w for w in council.workers if w.role == "social_worker"]
    assert max(load.values()) <= 35
    holding = sorted(load[w.id] for w in social_workers if w.id in load)
    assert 6 <= holding[len(holding) // 2] <= 25


def test_legal_status_matches_where_the_case_stands(council: Council) -> None:
    for child in council.children:
        if child.status == "child_in_care":
            assert child.legal_status in {"V2", "C1", "C2", "E1", "L1", "L2"}
        elif child.status == "child_protection":
            assert child.legal_status == "CP"
        elif child.status == "care_leaver":
            assert child.legal_status == "CL"
