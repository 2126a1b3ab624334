"""The demo council opens a few contacts at the front door, once."""

from __future__ import annotations

import datetime as dt

from casework.frontdoor.demo import open_demo_contacts
from casework.frontdoor.models import Contact
from casework.frontdoor.timers import timers_for
from casework.records.evaluation import now
from casework.records.models import Person
from casework.site.testing import Personas
from web.frontdoor.conftest import Clock


def test_the_demo_opens_three_contacts_with_running_timers_once(
    people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 11:00")
    Person.objects.create(
        reference="C000009",
        given_name="Cal",
        family_name="Cross",
        date_of_birth=dt.date(2016, 1, 1),
        team=people.hilltop,
    )
    message = open_demo_contacts()
    assert "alice" in message
    contacts = list(Contact.objects.filter(closed_at__isnull=True))
    assert len(contacts) == 3
    assert {c.recorded_by for c in contacts} == {people.alice}
    timers = timers_for(contacts, now())
    running = [t for found in timers.values() for t in found if t.outstanding]
    assert any(t.left.endswith("left") for t in running)
    assert any(t.left.endswith("overdue") for t in running)
    assert open_demo_contacts() == "The front door already has open contacts."
    assert Contact.objects.count() == 3
