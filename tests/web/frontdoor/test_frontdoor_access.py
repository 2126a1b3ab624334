"""Who may see and record at the front door: TAKE_CONTACTS to record, the duty manager's
steps for managers, the dashboard listing only children the user may see, and every record
page through the access log."""

from __future__ import annotations

import pytest
from django.test import Client

from casework.accounts.models import AccessLog
from casework.accounts.roles import Role
from casework.frontdoor.models import Contact
from casework.site.testing import PASSWORD, Personas
from web.frontdoor.conftest import Clock, new_contact


def _signed_in(client: Client, username: str) -> Client:
    assert client.login(username=username, password=PASSWORD)
    return client


@pytest.fixture
def contacts(people: Personas, clock: Clock) -> dict[str, Contact]:
    clock("2024-06-28 15:00")
    return {
        "ben": new_contact(people.alice, people.ben, "2024-06-28 14:30"),
        "rita": new_contact(people.mary, people.rita, "2024-06-28 13:00"),
        "fay": new_contact(people.olivia, people.fay, "2024-06-28 12:00"),
    }


@pytest.mark.parametrize(
    "role",
    [Role.COUNCILLOR, Role.PERFORMANCE_ANALYST, Role.ADMINISTRATOR, Role.QUALITY_ASSURANCE],
)
def test_roles_that_do_not_take_contacts_cannot_use_the_front_door(
    client: Client, people: Personas, role: Role
) -> None:
    _signed_in(client, people.by_role[role].username)
    assert client.get("/front-door/").status_code == 403
    assert client.get("/front-door/new/").status_code == 403
    assert client.get("/front-door/new/child/").status_code == 403


def test_the_front_door_is_in_the_navigation_only_for_those_who_take_contacts(
    client: Client, people: Personas
) -> None:
    record = f"/records/{people.amy.public_id}/"
    assert 'href="/front-door/"' in _signed_in(client, "alice").get(record).content.decode()
    client.logout()
    page = _signed_in(client, "qa").get(record).content.decode()
    assert "Amy Adams" in page
    assert 'href="/front-door/"' not in page


def test_the_dashboard_lists_only_children_the_user_may_see(
    client: Client, people: Personas, contacts: dict[str, Contact]
) -> None:
    alice = _signed_in(client, "alice").get("/front-door/").content.decode()
    assert "Ben Brown" in alice
    assert "Rita Reed" not in alice  # restricted to Mary
    assert "Fay Fox" not in alice  # another service
    client.logout()
    mary = _signed_in(client, "mary").get("/front-door/").content.decode()
    assert "Ben Brown" in mary
    assert "Rita Reed" in mary
    assert "Fay Fox" not in mary
    client.logout()
    olivia = _signed_in(client, "olivia").get("/front-door/").content.decode()
    assert "Fay Fox" in olivia
    assert "Ben Brown" not in olivia


def test_finding_a_child_searches_only_the_children_the_user_may_see(
    client: Client, people: Personas
) -> None:
    _signed_in(client, "alice")
    assert "Ben Brown" in client.get("/front-door/new/?q=ben").content.decode()
    assert "Fay Fox" not in client.get("/front-door/new/?q=fay").content.decode()
    assert "Rita Reed" not in client.get("/front-door/new/?q=rita").content.decode()


def test_a_contact_page_outside_the_users_reach_is_not_found(
    client: Client, people: Personas, contacts: dict[str, Contact]
) -> None:
    _signed_in(client, "olivia")
    ben = contacts["ben"]
    assert client.get(f"/front-door/{people.ben.public_id}/{ben.pk}/").status_code == 404
    assert client.get(f"/front-door/{people.ben.public_id}/new/").status_code == 404
    # A contact id of someone else under a child the user may see is not found either.
    fay = people.fay.public_id
    assert client.get(f"/front-door/{fay}/{ben.pk}/").status_code == 404


def test_opening_a_contact_writes_the_access_log(
    client: Client, people: Personas, contacts: dict[str, Contact]
) -> None:
    _signed_in(client, "bob")
    ben = contacts["ben"]
    response = client.get(f"/front-door/{people.ben.public_id}/{ben.pk}/")
    assert response.status_code == 200
    assert AccessLog.objects.filter(user=people.bob, person=people.ben).exists()


def test_the_managers_steps_are_for_managers(
    client: Client, people: Personas, contacts: dict[str, Contact]
) -> None:
    ben = contacts["ben"]
    base = f"/front-door/{people.ben.public_id}/{ben.pk}"
    _signed_in(client, "alice")
    assert client.get(f"{base}/decision/").status_code == 403
    assert client.get(f"{base}/allocation/").status_code == 403
    assert "Record the manager" not in client.get(f"{base}/").content.decode()
    client.logout()
    _signed_in(client, "mary")
    assert client.get(f"{base}/decision/").status_code == 200
    assert "Record the manager" in client.get(f"{base}/").content.decode()


def test_nothing_sensitive_is_in_the_front_door_urls(
    people: Personas, contacts: dict[str, Contact]
) -> None:
    from django.urls import reverse

    url = reverse("frontdoor:contact", args=[people.ben.public_id, contacts["ben"].pk])
    assert "Ben" not in url
    assert people.ben.reference not in url


def test_the_dashboard_reads_every_contacts_timers_in_the_same_number_of_queries(
    client: Client, people: Personas, clock: Clock
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    clock("2024-06-28 15:00")
    _signed_in(client, "mary")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/front-door/").status_code == 200
        return len(captured)

    new_contact(people.alice, people.ben, "2024-06-28 14:30")
    one = queries()
    for hour in (9, 10, 11):
        new_contact(people.alice, people.amy, f"2024-06-28 {hour:02d}:00")
        new_contact(people.alice, people.ben, f"2024-06-28 {hour:02d}:30")
    page = client.get("/front-door/").content.decode()
    assert page.count('class="govuk-summary-card__title"') == 7
    assert queries() == one
