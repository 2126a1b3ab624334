"""Practice challenges waiting for a manager's response, on that manager's My work page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse

from casework.accounts.models import User
from casework.challenges.models import ChallengeStage, ChallengeStatus
from casework.work.tasks import Task


def challenge_tasks(user: User, today: dt.date) -> Iterable[Task]:
    rows = ChallengeStage.objects.filter(
        holder=user,
        responded_on__isnull=True,
        escalated_on__isnull=True,
        challenge__status=ChallengeStatus.OPEN,
    ).select_related("challenge__person")
    for row in rows:
        if row.number != row.challenge.stage:
            continue
        yield Task(
            kind="Practice challenge",
            # No child's name: titles go into reminder emails too.
            title=f"Respond to a practice challenge ({row.title.lower()} stage)",
            due=row.due,
            href=reverse(
                "challenges:detail", args=[row.challenge.person.public_id, row.challenge_id]
            ),
        )
