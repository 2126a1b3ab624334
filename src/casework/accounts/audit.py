"""Writing audit rows. Action functions call this inside their own transaction."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils import timezone

from casework.accounts.models import AuditAction, AuditEntry, User
from casework.records.models import Person


def audit(
    actor: User | None,
    action: AuditAction,
    person: Person | None = None,
    *,
    action_id: uuid.UUID | None = None,
    **detail: Any,
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor,
        action=action,
        person=person,
        at=timezone.now(),
        action_id=action_id or uuid.uuid4(),
        detail=detail,
    )
