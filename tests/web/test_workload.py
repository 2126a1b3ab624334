"""My work, the team workload and the figures."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from casework.accounts.roles import Role
from casework.records.actions.events import EventInput, record_event
from casework.site.testing import Personas


def test_my_work_lists_my_children_with_what_is_overdue_and_due(
    client: Client, people: Personas
) -> None:
    client.force_login(people.alice)
    page = client.get(reverse("work:my_work")).content.decode()
    assert "Amy Adams" in page
    assert "Ben Brown" not in page  # in the team, but not allocated to Alice
    assert "Rita Reed" not in page  # restricted, and Alice is not named on it
    assert "Hold the first core group" in page or "core group" in page.lower()
    assert "Overdue by standard" in page


def test_my_work_shows_what_is_due_this_week(client: Client, people: Personas) -> None:
    # A plan started on 14 June: its first visit is due within 10 working days.
    record_event(
        people.alice,
        people.amy,
        EventInput(type="cp_visit", occurred=dt.date(2024, 6, 14), details={"seen": "yes"}),
    )
    client.force_login(people.alice)
    response = client.get(reverse("work:my_work"))
    assert response.context["end_of_week"] == dt.date(2024, 6, 30)


def test_the_team_workload_shows_every_child_with_who_holds_it(
    client: Client, people: Personas
) -> None:
    client.force_login(people.mary)
    page = client.get(reverse("work:team")).content.decode()
    assert "Amy Adams" in page
    assert "Alice Archer" in page
    assert "Ben Brown" in page
    assert "Worker left; awaiting allocation" in page
    assert "Duty worker phones the family weekly" in page
    assert "Red" in page


def test_the_team_workload_filters_by_worker_standard_and_status(
    client: Client, people: Personas
) -> None:
    client.force_login(people.mary)
    url = reverse("work:team")
    by_worker = client.get(url, {"worker": "unallocated"}).context["rows"]
    assert [r["person"].given_name for r in by_worker] == ["Ben"]
    by_standard = client.get(url, {"standard": "cp-visit"}).context["rows"]
    assert [r["person"].given_name for r in by_standard] == ["Amy"]
    assert by_standard[0]["due"] == dt.date(2024, 6, 24)
    red = client.get(url, {"status": "red"}).context["rows"]
    assert [r["person"].given_name for r in red] == ["Amy"]
    green = client.get(url, {"status": "green"}).context["rows"]
    assert [r["person"].given_name for r in green] == ["Ben", "Rita"]  # Mary is named on Rita


def test_a_service_manager_can_switch_between_the_services_teams(
    client: Client, people: Personas
) -> None:
    client.force_login(people.by_role[Role.SERVICE_MANAGER])
    url = reverse("work:team")
    assert client.get(url, {"team": people.riverside.pk}).status_code == 200
    page = client.get(url, {"team": people.hilltop.pk}).content.decode()
    assert "Amy Adams" in page


def test_councillors_see_small_numbers_hidden(client: Client, people: Personas) -> None:
    client.force_login(people.carl)
    page = client.get(reverse("work:figures")).content.decode()
    assert "fewer than 5" in page
    client.force_login(people.mary)
    page = client.get(reverse("work:figures")).content.decode()
    assert "fewer than 5" not in page
