"""Other work that is due: tasks from outside the children's obligations.

Audit actions, action-plan actions, practice challenges awaiting a response and the like
are owned by a person and have a date. Each app that creates such work registers a source
here (in its AppConfig.ready), and My work lists every task from every source, soonest
first, marking the ones that are late.

A task's title must not name a child: the list is the user's own, but titles also go into
reminder emails. Its link is checked by the page it leads to, like any other link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from casework.accounts.models import User


@dataclass(frozen=True)
class Task:
    kind: str  # what sort of work, in plain words: "Audit action", "Action plan"
    title: str
    due: dt.date | None
    href: str

    def overdue(self, today: dt.date) -> bool:
        return self.due is not None and self.due < today


TaskSource = Callable[[User, dt.date], Iterable[Task]]

_SOURCES: list[TaskSource] = []


def task_source(source: TaskSource) -> TaskSource:
    """Register a function returning the tasks a user owns (as a decorator)."""
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def tasks_for(user: User, today: dt.date) -> list[Task]:
    """Every task the user owns, undated ones last, then by title."""
    found = [task for source in _SOURCES for task in source(user, today)]
    return sorted(found, key=lambda t: (t.due is None, t.due or today, t.kind, t.title))
