"""Every role against every page of a child's record: who gets in, who is turned away, and
that every view that gets in is in the access log."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from casework.accounts.models import AccessLog, User
from casework.accounts.roles import Role
from casework.records.models import Event, Person
from casework.site.testing import Personas

# Pages about one record: (URL name, needs which permission: see, change, allocate, log).
RECORD_PAGES = [
    ("records:record", "see"),
    ("records:chronology", "see"),
    ("records:events", "see"),
    ("records:event", "see"),
    ("records:event_new", "change"),
    ("records:event_correct", "change"),
    ("records:event_withdraw", "change"),
    ("records:chronology_add", "change"),
    ("records:front_sheet_change", "change"),
    ("work:allocation", "allocate"),
    ("records:access_log", "log"),
]


def url_for(name: str, person: Person) -> str:
    if (
        name.startswith("records:event")
        and name != "records:event_new"
        and name != "records:events"
    ):
        event = Event.objects.filter(person=person).first()
        event_id = event.pk if event else 999999
        return reverse(name, args=[person.public_id, event_id])
    return reverse(name, args=[person.public_id])


# For Amy (Alice's child in Hilltop): what each user may do.
AMY: dict[str, set[str]] = {
    "alice": {"see", "change"},
    "bob": {"see"},
    "olivia": set(),
    "mary": {"see", "change", "allocate", "log"},
    Role.ASSISTANT_TEAM_MANAGER: {"see", "change", "allocate", "log"},
    Role.SERVICE_MANAGER: {"see", "change", "allocate", "log"},
    Role.HEAD_OF_SERVICE: {"see", "change", "allocate", "log"},
    Role.REVIEWING_OFFICER: {"see", "change"},
    Role.LADO: set(),
    Role.QUALITY_ASSURANCE: {"see"},
    Role.PERFORMANCE_ANALYST: set(),
    Role.ADMINISTRATOR: set(),
    Role.COUNCILLOR: set(),
}


def user_for(people: Personas, who: str) -> User:
    named: dict[str, User] = {
        "alice": people.alice,
        "bob": people.bob,
        "olivia": people.olivia,
        "mary": people.mary,
    }
    return named.get(who) or people.by_role[Role(who)]


@pytest.fixture
def amy_with_event(people: Personas) -> Person:
    assert Event.objects.filter(person=people.amy).exists()
    return people.amy


@pytest.mark.parametrize("who", list(AMY))
@pytest.mark.parametrize(("page", "needs"), RECORD_PAGES)
def test_each_role_gets_exactly_its_access_to_each_page(
    client: Client, people: Personas, amy_with_event: Person, who: str, page: str, needs: str
) -> None:
    user = user_for(people, who)
    client.force_login(user)
    before = AccessLog.objects.filter(person=people.amy, user=user).count()
    response = client.get(url_for(page, people.amy))
    allowed = AMY[who]
    if "see" not in allowed:
        assert response.status_code == 404
        assert AccessLog.objects.filter(person=people.amy).count() == before
        assert b"Amy" not in response.content
    elif needs in allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
    if "see" in allowed:
        log = AccessLog.objects.filter(person=people.amy, user=user).order_by("-id")
        assert log.count() == before + 1
        assert log[0].page == page


@pytest.mark.parametrize(("page", "needs"), RECORD_PAGES)
def test_nobody_opens_a_restricted_record_unless_named(
    client: Client, people: Personas, page: str, needs: str
) -> None:
    for user in [people.alice, people.bob, people.by_role[Role.HEAD_OF_SERVICE]]:
        client.force_login(user)
        assert client.get(url_for(page, people.rita)).status_code == 404
    client.force_login(people.mary)
    assert client.get(url_for(page, people.rita)).status_code in (200, 404)


@pytest.mark.parametrize(
    "url",
    [
        lambda p: reverse("work:my_work"),
        lambda p: reverse("work:team"),
        lambda p: reverse("work:figures"),
        lambda p: reverse("records:record", args=[p.amy.public_id]),
        lambda p: reverse("work:allocation", args=[p.amy.public_id]),
    ],
)
def test_signed_out_visitors_are_sent_to_sign_in(
    client: Client, people: Personas, url: Callable[[Personas], str]
) -> None:
    response = client.get(url(people))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("who", "my_work", "team", "figures"),
    [
        ("alice", 200, 403, 403),
        ("bob", 200, 403, 403),
        ("olivia", 200, 403, 403),
        ("mary", 200, 200, 200),
        (Role.COUNCILLOR, 403, 403, 200),
        (Role.PERFORMANCE_ANALYST, 403, 403, 200),
        (Role.ADMINISTRATOR, 403, 403, 403),
        (Role.QUALITY_ASSURANCE, 200, 200, 200),
    ],
)
def test_workload_pages_by_role(
    client: Client, people: Personas, who: str, my_work: int, team: int, figures: int
) -> None:
    client.force_login(user_for(people, who))
    assert client.get(reverse("work:my_work")).status_code == my_work
    assert client.get(reverse("work:team")).status_code in (team, 404 if team == 200 else team)
    assert client.get(reverse("work:figures")).status_code == figures


def test_a_councillor_sees_no_child_anywhere(client: Client, people: Personas) -> None:
    client.force_login(people.carl)
    response = client.get(reverse("work:figures"))
    assert response.status_code == 200
    for child in Person.objects.all():
        assert child.given_name.encode() not in response.content
        assert child.public_id.encode() not in response.content
    home = client.get("/", follow=True)
    assert home.redirect_chain[-1][0] == reverse("work:figures")


def test_a_social_worker_cannot_reach_another_teams_child_by_any_page(
    client: Client, people: Personas
) -> None:
    client.force_login(people.alice)
    for page, _ in RECORD_PAGES:
        assert client.get(url_for(page, people.fay)).status_code == 404
        assert client.post(url_for(page, people.fay), {}).status_code == 404
    assert not AccessLog.objects.filter(person=people.fay).exists()


def test_the_team_page_refuses_a_team_outside_the_managers_reach(
    client: Client, people: Personas
) -> None:
    client.force_login(people.mary)
    assert client.get(reverse("work:team"), {"team": people.faraway.pk}).status_code == 404
