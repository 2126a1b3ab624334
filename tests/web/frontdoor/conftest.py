"""The front door's clock: tests fix the date and the time (CASEWORK_TODAY takes a date and
time, such as 2024-06-28T15:00, read as the time in England)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone
from pytest_django.fixtures import Settings as SettingsWrapper

from casework.accounts.models import User
from casework.frontdoor.actions import ContactInput, take_contact
from casework.frontdoor.models import Contact
from casework.records.models import Person

Clock = Callable[[str], dt.datetime]


def at(text: str) -> dt.datetime:
    """An aware date and time in England, from '2024-06-28 14:30'."""
    return timezone.make_aware(dt.datetime.fromisoformat(text))


@pytest.fixture
def clock(settings: SettingsWrapper) -> Clock:
    """Set the app's clock: clock('2024-06-28 15:00') returns that moment."""

    def set_to(text: str) -> dt.datetime:
        settings.CASEWORK_TODAY = text.replace(" ", "T")
        return at(text)

    return set_to


def new_contact(user: User, person: Person, received: str) -> Contact:
    data = ContactInput(
        received_at=at(received),
        method="phone",
        caller_name="Pat Jones",
        caller_relationship="Class teacher, Hilltop Primary School",
        caller_contact="01234 567890",
        concern="Bruise on the arm, says dad did it",
    )
    return take_contact(user, data, person=person)
