"""Every change to a practice challenge: raise, respond, escalate, close.

Each takes the acting user (None for the escalation sweep), writes its audit row in the same
transaction, and sends any email only once that transaction has committed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from casework.accounts.audit import audit
from casework.accounts.models import AuditAction, User
from casework.accounts.policy import policy
from casework.accounts.roles import Ability
from casework.challenges.holders import candidates, holder_for
from casework.challenges.models import Challenge, ChallengeStage, ChallengeStatus
from casework.challenges.rules import rules
from casework.records.models import Person


def link(challenge: Challenge) -> str:
    return reverse("challenges:detail", args=[challenge.person.public_id, challenge.pk])


def notify(recipients: list[User], subject: str, lines: list[str], challenge: Challenge) -> None:
    """Email after commit. The email names no child: it links to the page, which checks."""
    url = str(settings.CASEWORK_SITE_URL).rstrip("/") + link(challenge)
    addresses = sorted({u.email for u in recipients if u.email})
    if not addresses:
        return
    body = "\n".join([*lines, "", f"Open the challenge: {url}", "", "This email names no one."])

    def send() -> None:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses)

    transaction.on_commit(send)


def _open_stage(challenge: Challenge, number: int, start: dt.date) -> ChallengeStage:
    stage = rules().stage(number)
    holder = holder_for(stage.holder, challenge.person)
    return ChallengeStage.objects.create(
        challenge=challenge,
        number=number,
        holder=holder,
        started=start,
        due=rules().due(stage, start),
    )


def _tell_holder(challenge: Challenge, row: ChallengeStage) -> None:
    if row.holder is None:
        return
    notify(
        [row.holder],
        f"Practice challenge for you to answer by {row.due:%d %B %Y}",
        [
            f"A practice challenge has reached the {row.title.lower()} stage and you hold it.",
            f"Please respond by {row.due:%d %B %Y}.",
        ],
        challenge,
    )


def raise_challenge(
    actor: User, person: Person, *, concern: str, wanted: str, today: dt.date
) -> Challenge:
    if not actor.can(Ability.RAISE_CHALLENGES):
        raise PermissionDenied
    if not policy.viewable(actor).filter(pk=person.pk).exists():
        raise PermissionDenied
    with transaction.atomic():
        challenge = Challenge.objects.create(
            person=person,
            raised_by=actor,
            raised_at=timezone.now(),
            raised_on=today,
            concern=concern,
            wanted=wanted,
        )
        row = _open_stage(challenge, 1, today)
        audit(
            actor,
            AuditAction.CHALLENGE_RAISED,
            person,
            challenge=challenge.pk,
            holder=row.holder_id,
        )
        _tell_holder(challenge, row)
    return challenge


def current_stage(challenge: Challenge) -> ChallengeStage:
    return challenge.stages.select_related("holder").get(number=challenge.stage)


def may_respond(user: User, challenge: Challenge) -> bool:
    """The stage's holder, or anyone else in the holding role for the child, while open."""
    if not challenge.is_open:
        return False
    row = current_stage(challenge)
    if not row.awaiting_response:
        return False
    if row.holder_id == user.pk:
        return True
    holder = rules().stage(challenge.stage).holder
    return (
        candidates(holder, challenge.person).filter(pk=user.pk).exists()
        and policy.viewable(user).filter(pk=challenge.person_id).exists()
    )


def may_decide(user: User, challenge: Challenge) -> bool:
    """Whoever raised it, or another chair or reviewing officer, decides what happens next."""
    return challenge.is_open and (
        challenge.raised_by_id == user.pk or user.can(Ability.RAISE_CHALLENGES)
    )


def respond(actor: User, challenge: Challenge, *, response: str, today: dt.date) -> None:
    if not may_respond(actor, challenge):
        raise PermissionDenied
    with transaction.atomic():
        done = ChallengeStage.objects.filter(
            challenge=challenge,
            number=challenge.stage,
            responded_on__isnull=True,
            escalated_on__isnull=True,
        ).update(response=response, responded_by=actor, responded_on=today)
        if not done:
            return
        audit(
            actor,
            AuditAction.CHALLENGE_RESPONDED,
            challenge.person,
            challenge=challenge.pk,
            stage=challenge.stage,
        )
        notify(
            [challenge.raised_by],
            "Practice challenge answered",
            ["The manager holding your practice challenge has responded."],
            challenge,
        )


