"""Changing the front sheet: who may, the history of old and new values, the audit row."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from casework.accounts.models import AccessLog, AuditAction, AuditEntry, User
from casework.accounts.roles import Role
from casework.records.front_sheet_forms import FrontSheetForm
from casework.records.models import Event, FrontSheetChange, Person
from casework.site.testing import Personas


def as_posted(person: Person, **extra: str) -> dict[str, str]:
    """The change form for this person, unchanged except for `extra`."""
    initial: dict[str, Any] = FrontSheetForm.initial_for(person)
    born = initial.pop("date_of_birth")
    data = {k: "" if v is None else str(v) for k, v in initial.items()}
    data |= {
        "date_of_birth_day": str(born.day),
        "date_of_birth_month": str(born.month),
        "date_of_birth_year": str(born.year),
    }
    return data | extra


def change_url(person: Person) -> str:
    return reverse("records:front_sheet_change", args=[person.public_id])


# For Amy (Alice's child in Hilltop): 302 for those who may change, else 403 or 404.
CHANGE_AMY: dict[str, int] = {
    "alice": 302,
    "bob": 403,
    "olivia": 404,
    "mary": 302,
    Role.ASSISTANT_TEAM_MANAGER: 302,
    Role.SERVICE_MANAGER: 302,
    Role.HEAD_OF_SERVICE: 302,
    Role.REVIEWING_OFFICER: 302,
    Role.LADO: 404,
    Role.QUALITY_ASSURANCE: 403,
    Role.PERFORMANCE_ANALYST: 404,
    Role.ADMINISTRATOR: 404,
    Role.COUNCILLOR: 404,
}


def user_for(people: Personas, who: str) -> User:
    named = {"alice": people.alice, "bob": people.bob, "olivia": people.olivia, "mary": people.mary}
    return named.get(who) or people.by_role[Role(who)]


@pytest.mark.parametrize(("who", "status"), list(CHANGE_AMY.items()))
def test_only_those_who_may_change_the_record_may_change_its_front_sheet(
    client: Client, people: Personas, who: str, status: int
) -> None:
    client.force_login(user_for(people, who))
    response = client.post(change_url(people.amy), as_posted(people.amy, school="Hill Academy"))
    assert response.status_code == status
    people.amy.refresh_from_db()
    assert (people.amy.school == "Hill Academy") == (status == 302)
    assert FrontSheetChange.objects.exists() == (status == 302)


def test_a_change_keeps_who_when_and_each_old_and_new_value(
    client: Client, people: Personas
) -> None:
    client.force_login(people.alice)
    data = as_posted(people.amy, ethnicity="WBRI", school="Hill Academy", postcode="qv14ab")
    response = client.post(change_url(people.amy), data)
    assert response["Location"] == reverse("records:record", args=[people.amy.public_id])
    rows = {c.field: c for c in FrontSheetChange.objects.filter(person=people.amy)}
    assert set(rows) == {"ethnicity", "school", "postcode"}
    assert (rows["ethnicity"].old_value, rows["ethnicity"].new_value) == (
        "Information not yet obtained",
        "White British",
    )
    assert (rows["school"].old_value, rows["school"].new_value) == ("", "Hill Academy")
    assert rows["postcode"].new_value == "QV1 4AB"
    assert {c.changed_by for c in rows.values()} == {people.alice}
    page = client.get(response["Location"]).content.decode()
    assert "Changes to the front sheet (3)" in page
    assert "Information not yet obtained" in page
    assert "Hill Academy" in page


def test_a_change_is_audited_with_the_same_action_id_as_its_history(
    client: Client, people: Personas
) -> None:
    client.force_login(people.mary)
    client.post(change_url(people.amy), as_posted(people.amy, legal_status="CP"))
    entry = AuditEntry.objects.get(action=AuditAction.FRONT_SHEET_CHANGED, person=people.amy)
    assert entry.actor == people.mary
    assert entry.detail == {
        "changed": {"legal_status": {"old": "None", "new": "Child protection plan"}}
    }
    change = FrontSheetChange.objects.get(person=people.amy)
    assert change.action_id == entry.action_id


def test_saving_without_a_change_writes_no_history_and_no_audit_row(
    client: Client, people: Personas
) -> None:
    client.force_login(people.alice)
    response = client.post(change_url(people.amy), as_posted(people.amy), follow=True)
    assert b"Nothing was changed" in response.content
    assert not FrontSheetChange.objects.exists()
    assert not AuditEntry.objects.filter(action=AuditAction.FRONT_SHEET_CHANGED).exists()


def test_a_new_date_of_birth_is_carried_to_the_birth_event(
    client: Client, people: Personas
) -> None:
    client.force_login(people.alice)
    client.post(change_url(people.amy), as_posted(people.amy, date_of_birth_year="2014"))
    birth = Event.objects.get(person=people.amy, type="birth")
    assert birth.occurred.year == 2014
    people.amy.refresh_from_db()
    client.post(change_url(people.amy), as_posted(people.amy, date_of_birth_year="2013"))
    birth.refresh_from_db()
    assert (birth.occurred.year, birth.version) == (2013, 2)
    corrected = AuditEntry.objects.get(action=AuditAction.EVENT_CORRECTED, person=people.amy)
    changed = AuditEntry.objects.filter(action=AuditAction.FRONT_SHEET_CHANGED).first()
    assert changed is not None
    assert corrected.action_id == changed.action_id


def test_a_blank_name_is_refused_and_nothing_changes(client: Client, people: Personas) -> None:
    client.force_login(people.alice)
    data = as_posted(people.amy, family_name="", school="Hill Academy")
    response = client.post(change_url(people.amy), data)
    assert response.status_code == 200
    assert b'<a href="#id_family_name">Enter the child&#x27;s family name</a>' in response.content
    people.amy.refresh_from_db()
    assert people.amy.school == ""
    assert not FrontSheetChange.objects.exists()


def test_opening_the_form_writes_an_access_log_row(client: Client, people: Personas) -> None:
    client.force_login(people.alice)
    response = client.get(change_url(people.amy))
    assert response.status_code == 200
    assert b'value="Adams"' in response.content
    row = AccessLog.objects.filter(person=people.amy, user=people.alice).latest("id")
    assert row.page == "records:front_sheet_change"


def test_a_colleague_who_may_only_look_does_not_see_the_change_link(
    client: Client, people: Personas
) -> None:
    client.force_login(people.bob)
    page = client.get(reverse("records:record", args=[people.amy.public_id]))
    assert change_url(people.amy).encode() not in page.content
    client.force_login(people.alice)
    page = client.get(reverse("records:record", args=[people.amy.public_id]))
    assert change_url(people.amy).encode() in page.content
