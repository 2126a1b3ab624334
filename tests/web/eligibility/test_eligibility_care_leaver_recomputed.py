"""Care-leaver status is stored per young person and worked out again, in the same
transaction, whenever their care history changes; the record shows it and why.

The hand-worked case: Cal, born 3 May 2008 (14th birthday 3 May 2022, 16th 3 May 2024),
looked after from 1 January 2024. TODAY is 28 June 2024. Thirteen weeks is 91 days.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from casework.accounts.models import AuditAction, AuditEntry
from casework.records.actions.events import (
    Correction,
    EventInput,
    correct_event,
    record_event,
    withdraw_event,
)
from casework.records.models import CareLeaverStanding, Event, Person
from casework.site.testing import Personas

D = dt.date


@pytest.fixture
def cal(people: Personas) -> Person:
    person = Person.objects.create(
        reference="C000099",
        given_name="Cal",
        family_name="Cole",
        date_of_birth=D(2008, 5, 3),
        team=people.hilltop,
        worker=people.alice,
    )
    record_event(people.alice, person, EventInput(type="birth", occurred=D(2008, 5, 3)))
    return person


def standing(person: Person) -> CareLeaverStanding | None:
    return CareLeaverStanding.objects.filter(person=person).first()


def test_a_child_never_looked_after_has_no_status(people: Personas, cal: Person) -> None:
    assert standing(cal) is None


def test_status_follows_a_care_episode_added_corrected_and_withdrawn(
    people: Personas, cal: Person
) -> None:
    alice = people.alice
    start = record_event(alice, cal, EventInput(type="cic_start", occurred=D(2024, 1, 1)))
    found = standing(cal)
    assert found is not None
    assert found.status == "eligible"
    # 1 January to 28 June 2024 is 179 days: 25 weeks and 4 days.
    assert found.reason == (
        "eligible: looked after for 25 weeks and 4 days since the 14th birthday on "
        "3 May 2022, and still looked after"
    )
    assert found.rule == "eligible"

    end = record_event(
        alice,
        cal,
        EventInput(type="cic_end", occurred=D(2024, 6, 1), details={"reason": "returned_home"}),
    )
    found = standing(cal)
    assert found is not None
    # Left care after the 16th birthday, after 152 days (21 weeks and 5 days): relevant.
    assert (found.status, found.rule) == ("relevant", "relevant")
    assert found.reason == (
        "relevant: looked after for 21 weeks and 5 days since the 14th birthday on 3 May 2022, "
        "and left care on 1 June 2024"
    )
    assert found.changed_on == D(2024, 6, 28)

    correction = Correction(
        occurred=D(2024, 4, 1),
        occurred_time=None,
        worker=None,
        details={"reason": "returned_home"},
        note="",
        reason="Wrong date entered",
    )
    correct_event(alice, end, correction)
    found = standing(cal)
    assert found is not None
    # Care ended before the 16th birthday: none of the categories applies.
    assert found.status == "not a care leaver"
    assert (
        found.reason == "not a care leaver: not looked after since the 16th birthday on 3 May 2024"
    )

    withdraw_event(alice, Event.objects.get(pk=end.pk), "Entered on the wrong record")
    found = standing(cal)
    assert found is not None
    assert found.status == "eligible"

    withdraw_event(alice, Event.objects.get(pk=start.pk), "Entered on the wrong record")
    assert standing(cal) is None


def test_each_change_of_status_is_audited_with_the_event_that_caused_it(
    people: Personas, cal: Person
) -> None:
    record_event(people.alice, cal, EventInput(type="cic_start", occurred=D(2024, 1, 1)))
    [change] = AuditEntry.objects.filter(action=AuditAction.CARE_LEAVER_STATUS_CHANGED)
    [recorded] = AuditEntry.objects.filter(
        action=AuditAction.EVENT_RECORDED, detail__type="cic_start"
    )
    assert change.action_id == recorded.action_id
    assert change.actor == people.alice
    assert change.detail == {"before": "", "after": "eligible", "rule": "eligible"}
    # A visit is not part of the care history: nothing is worked out again.
    record_event(people.alice, cal, EventInput(type="cic_visit", occurred=D(2024, 6, 3)))
    assert AuditEntry.objects.filter(action=AuditAction.CARE_LEAVER_STATUS_CHANGED).count() == 1


def test_the_command_catches_changes_that_come_with_age(people: Personas, cal: Person) -> None:
    record_event(people.alice, cal, EventInput(type="cic_start", occurred=D(2024, 1, 1)))
    record_event(
        people.alice,
        cal,
        EventInput(type="cic_end", occurred=D(2024, 6, 1), details={"reason": "moved_on"}),
    )
    call_command("care_leaver_status", as_of=D(2026, 5, 3), stdout=io.StringIO())
    found = standing(cal)
    assert found is not None
    assert (found.status, found.rule) == ("former relevant", "former-relevant")
    assert found.as_of == D(2026, 5, 3)


def test_the_record_shows_the_status_and_why(client: Client, people: Personas, cal: Person) -> None:
    record_event(people.alice, cal, EventInput(type="cic_start", occurred=D(2024, 1, 1)))
    client.force_login(people.alice)
    page = client.get(reverse("records:record", args=[cal.public_id])).content.decode()
    assert "Care-leaver status" in page
    assert "Eligible" in page
    assert "looked after for 25 weeks and 4 days since the 14th birthday" in page
    amy = client.get(reverse("records:record", args=[people.amy.public_id])).content.decode()
    assert "Care-leaver status" not in amy
