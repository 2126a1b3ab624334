"""Small cases worked by hand, one rule at a time."""

from __future__ import annotations

import datetime as dt

import pytest

from casework.engine import Event, Obligation, Status
from casework.insight import Indicator, Result, compliance_indicators, compute, load_indicators
from casework.standards import load_pack

D = dt.date
YEAR = (D(2023, 4, 1), D(2024, 3, 31))


def indicator(indicator_id: str) -> Indicator:
    return next(i for i in load_indicators() if i.id == indicator_id)


def ev(child: str, event: str, day: dt.date, episode: str = "", **details: str) -> Event:
    return Event(child_id=child, event=event, occurred=day, episode_id=episode, details=details)


def born(
    child: str, day: dt.date, sex: str = "F", ethnicity: str = "WBRI", dis: str = "no"
) -> Event:
    return ev(child, "birth", day, sex=sex, ethnicity=ethnicity, disability=dis)


def run(indicator_id: str, events: list[Event], period: tuple[dt.date, dt.date] = YEAR) -> Result:
    return compute(indicator(indicator_id), events, *period)


def assessment(child: str, referral: dt.date, start: dt.date, done: dt.date) -> list[Event]:
    return [
        ev(child, "referral", referral),
        ev(child, "assessment_start", start, f"{child}-AS1"),
        ev(child, "assessment_complete", done, f"{child}-AS1", outcome="cin"),
    ]


def test_an_assessment_on_the_45th_working_day_is_in_time_and_the_46th_is_not() -> None:
    # Referral Friday 1 December 2023. Christmas Day, Boxing Day and New Year's Day are
    # bank holidays, so the 45th working day after it is Wednesday 7 February 2024.
    events = [
        *assessment("A", D(2023, 12, 1), D(2023, 12, 4), D(2024, 2, 7)),
        *assessment("B", D(2023, 12, 1), D(2023, 12, 4), D(2024, 2, 8)),
    ]
    result = run("assessments-in-45-working-days", events)
    assert (result.numerator, result.denominator, result.children) == (1, 2, ("A",))
    assert result.value == 0.5


def test_an_assessment_is_timed_from_the_latest_referral_before_it_started() -> None:
    events = [
        ev("A", "referral", D(2022, 1, 10)),
        *assessment("A", D(2023, 6, 1), D(2023, 6, 2), D(2023, 6, 30)),
        ev("A", "referral", D(2023, 6, 20)),  # a later referral, after the start: not used
    ]
    result = run("assessments-in-45-working-days", events)
    assert (result.numerator, result.denominator) == (1, 1)


def test_an_assessment_with_no_referral_before_it_is_left_out() -> None:
    events = [
        ev("A", "assessment_start", D(2023, 6, 2), "A-AS1"),
        ev("A", "assessment_complete", D(2023, 6, 30), "A-AS1", outcome="nfa"),
    ]
    result = run("assessments-in-45-working-days", events)
    assert (result.numerator, result.denominator, result.value) == (0, 0, None)


def test_ni_60_counts_from_the_start_of_the_assessment_not_the_referral() -> None:
    # Started Monday 3 July 2023; 35 working days later is Friday 18 August 2023.
    events = assessment("A", D(2023, 1, 2), D(2023, 7, 3), D(2023, 8, 18))
    assert run("ni-60", events).numerator == 1
    assert run("ni-59", events).numerator == 0


def test_a_referral_exactly_12_months_after_the_last_is_a_re_referral_and_a_day_later_is_not() -> (
    None
):
    events = [
        ev("A", "referral", D(2022, 6, 15)),
        ev("A", "referral", D(2023, 6, 15)),
        ev("B", "referral", D(2022, 6, 15)),
        ev("B", "referral", D(2023, 6, 16)),
        ev("C", "referral", D(2023, 5, 1)),
    ]
    result = run("re-referrals-within-12-months", events)
    assert (result.numerator, result.denominator, result.children) == (1, 3, ("A",))


def test_a_third_referral_counts_from_the_one_just_before_it() -> None:
    events = [
        ev("A", "referral", D(2021, 1, 1)),
        ev("A", "referral", D(2023, 1, 1)),  # before the period: not counted itself
        ev("A", "referral", D(2023, 9, 1)),
    ]
    result = run("re-referrals-within-12-months", events)
    assert (result.numerator, result.denominator) == (1, 1)


