"""Action-plan actions not yet completed, on their lead's My work page (late ones marked)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse

from casework.accounts.models import User
from casework.improvement.models import ActionStatus, PlanAction
from casework.work.tasks import Task


def plan_action_tasks(user: User, today: dt.date) -> Iterable[Task]:
    rows = (
        PlanAction.objects.filter(lead=user)
        .exclude(status=ActionStatus.COMPLETED)
        .select_related("recommendation")
    )
    for action in rows:
        yield Task(
            kind="Action plan",
            title=f"Recommendation {action.recommendation.number}: {action.text}"[:150],
            due=action.target,
            href=reverse("improvement:action", args=[action.recommendation.plan_id, action.pk]),
        )
