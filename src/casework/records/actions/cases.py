"""Re-opening a closed case (after an audit finds it was closed too soon, say)."""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied

from casework.accounts.models import User
from casework.accounts.policy import policy
from casework.records.actions.events import EventInput, record_event
from casework.records.evaluation import today
from casework.records.models import Event, Person


def reopen_case(
    actor: User, person: Person, reason: str, *, action_id: uuid.UUID | None = None
) -> Event:
    """Record that the case is open again today, with the reason; the event's audit row and
    the re-evaluation come with it."""
    if not policy.changeable(actor).filter(pk=person.pk).exists():
        raise PermissionDenied
    if not reason.strip():
        raise ValueError("re-opening a case needs a reason")
    person.refresh_from_db(fields=["is_open"])
    if person.is_open:
        raise ValueError("the case is already open")
    return record_event(
        actor,
        person,
        EventInput(type="case_open", occurred=today(), note=reason),
        action_id=action_id,
    )
