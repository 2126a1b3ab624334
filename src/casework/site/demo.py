"""The demo: a synthetic council in SQLite, evaluated, with one sign-in for each role."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from django.db.models import Count, Max, Q

from casework.accounts.models import User
from casework.accounts.roles import Role
from casework.records.models import Event, Person


@dataclass(frozen=True)
class Login:
    role: str
    username: str
    password: str
    about: str


def last_day() -> dt.date | None:
    """The day the loaded council's history ends: the demo's 'today'."""
    found: dt.date | None = Event.objects.aggregate(last=Max("occurred"))["last"]
    return found


def _first(role: Role, **filters: object) -> User | None:
    return User.objects.filter(role=role, is_active=True, **filters).order_by("pk").first()


def demo_logins() -> list[Login]:
    """Pick one user for each role (for the worker: the busiest caseload) and give each a
    new random password."""
    password = "-".join(secrets.token_hex(3) for _ in range(3))
    worker = (
        User.objects.filter(role=Role.SOCIAL_WORKER)
        .annotate(n=Count("caseload", filter=Q(caseload__is_open=True)))
        .order_by("-n", "pk")
        .first()
    )
    team = worker.team if worker else None
    service = team.service if team else None
    picks: list[tuple[Role, User | None, str]] = [
        (Role.SOCIAL_WORKER, worker, "their children, what is due and late"),
        (
            Role.ASSISTANT_TEAM_MANAGER,
            _first(Role.ASSISTANT_TEAM_MANAGER, team=team) or _first(Role.ASSISTANT_TEAM_MANAGER),
            "a team's workload",
        ),
        (
            Role.TEAM_MANAGER,
            _first(Role.TEAM_MANAGER, team=team) or _first(Role.TEAM_MANAGER),
            "the team's workload and unallocated children",
        ),
        (
            Role.SERVICE_MANAGER,
            _first(Role.SERVICE_MANAGER, team__service=service) or _first(Role.SERVICE_MANAGER),
            "every team in the service",
        ),
        (
            Role.HEAD_OF_SERVICE,
            _first(Role.HEAD_OF_SERVICE),
            "every team, self-assessment, action plans",
        ),
        (
            Role.REVIEWING_OFFICER,
            _first(Role.REVIEWING_OFFICER),
            "every record, practice challenges",
        ),
        (Role.LADO, _first(Role.LADO), "allegations against adults"),
        (
            Role.QUALITY_ASSURANCE,
            _first(Role.QUALITY_ASSURANCE),
            "audit programme, audits, read only",
        ),
        (
            Role.PERFORMANCE_ANALYST,
            _first(Role.PERFORMANCE_ANALYST),
            "performance, equality monitoring, reports",
        ),
        (Role.ADMINISTRATOR, _first(Role.ADMINISTRATOR), "no records"),
        (Role.COUNCILLOR, _councillor(), "the councillors' report, small numbers hidden"),
    ]
    logins = []
    for role, user, about in picks:
        if user is None:
            continue
        user.set_password(password)
        user.save(update_fields=["password"])
        logins.append(Login(role.label, user.username, password, about))
    return logins


def _councillor() -> User:
    user = User.objects.filter(role=Role.COUNCILLOR).order_by("pk").first()
    if user is None:
        user = User.objects.create(
            username="councillor",
            first_name="Casey",
            last_name="Councillor",
            role=Role.COUNCILLOR,
        )
    return user


def people_count() -> int:
    return Person.objects.count()
