"""Chronology entries written by hand."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from casework.accounts.audit import audit
from casework.accounts.models import AuditAction, User
from casework.records.models import ChronologyEntry, Person


def add_chronology_entry(
    actor: User,
    person: Person,
    *,
    occurred: dt.date,
    title: str,
    summary: str = "",
    significant: bool = True,
) -> ChronologyEntry:
    with transaction.atomic():
        entry = ChronologyEntry.objects.create(
            person=person,
            occurred=occurred,
            title=title,
            summary=summary,
            significant=significant,
            written_by=actor,
            written_at=timezone.now(),
        )
        audit(actor, AuditAction.CHRONOLOGY_ENTRY_ADDED, person, entry=entry.pk)
    return entry
