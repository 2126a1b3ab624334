"""Age-based standards open on the right dates for a child with a given date of birth, in
the app: stored obligations, the record page, and the reminder sweep.

Dee is born 20 January 2008: 13th birthday 20 January 2021, 14th 20 January 2022, 17th 20
January 2025, 18th 20 January 2026, 21st 20 January 2029. She is held by the children with
disabilities team from 1 June 2020, looked after from 1 March 2023, and an eligible care
leaver from her 16th birthday, 20 January 2024.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings as SettingsWrapper

from casework.records.actions.events import EventInput, record_event
from casework.records.evaluation import reevaluate
from casework.records.models import Obligation, Person
from casework.site.testing import TODAY, Personas
from casework.work.models import Reminder
from casework.work.reminders import sweep

D = dt.date
BORN = D(2008, 1, 20)


@pytest.fixture
def dee(people: Personas) -> Person:
    person = Person.objects.create(
        reference="C000098",
        given_name="Dee",
        family_name="Dunn",
        date_of_birth=BORN,
        team=people.hilltop,
        worker=people.alice,
    )
    for event, day, details in [
        ("birth", BORN, {}),
        ("cwd_start", D(2020, 6, 1), {}),
        ("cic_start", D(2023, 3, 1), {}),
        ("care_leaver_start", D(2024, 1, 20), {"status": "eligible"}),
    ]:
        record_event(people.alice, person, EventInput(type=event, occurred=day, details=details))
    return person


def due(person: Person, as_of: dt.date) -> dict[str, list[tuple[dt.date, str]]]:
    """Each standard's (due date, status) on `as_of`, soonest first."""
    reevaluate(person, as_of)
    found: dict[str, list[tuple[dt.date, str]]] = {}
    for o in Obligation.objects.filter(person=person).order_by("due"):
        found.setdefault(o.standard, []).append((o.due, o.status))
    return found


def test_before_standards_are_owed_ahead_of_the_birthday(people: Personas, dee: Person) -> None:
    on = due(dee, TODAY)  # 28 June 2024: Dee is 16
    assert on["cl-personal-adviser"] == [(D(2025, 1, 19), "open")]  # the day before 17
    assert on["cwd-transitions-referral"] == [(D(2025, 1, 20), "open")]  # by 17
    assert on["cl-benefits"] == [(D(2025, 12, 20), "open")]  # 1 month before 18
    assert on["cl-support-to-25"] == [(D(2029, 1, 19), "open")]  # before 21
    # Told at 14, before her 14th birthday, so overdue since.
    assert on["cwd-transitions-notified"] == [(D(2022, 1, 20), "overdue")]
    # The yearly circumstance updates start on the 17th birthday: none yet.
    assert not any(s.startswith("cl-circumstances") for s in on)


def test_a_birthday_standard_opens_on_the_birthday(people: Personas, dee: Person) -> None:
    assert "cl-circumstances-17" not in due(dee, D(2025, 1, 19))
    assert due(dee, D(2025, 1, 20))["cl-circumstances-17"] == [(D(2025, 1, 20), "open")]
    later = due(dee, D(2029, 1, 20))
    for age in (17, 18, 19, 20, 21):
        [(day, _)] = later[f"cl-circumstances-{age}"]
        assert day == D(2008 + age, 1, 20)


def test_meeting_one_ahead_of_time_closes_it(people: Personas, dee: Person) -> None:
    adviser = EventInput(type="personal_adviser_allocated", occurred=D(2024, 6, 3))
    record_event(people.alice, dee, adviser)
    assert due(dee, TODAY)["cl-personal-adviser"] == [(D(2025, 1, 19), "met")]


def test_the_record_shows_what_is_coming_with_its_date(
    client: Client, people: Personas, dee: Person
) -> None:
    client.force_login(people.alice)
    page = client.get(reverse("records:record", args=[dee.public_id])).content.decode()
    coming = page.split("Coming up")[1]
    assert "Allocate a leaving care personal adviser" in coming
    assert "19 Jan 2025" in coming
    assert "Help the young person apply for benefits" in coming


def test_the_sweep_reminds_the_worker_a_week_before_the_17th_birthday(
    settings: SettingsWrapper, people: Personas, dee: Person
) -> None:
    sweep(D(2025, 1, 11))
    assert not Reminder.objects.filter(standard="cl-personal-adviser").exists()
    reevaluate(dee, D(2025, 1, 12))
    sweep(D(2025, 1, 12))
    [reminder] = Reminder.objects.filter(standard="cl-personal-adviser")
    assert (reminder.recipient, reminder.kind, reminder.due) == (
        people.alice,
        "due_soon",
        D(2025, 1, 19),
    )


def test_the_13_plus_list_is_owed_every_6_months_from_the_13th_birthday(
    settings: SettingsWrapper, people: Personas, dee: Person
) -> None:
    settings.CASEWORK_PACK = "iow-core"
    shared = EventInput(type="transitions_notification", occurred=D(2021, 5, 4))
    record_event(people.alice, dee, shared)
    chain = due(dee, D(2022, 1, 1))["transitions-list"]
    # First 6 months after 20 January 2021 (met on 4 May), then 6 months after that.
    assert chain == [(D(2021, 7, 20), "met"), (D(2021, 11, 4), "overdue")]
