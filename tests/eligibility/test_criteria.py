"""Service criteria from seed 000 are decided from recorded facts, with their reasons."""

from __future__ import annotations

import pytest

from casework.eligibility import FactError, decide, rules
from casework.eligibility.criteria import FactValue

NO = dict.fromkeys(
    ["mainland_placement", "placement_breakdown_risk", "home_concern", "exclusion_risk"], False
)


def test_intensive_support_is_eligible_when_3_of_5_criteria_are_met() -> None:
    facts = {**NO, "mainland_placement": True, "exclusion_risk": True, "mental_health": True}
    result = decide("intensive-support", facts)
    assert result.met is True
    assert result.reason == (
        "eligible: 3 of 5 criteria met: allocated a mainland placement because there was no "
        "appropriate local resource; significant risk of permanent exclusion from education; "
        "significant mental health issue"
    )
    assert result.source is not None
    assert result.source.number == "2.3.36"


def test_intensive_support_is_not_eligible_with_2_of_5_criteria() -> None:
    result = decide("intensive-support", {**NO, "home_concern": True, "mental_health": True})
    assert result.met is False
    assert result.reason.startswith("not eligible: 2 of 5 criteria met (3 needed): ")


def test_intensive_support_is_undecided_while_facts_that_could_tip_it_are_missing() -> None:
    result = decide("intensive-support", {"mainland_placement": True, "mental_health": True})
    assert result.met is None
    assert result.outcome == "undecided"
    assert "significant risk of permanent exclusion from education" in result.missing


@pytest.mark.parametrize(
    ("risk", "outcome", "number"),
    [
        ("low", "tier 1 (inclusion), priority 4", "2.2.3"),
        ("moderate", "tier 2 (realising potential), priority 3", "2.2.5"),
        ("substantial", "tier 3 (diversion), priority 2", "2.2.7"),
        ("critical", "tier 4 (safety and security), priority 1", "2.2.9"),
    ],
)
def test_the_tier_of_need_follows_the_assessed_level_of_risk(
    risk: str, outcome: str, number: str
) -> None:
    result = decide("tier-of-need", {"risk_level": risk})
    assert result.outcome == outcome
    assert result.reason == f"{outcome}: level of risk or need found by the assessment is {risk}"
    assert result.source is not None
    assert result.source.number == number


def test_the_tier_of_need_is_undecided_without_an_assessed_level() -> None:
    result = decide("tier-of-need", {})
    assert result.reason == "undecided: not recorded: level of risk or need found by the assessment"


DISABLED: dict[str, FactValue | None] = {"age": 9, "lifelong": True}


def test_the_disability_team_accepts_one_area_at_a_significant_level() -> None:
    result = decide("disability-team", {**DISABLED, "learning": "significant"})
    assert result.reason.startswith(
        "eligible: 1 of 8 criteria met: learning impairment at a significant or profound level"
    )


def test_profound_behaviour_alone_does_not_meet_the_disability_criteria() -> None:
    areas = ["hearing", "vision", "communication", "gross_motor", "fine_motor"]
    facts = {**DISABLED, **dict.fromkeys([*areas, "learning", "consciousness"], "none")}
    result = decide("disability-team", {**facts, "behaviour": "profound"})
    assert result.met is False
    assert result.reason == "not eligible: 0 of 8 criteria met (1 needed)"


def test_profound_behaviour_counts_in_addition_to_another_area() -> None:
    facts = {**DISABLED, "vision": "profound", "behaviour": "profound"}
    result = decide("disability-team", facts)
    assert result.reason.startswith("eligible: 2 of 8 criteria met: ")
    assert result.reason.endswith("behaviour of a profound nature")


def test_the_disability_team_is_for_children_under_18() -> None:
    result = decide("disability-team", {"age": 18, "lifelong": True, "hearing": "profound"})
    assert result.reason == "not eligible: not under 18"


def test_the_family_resource_team_accepts_any_one_criterion() -> None:
    result = decide("family-resource-team", {"relationship_difficulties": True})
    assert result.outcome == "accepted"
    assert result.reason == (
        "accepted: 1 of 7 criteria met: in a family experiencing relationship difficulties"
    )


def test_placement_breakdown_after_2_moves_needs_both_facts() -> None:
    result = decide(
        "family-resource-team", {"placement_breakdown_risk": True, "placement_moves": 2}
    )
    assert "at risk of placement breakdown after 2 or more placement moves" in result.reason
    result = decide(
        "family-resource-team", {"placement_breakdown_risk": True, "placement_moves": 1}
    )
    assert "after 2 or more placement moves" not in result.reason


def test_a_fact_of_the_wrong_kind_is_refused() -> None:
    with pytest.raises(FactError, match="'mental_health' is yes or no"):
        decide("intensive-support", {"mental_health": "yes"})
    with pytest.raises(FactError, match="'risk_level' is one of low, moderate"):
        decide("tier-of-need", {"risk_level": "high"})


def test_an_unknown_decision_is_refused_with_the_known_ones() -> None:
    with pytest.raises(KeyError, match="intensive-support"):
        decide("no-such-service", {})


def test_every_bundled_criterion_cites_its_source() -> None:
    for decision in rules().decisions.values():
        assert decision.source.document == "000"
        for criterion in (*decision.requires, *decision.criteria):
            assert criterion.source.section
        for option in decision.options:
            assert option.source.number
