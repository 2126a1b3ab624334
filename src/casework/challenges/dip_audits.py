"""Confirming or dismissing a proposed dip audit."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from casework.accounts.audit import audit
from casework.accounts.models import AuditAction, User
from casework.accounts.policy import policy
from casework.accounts.roles import Ability
from casework.challenges.models import DipAudit, DipAuditStatus


def _check(actor: User, dip: DipAudit) -> None:
    if not actor.can(Ability.RAISE_CHALLENGES):
        raise PermissionDenied
    if not policy.viewable(actor).filter(pk=dip.person_id).exists():
        raise PermissionDenied


def _decide(actor: User, dip: DipAudit, status: DipAuditStatus, **fields: str) -> bool:
    """Only a proposal still pending is decided: a second decision changes nothing."""
    _check(actor, dip)
    with transaction.atomic():
        done = DipAudit.objects.filter(pk=dip.pk, status=DipAuditStatus.PROPOSED).update(
            status=status, decided_by=actor, decided_at=timezone.now(), **fields
        )
        if not done:
            return False
        action = (
            AuditAction.DIP_AUDIT_RECORDED
            if status is DipAuditStatus.CONFIRMED
            else AuditAction.DIP_AUDIT_DISMISSED
        )
        audit(actor, action, dip.person, dip_audit=dip.pk, trigger=dip.trigger)
    dip.refresh_from_db()
    return True


def confirm(actor: User, dip: DipAudit, *, findings: str) -> bool:
    return _decide(actor, dip, DipAuditStatus.CONFIRMED, findings=findings)


def dismiss(actor: User, dip: DipAudit, *, reason: str) -> bool:
    return _decide(actor, dip, DipAuditStatus.DISMISSED, reason=reason)
