"""Who may raise challenges, see proposals and open the pages: the access policy decides,
restricted records included."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from casework.accounts.models import AccessLog
from casework.accounts.roles import Role
from casework.challenges.actions import raise_challenge
from casework.challenges.models import DipAudit
from casework.records.actions.events import EventInput, record_event
from casework.site.testing import PASSWORD, TODAY, Personas


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_the_chair_sees_proposals_only_for_children_the_policy_lets_them_see(
    people: Personas,
) -> None:
    # Rita's record is restricted to Mary; her plan started on the same day as Amy's.
    start = EventInput(type="cp_plan_start", occurred=dt.date(2024, 6, 10))
    record_event(people.mary, people.rita, start)
    page = _client("iro").get("/challenges/dip-audits/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Amy Adams" in body
    assert "Rita" not in body
    assert not DipAudit.objects.filter(person=people.rita).exists()


def test_a_restricted_record_is_not_found_for_a_chair_not_named_on_it(people: Personas) -> None:
    response = _client("iro").get(f"/challenges/records/{people.rita.public_id}/new/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("username", "path", "status"),
    [
        ("carl", "/challenges/", 403),
        ("pa", "/challenges/", 403),
        ("alice", "/challenges/", 403),
        ("carl", "/challenges/dip-audits/", 403),
        ("mary", "/challenges/dip-audits/", 403),
        ("mary", "/challenges/", 200),
        ("qa", "/challenges/dip-audits/", 200),
        ("iro", "/challenges/", 200),
    ],
)
def test_the_lists_are_for_chairs_and_managers(
    people: Personas, username: str, path: str, status: int
) -> None:
    assert _client(username).get(path).status_code == status


def test_only_chairs_and_reviewing_officers_raise_challenges(people: Personas) -> None:
    path = f"/challenges/records/{people.amy.public_id}/new/"
    assert _client("mary").get(path).status_code == 403
    assert _client("iro").get(path).status_code == 200
    assert AccessLog.objects.filter(person=people.amy, page="challenges:raise").count() == 2


def test_an_outsider_cannot_open_or_answer_a_challenge(people: Personas) -> None:
    challenge = raise_challenge(
        people.by_role[Role.REVIEWING_OFFICER], people.amy, concern="c", wanted="w", today=TODAY
    )
    url = f"/challenges/records/{people.amy.public_id}/{challenge.pk}/"
    assert _client("olivia").get(url).status_code == 404
    assert _client("alice").get(url).status_code == 403
    answer = {"action": "respond", "respond-response": "Not mine to answer"}
    assert _client("bob").post(url, answer).status_code == 403
    # Another team manager's colleague role in another team does not hold it either.
    assert _client("atm").post(url, answer).status_code == 403


def test_a_challenge_under_another_child_is_not_found(people: Personas) -> None:
    challenge = raise_challenge(
        people.by_role[Role.REVIEWING_OFFICER], people.amy, concern="c", wanted="w", today=TODAY
    )
    url = f"/challenges/records/{people.ben.public_id}/{challenge.pk}/"
    assert _client("iro").get(url).status_code == 404


def test_the_navigation_offers_practice_challenges_to_chairs_and_managers_only(
    people: Personas,
) -> None:
    assert "Practice challenges" in _client("iro").get("/challenges/").content.decode()
    record = f"/records/{people.amy.public_id}/"
    assert "Practice challenges" in _client("mary").get(record).content.decode()
    assert "Practice challenges" not in _client("alice").get(record).content.decode()


def test_no_challenge_is_raised_about_an_adult(people: Personas) -> None:
    response = _client("iro").get(f"/challenges/records/{people.adam.public_id}/new/")
    assert response.status_code == 404
