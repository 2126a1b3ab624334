"""Adding a child, and changing the front sheet with its history kept.

Not exported from `casework.records.actions`: it uses the allocation action in
`casework.work`, which itself imports the event actions from that package.
"""

from __future__ import annotations

import secrets
import uuid

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from casework.accounts.audit import audit
from casework.accounts.models import AuditAction, User
from casework.accounts.policy import policy
from casework.accounts.roles import Ability
from casework.records.actions.events import Correction, EventInput, correct_event, record_event
from casework.records.front_sheet import FIELD_NAMES, LABELS, FrontSheet, differences, shown
from casework.records.models import Event, FrontSheetChange, Person, Team
from casework.work.actions import allocate
from casework.work.views.allocation import CASE_HOLDING

AWAITING_ALLOCATION = "New record, awaiting allocation"
# The birth event carries what the standards need to know from the front sheet.
_BIRTH_FIELDS = ("date_of_birth", "sex", "ethnicity", "disability", "uasc")


def add_child(actor: User, sheet: FrontSheet, team: Team, worker: User | None = None) -> Person:
    """Open a record for a child held by `team`, allocated to `worker` if one is given."""
    if not policy.teams_to_add_to(actor).filter(pk=team.pk).exists():
        raise PermissionDenied
    if worker is not None and not allocatable_workers(actor).filter(pk=worker.pk, team=team):
        raise ValueError("the worker must be one the user may allocate to, in the child's team")
    action_id = uuid.uuid4()
    with transaction.atomic():
        person = Person.objects.create(
            reference=new_reference(),
            team=team,
            unallocated_reason="" if worker else AWAITING_ALLOCATION,
            **{n: getattr(sheet, n) for n in FIELD_NAMES},
        )
        audit(
            actor,
            AuditAction.CHILD_ADDED,
            person,
            action_id=action_id,
            team=team.name,
            reference=person.reference,
        )
        record_event(actor, person, _birth(sheet), action_id=action_id)
        if worker is not None:
            allocate(actor, person, worker, action_id=action_id)
    return person


def allocatable_workers(actor: User) -> QuerySet[User]:
    """Case-holding staff in the teams the user may both allocate in and add children to."""
    if not actor.can(Ability.ALLOCATE):
        return User.objects.none()
    return (
        User.objects.filter(team__in=policy.teams(actor), role__in=CASE_HOLDING, is_active=True)
        .filter(team__in=policy.teams_to_add_to(actor))
        .select_related("team")
        .order_by("team__name", "last_name", "first_name")
    )


def change_front_sheet(actor: User, person: Person, sheet: FrontSheet) -> list[FrontSheetChange]:
    """Change the front sheet, keeping each field's old and new value with who and when."""
    if not policy.changeable(actor).filter(pk=person.pk).exists():
        raise PermissionDenied
    action_id = uuid.uuid4()
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        before = FrontSheet.of(person)
        changed = differences(before, sheet)
        if not changed:
            return []
        at = timezone.now()
        rows = [
            FrontSheetChange(
                person=person,
                field=name,
                label=LABELS[name],
                old_value=shown(name, getattr(before, name)),
                new_value=shown(name, getattr(sheet, name)),
                changed_by=actor,
                changed_at=at,
                action_id=action_id,
            )
            for name in changed
        ]
        for name in changed:
            setattr(person, name, getattr(sheet, name))
        person.save(update_fields=changed)
        FrontSheetChange.objects.bulk_create(rows)
        audit(
            actor,
            AuditAction.FRONT_SHEET_CHANGED,
            person,
            action_id=action_id,
            changed={r.field: {"old": r.old_value, "new": r.new_value} for r in rows},
        )
        if set(changed) & set(_BIRTH_FIELDS):
            _update_birth(actor, person, sheet, action_id)
    return rows


def _birth(sheet: FrontSheet) -> EventInput:
    return EventInput(type="birth", occurred=sheet.date_of_birth, details=_birth_details(sheet))


def _birth_details(sheet: FrontSheet) -> dict[str, str]:
    return {
        "sex": sheet.sex,
        "ethnicity": sheet.ethnicity,
        "disability": "yes" if sheet.disability.strip() else "no",
        "uasc": "yes" if sheet.uasc else "no",
    }


def _update_birth(actor: User, person: Person, sheet: FrontSheet, action_id: uuid.UUID) -> None:
    """Bring the birth event into line, so birthdays and the census details count right."""
    event = Event.objects.filter(person=person, type="birth", withdrawn=False).first()
    if event is None:
        record_event(actor, person, _birth(sheet), action_id=action_id)
        return
    correction = Correction(
        occurred=sheet.date_of_birth,
        occurred_time=None,
        worker=event.worker,
        details=_birth_details(sheet),
        note=event.note,
        reason="Front sheet changed",
    )
    if (event.occurred, event.details) != (correction.occurred, correction.details):
        correct_event(actor, event, correction, action_id=action_id)


def new_reference() -> str:
    """A case number no other record has."""
    while True:
        reference = "CW" + "".join(secrets.choice("0123456789") for _ in range(8))
        if not Person.objects.filter(reference=reference).exists():
            return reference