def test_a_plan_of_exactly_two_years_counts_as_lasting_two_years_and_a_day_short_does_not() -> None:
    events = [
        ev("A", "cp_plan_start", D(2021, 10, 1), "A-CP1", category="neglect"),
        ev("A", "cp_plan_end", D(2023, 10, 1), "A-CP1"),
        ev("B", "cp_plan_start", D(2021, 10, 2), "B-CP1", category="neglect"),
        ev("B", "cp_plan_end", D(2023, 10, 1), "B-CP1"),
        ev("C", "cp_plan_end", D(2023, 10, 1), "C-CP1"),  # began before the records
    ]
    result = run("cp-plans-lasting-2-years", events)
    assert (result.numerator, result.denominator, result.children) == (1, 2, ("A",))


def test_a_plan_for_a_child_who_had_one_years_before_is_a_second_plan() -> None:
    events = [
        ev("A", "cp_plan_start", D(2015, 3, 1), "A-CP1"),
        ev("A", "cp_plan_end", D(2016, 3, 1), "A-CP1"),
        ev("A", "cp_plan_start", D(2023, 5, 1), "A-CP2"),
        ev("B", "cp_plan_start", D(2023, 5, 1), "B-CP1"),
        ev("C", "cp_plan_start", D(2024, 5, 1), "C-CP1"),  # after the period
    ]
    result = run("cp-plans-second-or-subsequent", events)
    assert (result.numerator, result.denominator, result.children) == (1, 2, ("A",))


def test_a_child_referred_twice_is_counted_once() -> None:
    events = [
        ev("A", "referral", D(2023, 5, 1)),
        ev("A", "referral", D(2023, 9, 1)),
        ev("B", "referral", D(2023, 3, 31)),  # the day before the period
        ev("C", "referral", D(2024, 3, 31)),  # its last day
    ]
    result = run("children-referred", events)
    assert (result.numerator, result.denominator, result.value) == (2, None, 2.0)
    assert result.children == ("A", "C")


def test_recommendation_29_follows_each_child_from_assessment_to_service() -> None:
    events = [
        # A: assessed as needing a child in need plan, which began.
        *assessment("A", D(2023, 5, 1), D(2023, 5, 2), D(2023, 6, 1)),
        ev("A", "cin_plan_start", D(2023, 6, 10), "A-CIN1"),
        # B: assessed as needing one; the plan began only after the period.
        *assessment("B", D(2024, 1, 1), D(2024, 1, 2), D(2024, 2, 1)),
        ev("B", "cin_plan_start", D(2024, 4, 10), "B-CIN1"),
        # C: assessed as needing no service.
        ev("C", "referral", D(2023, 5, 1)),
        ev("C", "assessment_start", D(2023, 5, 2), "C-AS1"),
        ev("C", "assessment_complete", D(2023, 6, 1), "C-AS1", outcome="nfa"),
        # D: taken into care on the day the assessment started.
        ev("D", "referral", D(2023, 7, 1)),
        ev("D", "assessment_start", D(2023, 7, 3), "D-AS1"),
        ev("D", "cic_start", D(2023, 7, 3), "D-CIC1"),
        ev("D", "assessment_complete", D(2023, 7, 20), "D-AS1", outcome="cic"),
    ]
    assert run("children-referred", events).numerator == 4
    assessed = run("children-assessed-as-needing-a-service", events)
    assert assessed.children == ("A", "B", "D")
    provided = run("children-provided-with-the-service", events)
    assert (provided.numerator, provided.denominator, provided.children) == (2, 3, ("A", "D"))
    unmet = run("children-needs-not-yet-met", events)
    assert (unmet.numerator, unmet.denominator, unmet.children) == (1, 3, ("B",))


def test_a_service_that_began_before_the_assessment_started_does_not_count() -> None:
    events = [
        ev("A", "cin_plan_start", D(2022, 1, 1), "A-CIN1"),
        *assessment("A", D(2023, 5, 1), D(2023, 5, 2), D(2023, 6, 1)),
    ]
    assert run("children-needs-not-yet-met", events).children == ("A",)


def obligation(
    child: str, due: dt.date, status: Status, standard: str = "assessment"
) -> Obligation:
    return Obligation(
        child_id=child,
        standard=standard,
        sequence=1,
        trigger=due - dt.timedelta(days=60),
        trigger_event="referral",
        due=due,
        status=status,
    )


