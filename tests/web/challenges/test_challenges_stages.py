"""A practice challenge goes to the team manager, then the service manager, then the head of
service; a stage that lapses unanswered escalates once, however often the sweep runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from casework.accounts.models import AuditAction, AuditEntry
from casework.accounts.roles import Role
from casework.challenges.actions import escalate_lapsed, raise_challenge, respond
from casework.challenges.models import Challenge, ChallengeStage
from casework.site.testing import PASSWORD, TODAY, Personas
from casework.work.tasks import tasks_for

Capture = Callable[..., AbstractContextManager[Any]]


def _raise(people: Personas) -> Challenge:
    iro = people.by_role[Role.REVIEWING_OFFICER]
    return raise_challenge(
        iro, people.amy, concern="Visits have not happened", wanted="Visit this week", today=TODAY
    )


def test_raising_gives_the_first_stage_to_the_childs_team_manager_with_a_due_date(
    people: Personas,
) -> None:
    challenge = _raise(people)
    stage = ChallengeStage.objects.get(challenge=challenge)
    assert (stage.number, stage.holder) == (1, people.mary)
    assert stage.due == dt.date(2024, 7, 5)  # 5 working days after Friday 28 June
    assert AuditEntry.objects.filter(
        action=AuditAction.CHALLENGE_RAISED,
        person=people.amy,
        actor=people.by_role[Role.REVIEWING_OFFICER],
    ).exists()


def test_the_holder_is_emailed_without_the_childs_name(
    people: Personas, django_capture_on_commit_callbacks: Capture
) -> None:
    people.mary.email = "mary@example.org"
    people.mary.save()
    with django_capture_on_commit_callbacks(execute=True):
        _raise(people)
    assert [m.to for m in mail.outbox] == [["mary@example.org"]]
    text = f"{mail.outbox[0].subject} {mail.outbox[0].body}"
    assert "Amy" not in text
    assert "Adams" not in text
    assert people.amy.reference not in text
    assert f"/challenges/records/{people.amy.public_id}/" in text


def test_a_lapsed_stage_escalates_once_to_the_service_manager(people: Personas) -> None:
    challenge = _raise(people)
    late = dt.date(2024, 7, 8)  # the Monday after the response was due
    first = escalate_lapsed(late)
    second = escalate_lapsed(late)
    assert (first.escalated, second.escalated) == (1, 0)
    challenge.refresh_from_db()
    assert challenge.stage == 2
    rows = list(ChallengeStage.objects.filter(challenge=challenge))
    assert [(r.number, r.lapsed, r.escalated_on) for r in rows] == [
        (1, True, late),
        (2, False, None),
    ]
    assert rows[1].holder == people.by_role[Role.SERVICE_MANAGER]
    assert AuditEntry.objects.filter(action=AuditAction.CHALLENGE_ESCALATED).count() == 1


def test_running_the_command_twice_changes_nothing_the_second_time(people: Personas) -> None:
    challenge = _raise(people)
    call_command("escalate_challenges", "--date", "2024-07-08")
    before = list(ChallengeStage.objects.values_list("number", "holder", "due", "escalated_on"))
    audits = AuditEntry.objects.count()
    call_command("escalate_challenges", "--date", "2024-07-08")
    assert list(ChallengeStage.objects.values_list("number", "holder", "due", "escalated_on")) == (
        before
    )
    assert AuditEntry.objects.count() == audits
    challenge.refresh_from_db()
    assert challenge.stage == 2


def test_a_stage_is_not_escalated_on_its_due_date_or_once_answered(people: Personas) -> None:
    challenge = _raise(people)
    assert escalate_lapsed(dt.date(2024, 7, 5)).escalated == 0
    respond(people.mary, challenge, response="Visit booked for Monday", today=TODAY)
    assert escalate_lapsed(dt.date(2024, 7, 30)).escalated == 0
    challenge.refresh_from_db()
    assert challenge.stage == 1


def test_the_last_stage_lapses_once_and_goes_no_further(people: Personas) -> None:
    challenge = _raise(people)
    escalate_lapsed(dt.date(2024, 7, 8))
    escalate_lapsed(dt.date(2024, 7, 16))
    challenge.refresh_from_db()
    assert challenge.stage == 3
    head = ChallengeStage.objects.get(challenge=challenge, number=3)
    assert head.holder == people.by_role[Role.HEAD_OF_SERVICE]
    later = head.due + dt.timedelta(days=1)
    assert escalate_lapsed(later).final_lapsed == 1
    assert escalate_lapsed(later).final_lapsed == 0
    challenge.refresh_from_db()
    assert challenge.stage == 3
    assert challenge.is_open


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_the_manager_has_a_task_for_my_work_that_does_not_name_the_child(
    people: Personas,
) -> None:
    _raise(people)
    found = [t for t in tasks_for(people.mary, TODAY) if t.kind == "Practice challenge"]
    assert len(found) == 1
    assert found[0].due == dt.date(2024, 7, 5)
    assert "Amy" not in found[0].title
    assert "Adams" not in found[0].title
    assert _client("mary").get(found[0].href).status_code == 200
    service_manager = people.by_role[Role.SERVICE_MANAGER]
    assert not [t for t in tasks_for(service_manager, TODAY) if t.kind == "Practice challenge"]


def test_the_manager_answers_and_the_chair_closes_it_with_an_outcome(people: Personas) -> None:
    challenge = _raise(people)
    url = f"/challenges/records/{people.amy.public_id}/{challenge.pk}/"
    answered = _client("mary").post(
        url, {"action": "respond", "respond-response": "Visit booked for Monday"}
    )
    assert answered.status_code == 302
    assert not [t for t in tasks_for(people.mary, TODAY) if t.kind == "Practice challenge"]
    closed = _client("iro").post(
        url, {"action": "close", "close-resolved": "yes", "close-outcome": "Visit took place"}
    )
    assert closed.status_code == 302
    challenge.refresh_from_db()
    assert (challenge.status, challenge.outcome) == ("resolved", "Visit took place")


def test_the_chair_may_escalate_after_an_unsatisfying_answer(people: Personas) -> None:
    challenge = _raise(people)
    respond(people.mary, challenge, response="No capacity", today=TODAY)
    url = f"/challenges/records/{people.amy.public_id}/{challenge.pk}/"
    moved = _client("iro").post(url, {"action": "escalate", "escalate-reason": "Still no visit"})
    assert moved.status_code == 302
    challenge.refresh_from_db()
    assert challenge.stage == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"concern": "", "wanted": "Visit"}, "Say what the concern is"),
        ({"concern": "No visits", "wanted": ""}, "Say what you want to happen"),
        ({"concern": "x" * 5001, "wanted": "Visit"}, "Keep this under 5,000 characters"),
    ],
)
def test_a_challenge_with_a_missing_answer_is_not_raised(
    people: Personas, data: dict[str, str], message: str
) -> None:
    response = _client("iro").post(f"/challenges/records/{people.amy.public_id}/new/", data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert message in body
    assert not Challenge.objects.exists()


def test_an_empty_response_shows_an_error_and_records_nothing(people: Personas) -> None:
    challenge = _raise(people)
    url = f"/challenges/records/{people.amy.public_id}/{challenge.pk}/"
    response = _client("mary").post(url, {"action": "respond", "respond-response": "  "})
    assert response.status_code == 200
    assert "Write your response" in response.content.decode()
    assert ChallengeStage.objects.get(challenge=challenge).responded_on is None


def test_my_work_lists_the_challenge_for_the_manager_who_holds_it(people: Personas) -> None:
    challenge = _raise(people)
    body = _client("mary").get("/my-work/").content.decode()
    assert "Respond to a practice challenge (team manager stage)" in body
    assert f"/challenges/records/{people.amy.public_id}/{challenge.pk}/" in body
    assert "Respond to a practice challenge" not in _client("sm").get("/my-work/").content.decode()
