"""Adding a child: who may, what is saved and audited, and how mistakes are shown."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from casework.accounts.models import AuditAction, AuditEntry, User
from casework.accounts.policy import policy
from casework.accounts.roles import Role
from casework.records.actions import people as people_actions
from casework.records.actions.people import AWAITING_ALLOCATION, add_child
from casework.records.front_sheet import FrontSheet
from casework.records.models import Event, Person
from casework.site.testing import Personas

NEW = reverse("records:child_new")


def new_child(**extra: str) -> dict[str, str]:
    return {
        "given_name": "Zara",
        "family_name": "Zeal",
        "date_of_birth_day": "3",
        "date_of_birth_month": "3",
        "date_of_birth_year": "2016",
        "sex": "F",
        "ethnicity": "MWBA",
        "first_language": "English",
        "interpreter_needed": "no",
        "disability": "",
        "uasc": "no",
        "address": "4 Mill Lane\nHilltop",
        "postcode": "qv3 4ab",
        "gp": "Hilltop Surgery",
        "school": "Hilltop Primary",
        "legal_status": "CIN",
        **extra,
    }


# Who may add a child, and to which of the personas' teams.
MAY_ADD: dict[str, set[str]] = {
    "alice": set(),  # a social worker changes only her own caseload
    "bob": set(),
    "olivia": set(),
    "mary": {"hilltop"},
    Role.ASSISTANT_TEAM_MANAGER: {"hilltop"},
    Role.SERVICE_MANAGER: {"hilltop", "riverside"},
    Role.HEAD_OF_SERVICE: {"hilltop", "riverside", "faraway"},
    Role.REVIEWING_OFFICER: {"hilltop", "riverside", "faraway"},
    Role.LADO: set(),
    Role.QUALITY_ASSURANCE: set(),
    Role.PERFORMANCE_ANALYST: set(),
    Role.ADMINISTRATOR: set(),
    Role.COUNCILLOR: set(),
}


def user_for(people: Personas, who: str) -> User:
    named = {"alice": people.alice, "bob": people.bob, "olivia": people.olivia, "mary": people.mary}
    return named.get(who) or people.by_role[Role(who)]


@pytest.mark.parametrize("who", list(MAY_ADD))
def test_only_those_who_may_change_a_teams_records_may_add_to_it(
    client: Client, people: Personas, who: str
) -> None:
    user = user_for(people, who)
    client.force_login(user)
    teams = {"hilltop": people.hilltop, "riverside": people.riverside, "faraway": people.faraway}
    for name, team in teams.items():
        response = client.post(NEW, new_child(team=str(team.pk), given_name=f"Zara {name}"))
        added = Person.objects.filter(given_name=f"Zara {name}").first()
        if name in MAY_ADD[who]:
            assert response.status_code == 302
            assert added is not None
            assert policy.viewable(user).filter(pk=added.pk).exists()
        else:
            assert response.status_code in (200, 403)
            assert added is None
    assert client.get(NEW).status_code == (200 if MAY_ADD[who] else 403)


def test_a_team_manager_adds_a_child_who_is_on_the_teams_list_at_once(
    client: Client, people: Personas
) -> None:
    client.force_login(people.mary)
    response = client.post(NEW, new_child(team=str(people.hilltop.pk)))
    zara = Person.objects.get(given_name="Zara")
    assert response["Location"] == reverse("records:record", args=[zara.public_id])
    assert zara.team == people.hilltop
    assert zara.worker is None
    assert zara.unallocated_reason == AWAITING_ALLOCATION
    assert zara.postcode == "QV3 4AB"
    assert zara.ethnicity == "MWBA"
    assert zara.reference.startswith("CW")
    page = client.get(response["Location"])
    assert b"Zara Zeal added" in page.content
    assert b"White and Black African" in page.content
    assert b"Zara Zeal" in client.get(reverse("work:team")).content


def test_adding_a_child_writes_the_audit_row_and_the_birth_event(
    client: Client, people: Personas
) -> None:
    client.force_login(people.mary)
    client.post(NEW, new_child(team=str(people.hilltop.pk)))
    zara = Person.objects.get(given_name="Zara")
    entry = AuditEntry.objects.get(action=AuditAction.CHILD_ADDED, person=zara)
    assert entry.actor == people.mary
    assert entry.detail == {"team": people.hilltop.name, "reference": zara.reference}
    birth = Event.objects.get(person=zara, type="birth")
    assert birth.occurred == zara.date_of_birth
    assert birth.details == {"sex": "F", "ethnicity": "MWBA", "disability": "no", "uasc": "no"}
    recorded = AuditEntry.objects.get(action=AuditAction.EVENT_RECORDED, person=zara)
    assert recorded.action_id == entry.action_id


def test_allocating_on_adding_records_the_allocation_under_the_same_action(
    client: Client, people: Personas
) -> None:
    client.force_login(people.mary)
    response = client.post(NEW, new_child(team=str(people.hilltop.pk), worker=str(people.bob.pk)))
    assert response.status_code == 302
    zara = Person.objects.get(given_name="Zara")
    assert zara.worker == people.bob
    assert zara.unallocated_reason == ""
    assert Event.objects.filter(person=zara, type="allocation").exists()
    rows = AuditEntry.objects.filter(person=zara)
    assert {r.action for r in rows} >= {AuditAction.CHILD_ADDED, AuditAction.ALLOCATED}
    assert len({r.action_id for r in rows}) == 1
    client.force_login(people.bob)
    assert b"Zara Zeal" in client.get(reverse("work:my_work")).content


def test_a_worker_outside_the_chosen_team_is_refused_on_the_worker_field(
    client: Client, people: Personas
) -> None:
    manager = people.by_role[Role.SERVICE_MANAGER]
    client.force_login(manager)
    data = new_child(team=str(people.riverside.pk), worker=str(people.alice.pk))
    response = client.post(NEW, data)
    assert response.status_code == 200
    assert b'href="#id_worker"' in response.content
    assert b"Choose a worker in Riverside child in need team" in response.content
    assert not Person.objects.filter(given_name="Zara").exists()


def test_a_reviewing_officer_may_add_but_not_allocate(client: Client, people: Personas) -> None:
    client.force_login(people.by_role[Role.REVIEWING_OFFICER])
    page = client.get(NEW)
    assert b'name="team"' in page.content
    assert b'name="worker"' not in page.content


def test_the_error_summary_names_each_missing_field_and_nothing_is_saved(
    client: Client, people: Personas
) -> None:
    client.force_login(people.mary)
    before = (Person.objects.count(), AuditEntry.objects.count(), Event.objects.count())
    response = client.post(NEW, {"postcode": "not a postcode"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    for anchor, message in [
        ("id_given_name", "Enter the child&#x27;s given names"),
        ("id_family_name", "Enter the child&#x27;s family name"),
        ("id_date_of_birth_day", "Enter the child&#x27;s date of birth"),
        ("id_sex_0", "Choose the child&#x27;s sex"),
        ("id_ethnicity", "Choose the child&#x27;s ethnicity"),
        ("id_interpreter_needed_0", "Say whether an interpreter is needed"),
        ("id_uasc_0", "Say whether the child is an unaccompanied asylum seeker"),
        ("id_postcode", "Enter a real postcode, like SW1A 1AA"),
        ("id_team", "Choose a team"),
    ]:
        assert f'<a href="#{anchor}">{message}</a>' in content
    assert (Person.objects.count(), AuditEntry.objects.count(), Event.objects.count()) == before


def test_a_date_of_birth_in_the_future_is_refused(client: Client, people: Personas) -> None:
    client.force_login(people.mary)
    data = new_child(team=str(people.hilltop.pk), date_of_birth_year="2025")
    response = client.post(NEW, data)
    assert b"The date of birth must be today or in the past" in response.content
    assert not Person.objects.filter(given_name="Zara").exists()


def test_nothing_is_half_saved_when_a_step_fails(
    people: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the evaluation failed")

    monkeypatch.setattr(people_actions, "record_event", broken)
    sheet = FrontSheet.of(people.amy)
    with pytest.raises(RuntimeError):
        add_child(people.mary, sheet, people.hilltop)
    assert Person.objects.count() == 6
    assert not AuditEntry.objects.filter(action=AuditAction.CHILD_ADDED).exists()


def test_the_add_a_child_button_shows_only_to_those_who_may_add(
    client: Client, people: Personas
) -> None:
    client.force_login(people.mary)
    assert NEW.encode() in client.get(reverse("work:team")).content
    client.force_login(people.alice)
    assert NEW.encode() not in client.get(reverse("work:my_work")).content
