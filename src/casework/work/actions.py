"""Allocating and transferring children. Each is recorded as an event on the child's record
(so the standards that count from an allocation or a transfer see it) and audited."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import transaction

from casework.accounts.audit import audit
from casework.accounts.models import AuditAction, User
from casework.records.actions.events import EventInput, record_event
from casework.records.evaluation import today
from casework.records.models import Person, Team


def allocate(
    actor: User,
    person: Person,
    worker: User,
    *,
    occurred: dt.date | None = None,
    action_id: uuid.UUID | None = None,
) -> None:
    """Allocate to a worker. A worker in another team also moves the child to that team."""
    action_id = action_id or uuid.uuid4()
    occurred = occurred or today()
    with transaction.atomic():
        if worker.team_id is not None and worker.team_id != person.team_id:
            assert worker.team is not None
            _transfer(actor, person, worker.team, occurred, action_id)
        person.worker = worker
        person.unallocated_reason = ""
        person.contact_arrangement = ""
        person.save(update_fields=["worker", "unallocated_reason", "contact_arrangement"])
        details = {"worker": worker.username, "team": person.team.name if person.team else ""}
        record_event(
            actor,
            person,
            EventInput(type="allocation", occurred=occurred, worker=actor, details=details),
            action_id=action_id,
        )
        audit(actor, AuditAction.ALLOCATED, person, action_id=action_id, worker=worker.pk)


def transfer(
    actor: User,
    person: Person,
    team: Team,
    *,
    reason: str,
    contact_arrangement: str,
    occurred: dt.date | None = None,
) -> None:
    """Transfer to another team, unallocated until that team allocates a worker."""
    action_id = uuid.uuid4()
    with transaction.atomic():
        _transfer(actor, person, team, occurred or today(), action_id)
        person.worker = None
        person.unallocated_reason = reason
        person.contact_arrangement = contact_arrangement
        person.save(update_fields=["worker", "unallocated_reason", "contact_arrangement"])


def _transfer(
    actor: User, person: Person, team: Team, occurred: dt.date, action_id: uuid.UUID
) -> None:
    from_team = person.team.name if person.team else ""
    person.team = team
    person.save(update_fields=["team"])
    record_event(
        actor,
        person,
        EventInput(
            type="transfer", occurred=occurred, worker=actor, details={"to_team": team.name}
        ),
        action_id=action_id,
    )
    audit(
        actor,
        AuditAction.TRANSFERRED,
        person,
        action_id=action_id,
        from_team=from_team,
        to_team=team.name,
    )


def mark_unallocated(actor: User, person: Person, *, reason: str, contact_arrangement: str) -> None:
    """Take the child off the worker's caseload, saying why and how contact is kept."""
    with transaction.atomic():
        previous = person.worker_id
        person.worker = None
        person.unallocated_reason = reason
        person.contact_arrangement = contact_arrangement
        person.save(update_fields=["worker", "unallocated_reason", "contact_arrangement"])
        audit(actor, AuditAction.UNALLOCATED, person, previous_worker=previous)
