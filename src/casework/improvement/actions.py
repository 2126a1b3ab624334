"""Every change to a self-assessment or an action plan. Each takes the acting user, checks
what they may do, and writes its audit row in the same transaction."""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from casework.accounts.audit import audit
from casework.accounts.models import AuditAction, User
from casework.accounts.roles import Ability
from casework.improvement.framework import framework
from casework.improvement.models import (
    ActionPlan,
    ActionStatus,
    CriterionRating,
    PlanAction,
    Recommendation,
    SelfAssessment,
    SuccessCriterion,
)


def _may_edit(actor: User) -> None:
    if not actor.can(Ability.RUN_QUALITY_PROGRAMME):
        raise PermissionDenied


def start_self_assessment(actor: User, year: int) -> SelfAssessment:
    """A self-assessment for the year holding every criterion of the framework, unrated."""
    _may_edit(actor)
    found = framework()
    with transaction.atomic():
        assessment = SelfAssessment.objects.create(
            year=year, framework=found.name, started_by=actor, started_at=timezone.now()
        )
        CriterionRating.objects.bulk_create(
            CriterionRating(assessment=assessment, number=c.number, position=i)
            for i, c in enumerate(found.criteria, start=1)
        )
        audit(actor, AuditAction.SELF_ASSESSMENT_STARTED, year=year)
    return assessment


def rate(actor: User, rating: CriterionRating, *, score: int, evidence: str) -> None:
    _may_edit(actor)
    framework().scale.point(score)  # KeyError for a score off the scale
    with transaction.atomic():
        rating.score = score
        rating.evidence = evidence
        rating.updated_by = actor
        rating.updated_at = timezone.now()
        rating.save(update_fields=["score", "evidence", "updated_by", "updated_at"])
        audit(
            actor,
            AuditAction.CRITERION_RATED,
            year=rating.assessment.year,
            criterion=rating.number,
            score=score,
        )


def create_plan(
    actor: User,
    *,
    title: str,
    source: str = "",
    self_assessment: SelfAssessment | None = None,
    action_id: uuid.UUID | None = None,
) -> ActionPlan:
    _may_edit(actor)
    with transaction.atomic():
        plan = ActionPlan.objects.create(
            title=title,
            source=source,
            self_assessment=self_assessment,
            created_by=actor,
            created_at=timezone.now(),
        )
        audit(actor, AuditAction.ACTION_PLAN_CREATED, action_id=action_id, plan=plan.pk)
    return plan


def add_recommendation(
    actor: User,
    plan: ActionPlan,
    *,
    text: str,
    number: int | None = None,
    criterion: str = "",
    action_id: uuid.UUID | None = None,
) -> Recommendation:
    _may_edit(actor)
    with transaction.atomic():
        if number is None:
            highest = plan.recommendations.aggregate(n=Max("number"))["n"] or 0
            number = highest + 1
        found = Recommendation.objects.create(
            plan=plan, number=number, text=text, criterion=criterion
        )
        audit(
            actor,
            AuditAction.RECOMMENDATION_ADDED,
            action_id=action_id,
            plan=plan.pk,
            recommendation=found.pk,
        )
    return found


def add_action(
    actor: User,
    recommendation: Recommendation,
    *,
    text: str,
    lead: User,
    target: dt.date,
    forum: str,
    action_id: uuid.UUID | None = None,
) -> PlanAction:
    _may_edit(actor)
    with transaction.atomic():
        action = PlanAction.objects.create(
            recommendation=recommendation, text=text, lead=lead, target=target, forum=forum
        )
        audit(
            actor,
            AuditAction.PLAN_ACTION_ADDED,
            action_id=action_id,
            plan=recommendation.plan_id,
            plan_action=action.pk,
            lead=lead.pk,
        )
    return action


def plan_for(actor: User, assessment: SelfAssessment, action_id: uuid.UUID) -> ActionPlan:
    """The self-assessment's own action plan, made on first use."""
    existing = ActionPlan.objects.filter(self_assessment=assessment).first()
    if existing is not None:
        return existing
    return create_plan(
        actor,
        title=f"Self-assessment {assessment.year} action plan",
        source=f"Weaknesses found in the {assessment.year} self-assessment against "
        f"{framework().title}",
        self_assessment=assessment,
        action_id=action_id,
    )


def add_weakness_action(
    actor: User,
    rating: CriterionRating,
    *,
    text: str,
    lead: User,
    target: dt.date,
    forum: str,
) -> PlanAction:
    """An action for a criterion's weakness, in the self-assessment's action plan, under a
    recommendation for that criterion (made on first use)."""
    _may_edit(actor)
    action_id = uuid.uuid4()
    with transaction.atomic():
        plan = plan_for(actor, rating.assessment, action_id)
        recommendation = plan.recommendations.filter(criterion=rating.number).first()
        if recommendation is None:
            criterion = framework().criterion(rating.number)
            recommendation = add_recommendation(
                actor,
                plan,
                text=f"Criterion {criterion.number}: {criterion.text}",
                criterion=criterion.number,
                action_id=action_id,
            )
        return add_action(
            actor,
            recommendation,
            text=text,
            lead=lead,
            target=target,
            forum=forum,
            action_id=action_id,
        )


def may_update(actor: User, action: PlanAction) -> bool:
    return actor.can(Ability.RUN_QUALITY_PROGRAMME) or action.lead_id == actor.pk


def update_action(
    actor: User, action: PlanAction, *, status: ActionStatus, progress: str, today: dt.date
) -> None:
    """The lead or the quality programme's owner records progress and status."""
    if not may_update(actor, action):
        raise PermissionDenied
    with transaction.atomic():
        action.status = status
        action.progress = progress
        action.completed_on = today if status is ActionStatus.COMPLETED else None
        action.save(update_fields=["status", "progress", "completed_on"])
        audit(actor, AuditAction.PLAN_ACTION_UPDATED, plan_action=action.pk, status=status.value)


def add_success_criterion(
    actor: User, recommendation: Recommendation, *, text: str, indicator: str
) -> SuccessCriterion:
    _may_edit(actor)
    with transaction.atomic():
        found = SuccessCriterion.objects.create(
            recommendation=recommendation, text=text, indicator=indicator
        )
        audit(
            actor,
            AuditAction.SUCCESS_CRITERION_ADDED,
            plan=recommendation.plan_id,
            criterion=found.pk,
            indicator=indicator,
        )
    return found