def test_compliance_counts_obligations_due_in_the_period_and_leaves_out_open_ones() -> None:
    owed = [
        obligation("A", D(2023, 5, 1), Status.MET),
        obligation("B", D(2023, 6, 1), Status.LATE),
        obligation("C", D(2023, 7, 1), Status.OVERDUE),
        obligation("D", D(2023, 8, 1), Status.MET, standard="icpc"),
        obligation("E", D(2024, 3, 31), Status.OPEN),
        obligation("F", D(2023, 3, 31), Status.MET),  # due before the period
    ]
    on_time = compute(indicator("standards-met-on-time"), [], *YEAR, obligations=owed)
    assert (on_time.numerator, on_time.denominator) == (2, 4)
    assert on_time.children == ("A", "D")
    assert on_time.statuses == {"met": 2, "late": 1, "overdue": 1}
    overdue = compute(indicator("standards-overdue"), [], *YEAR, obligations=owed)
    assert (overdue.numerator, overdue.children) == (1, ("C",))
    one = compliance_indicators(load_pack("national"))
    assessment_only = next(i for i in one if i.measure.standard == "assessment")
    result = compute(assessment_only, [], *YEAR, obligations=owed)
    assert (result.numerator, result.denominator) == (1, 3)


def test_compliance_evaluates_the_pack_as_of_the_end_of_the_period() -> None:
    # Referral 1 June 2023; the assessment is due 45 working days later (3 August) and
    # completed on 10 August: late.
    events = assessment("A", D(2023, 6, 1), D(2023, 6, 2), D(2023, 8, 10))
    pack = load_pack("national")
    late = next(
        i for i in compliance_indicators(pack, ("late",)) if i.measure.standard == "assessment"
    )
    result = compute(late, events, *YEAR, pack=pack)
    assert (result.numerator, result.denominator, result.children) == (1, 1, ("A",))
    assert late.direction == "lower"


def test_there_is_one_compliance_indicator_for_each_checkable_standard() -> None:
    pack = load_pack("national")
    made = compliance_indicators(pack)
    assert [i.measure.standard for i in made] == [s.id for s in pack.checkable]
    assert all(i.source.document for i in made)


def test_compliance_without_the_pack_or_its_obligations_is_an_error() -> None:
    with pytest.raises(ValueError, match="need the pack"):
        compute(indicator("standards-met-on-time"), [], *YEAR)


def test_a_period_that_ends_before_it_starts_is_an_error() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        compute(indicator("children-referred"), [], D(2024, 1, 1), D(2023, 1, 1))


def test_cuts_group_children_by_sex_ethnicity_disability_and_age_on_the_day() -> None:
    events = [
        born("A", D(2023, 6, 1), sex="M", ethnicity="WBRI"),
        ev("A", "referral", D(2023, 9, 1)),  # under 1
        born("B", D(2013, 9, 2), sex="F", ethnicity="BAFR", dis="yes"),
        ev("B", "referral", D(2023, 9, 1)),  # the day before the 10th birthday: 9
        born("C", D(2013, 9, 1), sex="F", ethnicity="BAFR"),
        ev("C", "referral", D(2023, 9, 1)),  # 10 today
        ev("D", "referral", D(2023, 9, 1)),  # no birth recorded
    ]
    cuts = run("children-referred", events).cuts
    assert {k: v.children for k, v in cuts["sex"].items()} == {
        "F": ("B", "C"),
        "M": ("A",),
        "not recorded": ("D",),
    }
    assert cuts["ethnicity"]["BAFR"].numerator == 2
    assert cuts["disability"]["yes"].children == ("B",)
    assert cuts["disability"]["not recorded"].children == ("D",)
    assert {k: v.children for k, v in cuts["age_band"].items()} == {
        "under 1": ("A",),
        "5 to 9": ("B",),
        "10 to 15": ("C",),
        "not recorded": ("D",),
    }


def test_a_cut_keeps_the_denominator_of_its_own_group() -> None:
    events = [
        born("A", D(2010, 1, 1), sex="M"),
        ev("A", "referral", D(2023, 1, 1)),
        ev("A", "referral", D(2023, 6, 1)),
        born("B", D(2010, 1, 1), sex="F"),
        ev("B", "referral", D(2023, 6, 1)),
    ]
    cuts = run("re-referrals-within-12-months", events).cuts["sex"]
    assert (cuts["M"].numerator, cuts["M"].denominator, cuts["M"].value) == (1, 1, 1.0)
    assert (cuts["F"].numerator, cuts["F"].denominator, cuts["F"].value) == (0, 1, 0.0)