def escalate(
    actor: User | None,
    challenge: Challenge,
    *,
    today: dt.date,
    lapsed: bool,
    reason: str = "",
    action_id: uuid.UUID | None = None,
) -> bool:
    """Move an open challenge from its current stage to the next one. The conditional UPDATE
    on (stage, status) is the lock: of two callers only one moves it. False if nothing moved
    (already moved, closed, or at the last stage)."""
    number = challenge.stage
    if number >= rules().last:
        return False
    with transaction.atomic():
        moved = Challenge.objects.filter(
            pk=challenge.pk, stage=number, status=ChallengeStatus.OPEN
        ).update(stage=number + 1)
        if not moved:
            return False
        ChallengeStage.objects.filter(challenge=challenge, number=number).update(
            escalated_on=today, lapsed=lapsed
        )
        challenge.stage = number + 1
        row = _open_stage(challenge, number + 1, today)
        audit(
            actor,
            AuditAction.CHALLENGE_ESCALATED,
            challenge.person,
            action_id=action_id,
            challenge=challenge.pk,
            to_stage=number + 1,
            lapsed=lapsed,
            reason=reason,
        )
        _tell_holder(challenge, row)
        if lapsed:
            notify(
                [challenge.raised_by],
                "Practice challenge escalated",
                [
                    "No response came by the due date, so your practice challenge has moved "
                    f"to the {row.title.lower()} stage."
                ],
                challenge,
            )
    return True


def mark_final_stage_lapsed(challenge: Challenge, *, today: dt.date) -> bool:
    """The last stage has no one further to go to: mark it lapsed (once) and tell the raiser."""
    with transaction.atomic():
        marked = ChallengeStage.objects.filter(
            challenge=challenge,
            number=challenge.stage,
            lapsed=False,
            responded_on__isnull=True,
            challenge__status=ChallengeStatus.OPEN,
        ).update(lapsed=True)
        if not marked:
            return False
        audit(
            None,
            AuditAction.CHALLENGE_ESCALATED,
            challenge.person,
            challenge=challenge.pk,
            to_stage=challenge.stage,
            lapsed=True,
            reason="the last stage lapsed",
        )
        notify(
            [challenge.raised_by],
            "Practice challenge: the last stage has lapsed",
            ["No response came by the due date at the last stage of your practice challenge."],
            challenge,
        )
    return True


def close(
    actor: User, challenge: Challenge, *, resolved: bool, outcome: str, today: dt.date
) -> None:
    if not may_decide(actor, challenge):
        raise PermissionDenied
    status = ChallengeStatus.RESOLVED if resolved else ChallengeStatus.UNRESOLVED
    with transaction.atomic():
        closed = Challenge.objects.filter(pk=challenge.pk, status=ChallengeStatus.OPEN).update(
            status=status, outcome=outcome, closed_on=today
        )
        if not closed:
            return
        audit(
            actor,
            AuditAction.CHALLENGE_CLOSED,
            challenge.person,
            challenge=challenge.pk,
            resolved=resolved,
        )


@dataclass
class SweepResult:
    escalated: int = 0
    final_lapsed: int = 0


def escalate_lapsed(today: dt.date) -> SweepResult:
    """Escalate every open challenge whose current stage passed its due date unanswered.

    Safe to repeat and to run twice at once: each move is a conditional UPDATE."""
    result = SweepResult()
    lapsed = (
        ChallengeStage.objects.filter(
            challenge__status=ChallengeStatus.OPEN,
            responded_on__isnull=True,
            escalated_on__isnull=True,
            lapsed=False,
            due__lt=today,
        )
        .select_related("challenge", "challenge__person", "challenge__raised_by")
        .order_by("due", "pk")
    )
    for row in lapsed:
        challenge = row.challenge
        if row.number != challenge.stage:
            continue
        if row.number < rules().last:
            result.escalated += escalate(None, challenge, today=today, lapsed=True)
        else:
            result.final_lapsed += mark_final_stage_lapsed(challenge, today=today)
    return result
