"""Tasks from other apps appear on My work, soonest first, late ones marked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import pytest
from django.test import Client

from casework.accounts.models import User
from casework.site.testing import TODAY, Personas
from casework.work import tasks
from casework.work.tasks import Task, task_source, tasks_for


def _source(user: User, today: dt.date) -> Iterable[Task]:
    if user.username != "alice":
        return []
    return [
        Task("Audit action", "Bring the chronology up to date", today + dt.timedelta(days=3), "/a"),
        Task("Action plan", "Train the duty team", today - dt.timedelta(days=2), "/b"),
        Task("Action plan", "Agree the forum", None, "/c"),
    ]


@pytest.fixture
def registered() -> Iterator[None]:
    task_source(_source)
    yield
    tasks._SOURCES.remove(_source)


@pytest.mark.usefixtures("registered")
def test_tasks_come_soonest_first_with_undated_last(people: Personas) -> None:
    found = tasks_for(people.alice, TODAY)
    assert [t.href for t in found] == ["/b", "/a", "/c"]
    assert [t.overdue(TODAY) for t in found] == [True, False, False]
    assert tasks_for(people.bob, TODAY) == []


@pytest.mark.usefixtures("registered")
def test_my_work_lists_the_tasks_and_marks_the_late_one(people: Personas, client: Client) -> None:
    client.force_login(people.alice)
    page = client.get("/my-work/").content.decode()
    assert "Other tasks" in page
    assert page.index("Train the duty team") < page.index("Bring the chronology up to date")
    row = page[page.index("Train the duty team") - 400 : page.index("Train the duty team")]
    assert "Overdue" in row


def test_my_work_has_no_tasks_section_when_there_are_none(people: Personas, client: Client) -> None:
    client.force_login(people.alice)
    assert "Other tasks" not in client.get("/my-work/").content.decode()
