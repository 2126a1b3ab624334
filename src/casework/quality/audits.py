"""Completing a case file audit, and what follows from grades below standard: remedial
actions with an owner and a due date, and an email to the team manager and service manager
of the child's team (seed 000, 2.4.49)."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from casework.accounts.audit import audit as write_audit
from casework.accounts.models import AuditAction, User
from casework.accounts.policy import policy
from casework.accounts.roles import Ability, Role
from casework.quality.frameworks import AuditTemplate, load_audit_template
from casework.quality.models import (
    ActionStatus,
    Answer,
    AuditStatus,
    CaseAudit,
    RemedialAction,
    SampleCase,
)
from casework.quality.programme import scheduled_for
from casework.records.models import Person

log = logging.getLogger(__name__)

# Remedial actions are due four weeks after the audit unless the owner's manager says
# otherwise; the seed gives no timescale.
ACTION_DAYS = 28


@cache
def template() -> AuditTemplate:
    return load_audit_template()


@dataclass(frozen=True)
class AnswerInput:
    question: str
    grade: str
    comment: str = ""
    evidence: str = ""
    evidence_confirmed: bool | None = None
    correction: str = ""


@dataclass(frozen=True)
class Completed:
    audit: CaseAudit
    actions: list[RemedialAction]
    notified: list[User]


def managers_of(person: Person) -> list[User]:
    """The team manager(s) of the child's team and the service manager(s) of its service."""
    team = person.team
    if team is None:
        return []
    found = User.objects.filter(is_active=True).filter(
        role=Role.TEAM_MANAGER, team=team
    ) | User.objects.filter(
        is_active=True, role=Role.SERVICE_MANAGER, team__service=team.service_id
    )
    return list(found.order_by("role", "last_name", "pk"))


def action_owner(person: Person, auditor: User) -> User:
    """Who answers for the remedial action: the child's team manager, else a service
    manager of the service, else the auditor."""
    managers = managers_of(person)
    for role in (Role.TEAM_MANAGER, Role.SERVICE_MANAGER):
        for manager in managers:
            if manager.role == role:
                return manager
    return auditor


def complete_audit(
    actor: User,
    person: Person,
    answers: list[AnswerInput],
    overall_grade: str,
    overall_comment: str,
    today: dt.date,
    sample_case: SampleCase | None = None,
) -> Completed:
    """Record a completed audit with its answers, and set an action for every grade below
    standard (each question's and the overall grade)."""
    if not actor.can(Ability.AUDIT_FILES):
        raise PermissionDenied
    if not policy.viewable(actor).filter(pk=person.pk).exists():
        raise PermissionDenied
    scale = template().grades
    for grade in [a.grade for a in answers] + [overall_grade]:
        scale.get(grade)  # KeyError for a grade not on the scale
    for answer in answers:
        template().question(answer.question)
    owner = action_owner(person, actor)
    due = today + dt.timedelta(days=ACTION_DAYS)
    action_id = uuid.uuid4()
    with transaction.atomic():
        audit = CaseAudit.objects.create(
            person=person,
            auditor=actor,
            scheduled=sample_case.sample.scheduled
            if sample_case is not None and sample_case.sample.scheduled is not None
            else scheduled_for(actor, today, person.team_id),
            sample_case=sample_case,
            template=template().name,
            team=person.team,
            audited_on=today,
            completed_at=timezone.now(),
            status=AuditStatus.COMPLETED,
            overall_grade=overall_grade,
            overall_comment=overall_comment.strip(),
        )
        Answer.objects.bulk_create(
            Answer(
                audit=audit,
                question=a.question,
                grade=a.grade,
                comment=a.comment.strip(),
                evidence=a.evidence,
                evidence_confirmed=a.evidence_confirmed,
                correction=a.correction.strip(),
            )
            for a in answers
        )
        below = [a for a in answers if scale.get(a.grade).below_standard]
        actions = [
            RemedialAction(
                audit=audit,
                question=a.question,
                grade=a.grade,
                description=_describe(a.question, a.grade, a.comment),
                owner=owner,
                due=due,
                created_at=timezone.now(),
            )
            for a in below
        ]
        if scale.get(overall_grade).below_standard:
            actions.append(
                RemedialAction(
                    audit=audit,
                    question="",
                    grade=overall_grade,
                    description=_describe("", overall_grade, overall_comment),
                    owner=owner,
                    due=due,
                    created_at=timezone.now(),
                )
            )
        RemedialAction.objects.bulk_create(actions)
        actions = list(audit.actions.all())
        write_audit(
            actor,
            AuditAction.QUALITY_CASE_AUDIT_COMPLETED,
            person,
            action_id=action_id,
            audit=audit.pk,
            overall=overall_grade,
            below_standard=[a.question for a in below],
            actions=[a.pk for a in actions],
        )
        notified = managers_of(person) if actions else []
        if actions:
            write_audit(
                actor,
                AuditAction.QUALITY_FINDINGS_NOTIFIED,
                person,
                action_id=action_id,
                audit=audit.pk,
                recipients=[u.pk for u in notified],
            )
    if notified:
        _email(audit, actions, notified)
    return Completed(audit, actions, notified)


