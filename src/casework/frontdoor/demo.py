"""A few open contacts for the demo council, so the duty dashboard shows something: taken
by the demo's social worker (who is also on duty at the front door) about children in
their team, at different stages and with different amounts of time left."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q

from casework.accounts.models import User
from casework.accounts.policy import policy
from casework.accounts.roles import Role
from casework.frontdoor import actions
from casework.frontdoor.models import Contact
from casework.records.evaluation import now as current_time


def _duty_worker() -> User | None:
    """The demo's social worker: the one with the busiest caseload (as the demo logins)."""
    return (
        User.objects.filter(role=Role.SOCIAL_WORKER, is_active=True, team__isnull=False)
        .annotate(n=Count("caseload", filter=Q(caseload__is_open=True)))
        .order_by("-n", "pk")
        .first()
    )


def _call(
    received: dt.datetime, caller: str, relationship: str, concern: str
) -> actions.ContactInput:
    return actions.ContactInput(
        received_at=received,
        method="phone",
        caller_name=caller,
        caller_relationship=relationship,
        caller_contact="",
        concern=concern,
    )


def open_demo_contacts() -> str:
    """Take three contacts, unless some are open already. Says what it did."""
    if Contact.objects.filter(closed_at__isnull=True).exists():
        return "The front door already has open contacts."
    worker = _duty_worker()
    if worker is None:
        return "No social worker to take contacts at the front door."
    children = list(
        policy.viewable(worker)
        .filter(team=worker.team_id, is_open=True, kind="child", restricted=False)
        .order_by("pk")[:3]
    )
    if len(children) < 3:
        return "Too few children to open contacts at the front door."
    now = current_time().replace(second=0, microsecond=0)
    hours = dt.timedelta(hours=1)

    actions.take_contact(
        worker,
        _call(now - 0.6 * hours, "Sam Green", "Health visitor", "Baby's weight has dropped"),
        person=children[0],
    )

    second = actions.take_contact(
        worker,
        _call(now - 3 * hours, "PC Ward", "Police", "Domestic incident at home"),
        person=children[1],
    )
    actions.record_consent(worker, second, at=now - 2.8 * hours, override=False, rationale="")
    police, _health = actions.open_enquiry(
        worker, second, at=now - 2.5 * hours, grade="red", agencies=["police", "health"]
    )
    actions.record_check_back(worker, police, at=now - 1.5 * hours)

    third = actions.take_contact(
        worker,
        _call(now - 26 * hours, "Jo Hill", "Head teacher", "Child often hungry and unkempt"),
        person=children[2],
    )
    actions.record_consent(worker, third, at=now - 25.5 * hours, override=False, rationale="")
    actions.open_enquiry(worker, third, at=now - 25 * hours, grade="amber", agencies=["education"])
    actions.recommend_threshold(
        worker,
        third,
        at=now - 2 * hours,
        tier="2",
        next_step="early_help",
        reasons="Neglect concerns; the school is supporting; no injury",
    )
    return (
        f"Front door: 3 open contacts. {worker.username} (the social worker) is on duty there; "
        "the team manager makes the threshold decisions."
    )
