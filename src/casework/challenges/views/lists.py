"""The practice challenges page and the dip-audit proposals, for the children a user may see."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from casework.accounts.access import AuthedRequest, requires, signed_in
from casework.accounts.models import User
from casework.accounts.policy import policy
from casework.accounts.roles import Ability
from casework.challenges.models import (
    Challenge,
    ChallengeStage,
    ChallengeStatus,
    DipAudit,
    DipAuditStatus,
)
from casework.challenges.proposals import propose
from casework.challenges.rules import rules
from casework.records.evaluation import today

RECENTLY_CLOSED = 20


def may_use(user: User) -> bool:
    return user.can(Ability.RAISE_CHALLENGES) or user.can(Ability.SEE_TEAM_WORKLOAD)


def lapsed(row: ChallengeStage, day: dt.date) -> bool:
    """Past its due date with no response (the sweep may not have run yet today)."""
    return row.lapsed or (row.awaiting_response and row.due < day)


@signed_in
def index(request: AuthedRequest) -> HttpResponse:
    user = request.user
    if not may_use(user):
        raise PermissionDenied
    day = today()
    visible = policy.viewable(user)
    current = {
        row.challenge_id: row
        for row in ChallengeStage.objects.filter(
            challenge__person__in=visible, challenge__status=ChallengeStatus.OPEN
        ).select_related("holder")
        if row.number == row.challenge.stage
    }
    open_challenges = list(
        Challenge.objects.filter(person__in=visible, status=ChallengeStatus.OPEN)
        .select_related("person", "raised_by")
        .order_by("raised_on", "pk")
    )
    rows = [(c, current.get(c.pk)) for c in open_challenges]
    context = {
        "today": day,
        "mine": [(c, s) for c, s in rows if s is not None and s.holder_id == user.pk],
        "lapsed": [(c, s) for c, s in rows if s is not None and lapsed(s, day)],
        "open": rows,
        "closed": Challenge.objects.filter(person__in=visible)
        .exclude(status=ChallengeStatus.OPEN)
        .select_related("person")
        .order_by("-closed_on", "-pk")[:RECENTLY_CLOSED],
        "stages": rules().stages,
        "can_raise": user.can(Ability.RAISE_CHALLENGES),
    }
    return render(request, "challenges/index.html", context)


@requires(Ability.RAISE_CHALLENGES)
def dip_audits(request: AuthedRequest) -> HttpResponse:
    day = today()
    visible = policy.viewable(request.user)
    propose(day, visible)
    found = DipAudit.objects.filter(person__in=visible).select_related("person")
    context = {
        "today": day,
        "proposed": found.filter(status=DipAuditStatus.PROPOSED).order_by("trigger_date", "pk"),
        "decided": found.exclude(status=DipAuditStatus.PROPOSED)
        .select_related("decided_by")
        .order_by("-decided_at", "-pk")[:RECENTLY_CLOSED],
        "rules": rules().dip_audits.values(),
    }
    return render(request, "challenges/dip_audits.html", context)