def _describe(question_id: str, grade: str, comment: str) -> str:
    label = template().grades.get(grade).label.lower()
    what = template().question(question_id).question if question_id else "The file overall"
    text = f"Put right: {what} (graded {label})."
    return f"{text} Auditor's comment: {comment.strip()}" if comment.strip() else text


def audit_path(audit: CaseAudit) -> str:
    return reverse("quality:audit", args=[audit.person.public_id, audit.pk])


def _email(audit: CaseAudit, actions: list[RemedialAction], recipients: list[User]) -> None:
    """Tell the managers, naming no child: the link leads to the audit, which checks access."""
    url = str(settings.CASEWORK_SITE_URL).rstrip("/") + audit_path(audit)
    due = min(a.due for a in actions)
    body = "\n".join(
        [
            f"A case file audit on {audit.audited_on.day} {audit.audited_on:%B %Y} found practice"
            f" below standard in {len(actions)} "
            f"{'place' if len(actions) == 1 else 'places'}.",
            f"Remedial actions have been set, the first due by {due.day} {due:%B %Y}.",
            "",
            f"Open the audit: {url}",
            "",
            "This email names no one on purpose.",
        ]
    )
    addresses = [u.email for u in recipients if u.email]
    if not addresses:
        return
    try:
        send_mail(
            "Casework: case file audit below standard",
            body,
            settings.DEFAULT_FROM_EMAIL,
            addresses,
        )
    except Exception:  # the audit is saved; the failure is logged for the administrators
        log.exception("could not send the audit findings email for audit %s", audit.pk)


def complete_action(actor: User, action: RemedialAction, outcome: str, today: dt.date) -> None:
    """Mark a remedial action done, by its owner or whoever runs the programme."""
    if actor.pk != action.owner_id and not actor.can(Ability.RUN_QUALITY_PROGRAMME):
        raise PermissionDenied
    if not outcome.strip():
        raise ValueError("say what was done")
    with transaction.atomic():
        action = RemedialAction.objects.select_for_update().get(pk=action.pk)
        if action.status == ActionStatus.DONE:
            raise ValueError("the action is already done")
        action.status = ActionStatus.DONE
        action.completed_on = today
        action.completed_by = actor
        action.outcome = outcome.strip()
        action.save(update_fields=["status", "completed_on", "completed_by", "outcome"])
        write_audit(
            actor,
            AuditAction.QUALITY_REMEDIAL_ACTION_DONE,
            action.audit.person,
            action_id=uuid.uuid4(),
            remedial_action=action.pk,
            audit=action.audit_id,
        )


def actions_visible_to(user: User) -> QuerySet[RemedialAction]:
    """Actions about children the user may see: all of them for those who run the programme,
    otherwise those they own or that came from their own audits."""
    found = RemedialAction.objects.filter(audit__person__in=policy.viewable(user))
    if not user.can(Ability.RUN_QUALITY_PROGRAMME):
        found = found.filter(owner=user) | found.filter(audit__auditor=user)
    return found.select_related("audit", "audit__person", "owner").distinct()
