"""The stage and dip-audit rules load from rules.yaml, cite seed 004, and refuse mistakes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casework.challenges.proposals import months_before
from casework.challenges.rules import RULES, RulesError, parse_rules, rules


def test_the_stages_go_to_the_team_manager_then_service_manager_then_head_of_service() -> None:
    found = rules()
    assert [s.holder for s in found.stages] == [
        "team_manager",
        "service_manager",
        "head_of_service",
    ]
    assert [s.number for s in found.stages] == [1, 2, 3]
    assert all(s.source.document == "004" and s.source.quote for s in found.stages)


def test_every_dip_audit_trigger_of_seed_004_is_there_with_its_quote() -> None:
    found = rules().dip_audits
    assert set(found) == {"chronology_not_updated", "missed_visit", "core_group_lapsed"}
    assert (
        "chronologies are not updated prior to conference"
        in found["chronology_not_updated"].source.quote
    )
    assert found["core_group_lapsed"].overdue_met_by == ("core_group",)
    assert found["chronology_not_updated"].within_months == 3


def test_a_response_is_due_in_working_days_skipping_the_weekend_and_bank_holidays() -> None:
    found = rules()
    first = found.stage(1)
    # Friday 28 June 2024 plus 5 working days is Friday 5 July.
    assert found.due(first, dt.date(2024, 6, 28)) == dt.date(2024, 7, 5)
    # Thursday 22 August 2024 plus 5 working days skips the August bank holiday (26th).
    assert found.due(first, dt.date(2024, 8, 22)) == dt.date(2024, 8, 30)


def _broken(old: str, new: str) -> str:
    text = RULES.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("holder: team_manager", "holder: director", "holder 'director'"),
        ("respond_within: 5 working days", "respond_within: soon", "stage 1"),
        ("    timescale_source: council", "    timescale_source: guess", "timescale_source"),
        ("overdue_met_by: [core_group]", "overdue_met_by: [core_groop]", "'core_groop'"),
        ("  - key: missed_visit", "  - key: missed_visits", "missed_visit' is missing"),
        (
            "    source:\n      section: Standard 3",
            "    sourc:\n      section: Standard 3",
            "source",
        ),
    ],
)
def test_a_mistake_in_the_rules_stops_the_load_naming_the_entry(
    old: str, new: str, message: str
) -> None:
    with pytest.raises(RulesError, match=message):
        parse_rules(_broken(old, new))


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(0, 40))
def test_months_before_lands_in_the_right_month_and_never_after_the_day(
    day: dt.date, months: int
) -> None:
    earlier = months_before(day, months)
    assert (day.year * 12 + day.month) - (earlier.year * 12 + earlier.month) == months
    assert earlier.day <= day.day
    assert earlier <= day
