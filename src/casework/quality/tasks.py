"""Open remedial actions on their owner's My work page (titles name no child)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse

from casework.accounts.models import User
from casework.accounts.policy import policy
from casework.quality.models import ActionStatus, RemedialAction
from casework.work.tasks import Task

KIND = "Audit action"


def audit_actions(user: User, today: dt.date) -> Iterable[Task]:
    """The user's open audit actions, about children they may still see."""
    actions = (
        RemedialAction.objects.filter(
            owner=user, status=ActionStatus.OPEN, audit__person__in=policy.viewable(user)
        )
        .select_related("audit__person")
        .order_by("due", "id")
    )
    for action in actions:
        title = f"Remedy a case file audit finding ({action.get_grade_label()})"
        yield Task(
            kind=KIND,
            title=title,
            due=action.due,
            href=reverse("quality:action", args=[action.audit.person.public_id, action.pk]),
        )
