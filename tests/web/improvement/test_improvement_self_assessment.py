"""A self-assessment holds every criterion of seed 001, rated on the scale with evidence,
live figures beside the criteria, and actions for weaknesses in its action plan."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from django.test import Client

from casework.accounts.models import AuditAction, AuditEntry
from casework.accounts.roles import Role
from casework.improvement.actions import start_self_assessment
from casework.improvement.figures import live_figure
from casework.improvement.framework import framework
from casework.improvement.models import ActionPlan, CriterionRating, PlanAction
from casework.records.actions.events import EventInput, record_event
from casework.site.testing import PASSWORD, TODAY, Personas

SEED_001 = Path(os.environ.get("CASEWORK_SEEDS", "/work/shared/seeds")) / "001_1f07b367b369e5c8.txt"
# "1.1 Ensure that...": a criterion number under its STANDARD heading (see tests/quality).
_CRITERION = re.compile(
    r"STANDARD (\d)|(?<![\d.])([1-7])\.(\d{1,2}) (?!Recommendation|Working|Assessment|Timescale)"
    r"(?=[A-Z])"
)


def seed_numbers() -> list[str]:
    text = SEED_001.read_text(encoding="utf-8")
    text = text[text.index("STANDARD 1") :]
    found: list[str] = []
    standard = ""
    for match in _CRITERION.finditer(text):
        if match.group(1):
            standard = match.group(1)
        elif match.group(2) == standard:
            number = f"{match.group(2)}.{match.group(3)}"
            if number not in found:
                found.append(number)
    return found


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_a_self_assessment_holds_every_criterion_of_seed_001_in_order(people: Personas) -> None:
    assessment = start_self_assessment(people.by_role[Role.QUALITY_ASSURANCE], 2024)
    numbers = list(assessment.ratings.values_list("number", flat=True))
    assert numbers == seed_numbers()
    assert len(numbers) == 54
    assert numbers[0] == "1.1"
    assert numbers[-1] == "7.8"


def test_the_page_shows_each_criterion_with_its_recommendation_references(
    people: Personas,
) -> None:
    start_self_assessment(people.by_role[Role.QUALITY_ASSURANCE], 2024)
    body = _client("pa").get("/improvement/self-assessment/2024/").content.decode()
    for criterion in framework().criteria:
        assert f"/improvement/self-assessment/2024/criteria/{criterion.number}/" in body
    one_two = _client("pa").get("/improvement/self-assessment/2024/criteria/1.2/")
    assert "Recommendation 19" in one_two.content.decode()


def test_unallocated_cases_beside_7_8_are_counted_from_the_record(people: Personas) -> None:
    # Open children: Amy, Ben, Cara, Fay, Rita. Ben and Cara have no worker.
    figure = live_figure("unallocated-cases", TODAY)
    assert figure is not None
    assert figure.value.startswith("2 of 5 (40%)")
    people.cara.worker = people.bob
    people.cara.save()
    figure = live_figure("unallocated-cases", TODAY)
    assert figure is not None
    assert figure.value.startswith("1 of 5 (20%)")
    start_self_assessment(people.by_role[Role.QUALITY_ASSURANCE], 2024)
    page = _client("hos").get("/improvement/self-assessment/2024/criteria/7.8/")
    assert "1 of 5 (20%)" in page.content.decode()


def test_chronology_currency_beside_3_1_counts_updates_in_the_last_3_months(
    people: Personas,
) -> None:
    record_event(
        people.alice, people.amy, EventInput(type="chronology_update", occurred=dt.date(2024, 5, 1))
    )
    record_event(
        people.alice,
        people.rita,
        EventInput(type="chronology_update", occurred=dt.date(2024, 1, 2)),
    )
    figure = live_figure("chronology-currency", TODAY)
    assert figure is not None
    assert figure.value.startswith("1 of 5 (20%)")


def test_referral_tracking_beside_1_2_counts_overdue_work_from_the_obligations(
    people: Personas,
) -> None:
    # Amy's first visit and core group were due by 24 June and are overdue.
    figure = live_figure("team-workload", TODAY)
    assert figure is not None
    assert figure.value.startswith("1 of 5 (20%)")


def test_a_quality_officer_rates_a_criterion_with_evidence(people: Personas) -> None:
    start_self_assessment(people.by_role[Role.QUALITY_ASSURANCE], 2024)
    url = "/improvement/self-assessment/2024/criteria/3.1/"
    done = _client("qa").post(
        url, {"action": "rate", "rate-score": "2", "rate-evidence": "Half of files current"}
    )
    assert done.status_code == 302
    rating = CriterionRating.objects.get(number="3.1")
    assert (rating.score, rating.evidence) == (2, "Half of files current")
    assert AuditEntry.objects.filter(action=AuditAction.CRITERION_RATED).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"rate-score": "", "rate-evidence": "x"}, "Choose a rating"),
        ({"rate-score": "9", "rate-evidence": "x"}, "Choose a rating"),
        ({"rate-score": "two", "rate-evidence": "x"}, "Choose a rating"),
        ({"rate-score": "3", "rate-evidence": ""}, "Write the evidence for the rating"),
    ],
)
def test_a_bad_rating_is_refused_with_the_field_named(
    people: Personas, data: dict[str, str], message: str
) -> None:
    start_self_assessment(people.by_role[Role.QUALITY_ASSURANCE], 2024)
    response = _client("qa").post(
        "/improvement/self-assessment/2024/criteria/3.1/", {"action": "rate", **data}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert message in body
    assert CriterionRating.objects.get(number="3.1").score is None


def test_a_weakness_gets_an_action_in_the_self_assessments_action_plan(people: Personas) -> None:
    start_self_assessment(people.by_role[Role.QUALITY_ASSURANCE], 2024)
    url = "/improvement/self-assessment/2024/criteria/3.1/"
    data = {
        "action": "act",
        "act-text": "Team managers check chronologies in supervision",
        "act-lead": str(people.mary.pk),
        "act-target_day": "30",
        "act-target_month": "9",
        "act-target_year": "2024",
        "act-forum": "Performance board",
    }
    assert _client("qa").post(url, data).status_code == 302
    assert _client("qa").post(url, {**data, "act-text": "Audit ten files"}).status_code == 302
    plan = ActionPlan.objects.get(self_assessment__year=2024)
    recommendation = plan.recommendations.get()
    assert recommendation.criterion == "3.1"
    assert recommendation.text.startswith("Criterion 3.1: ")
    assert PlanAction.objects.filter(recommendation=recommendation).count() == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"act-target_day": "31", "act-target_month": "2"}, "Enter a real date"),
        ({"act-target_year": "2023"}, "The target date must be today or later"),
        ({"act-lead": str(999999)}, "Choose a lead officer"),
        ({"act-forum": ""}, "Say how progress will be monitored"),
    ],
)
def test_a_bad_action_is_refused_and_nothing_is_written(
    people: Personas, change: dict[str, str], message: str
) -> None:
    start_self_assessment(people.by_role[Role.QUALITY_ASSURANCE], 2024)
    data = {
        "action": "act",
        "act-text": "Check chronologies",
        "act-lead": str(people.mary.pk),
        "act-target_day": "30",
        "act-target_month": "9",
        "act-target_year": "2024",
        "act-forum": "Performance board",
        **change,
    }
    response = _client("qa").post("/improvement/self-assessment/2024/criteria/3.1/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ActionPlan.objects.exists()
    assert not PlanAction.objects.exists()


def test_starting_the_same_year_twice_is_refused(people: Personas) -> None:
    assert _client("qa").post("/improvement/", {"year": "2024"}).status_code == 302
    again = _client("qa").post("/improvement/", {"year": "2024"})
    assert "There is already a self-assessment for 2024" in again.content.decode()
    bad = _client("qa").post("/improvement/", {"year": "next"})
    assert "Enter the year as a number" in bad.content.decode()


@pytest.mark.parametrize(
    ("username", "status"),
    [("carl", 403), ("alice", 403), ("pa", 200), ("mary", 200), ("qa", 200), ("iro", 200)],
)
def test_management_information_holders_read_the_self_assessment(
    people: Personas, username: str, status: int
) -> None:
    start_self_assessment(people.by_role[Role.QUALITY_ASSURANCE], 2024)
    assert _client(username).get("/improvement/self-assessment/2024/").status_code == status


@pytest.mark.parametrize("username", ["pa", "mary", "iro"])
def test_only_the_quality_programme_may_change_it(people: Personas, username: str) -> None:
    start_self_assessment(people.by_role[Role.QUALITY_ASSURANCE], 2024)
    rate = {"action": "rate", "rate-score": "4", "rate-evidence": "All good"}
    url = "/improvement/self-assessment/2024/criteria/3.1/"
    assert _client(username).post(url, rate).status_code == 403
    assert _client(username).post("/improvement/", {"year": "2025"}).status_code == 403
    assert CriterionRating.objects.get(number="3.1").score is None
