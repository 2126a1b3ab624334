"""Roles, what each may do, and how far each one's access to records reaches."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from django.db import models


class Role(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Social worker"
    ASSISTANT_TEAM_MANAGER = "assistant_team_manager", "Assistant team manager"
    TEAM_MANAGER = "team_manager", "Team manager"
    SERVICE_MANAGER = "service_manager", "Service manager"
    HEAD_OF_SERVICE = "head_of_service", "Head of service"
    REVIEWING_OFFICER = (
        "reviewing_officer",
        "Independent reviewing officer or conference chair",
    )
    LADO = "lado", "Local authority designated officer (LADO)"
    QUALITY_ASSURANCE = "quality_assurance", "Quality assurance officer"
    PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"
    ADMINISTRATOR = "administrator", "Administrator"
    COUNCILLOR = "councillor", "Councillor"


class Scope(enum.StrEnum):
    """Which records a role reaches."""

    NONE = "none"
    CASELOAD = "caseload"  # children allocated to the user
    TEAM = "team"  # children held by the user's team, and their own caseload
    SERVICE = "service"  # children held by any team in the user's service
    ALL = "all"  # every child and adult
    ADULTS = "adults"  # adults only (allegations against people who work with children)


class Ability(enum.StrEnum):
    VIEW_RECORDS = "view records"
    RECORD_EVENTS = "record events"
    SEE_TEAM_WORKLOAD = "see team workload"
    ALLOCATE = "allocate and transfer"
    READ_ACCESS_LOG = "read the access log"
    SEE_FIGURES = "see figures"
    SEE_MANAGEMENT_INFORMATION = "see management information"
    TAKE_CONTACTS = "take contacts at the front door"
    AUDIT_FILES = "audit case files"
    RUN_QUALITY_PROGRAMME = "run the quality assurance programme"
    RAISE_CHALLENGES = "raise practice challenges"


@dataclass(frozen=True)
class RoleAccess:
    see: Scope
    change: Scope
    abilities: frozenset[Ability]


_WORKER = frozenset({Ability.VIEW_RECORDS, Ability.RECORD_EVENTS})
_MANAGER = frozenset(
    {
        Ability.VIEW_RECORDS,
        Ability.RECORD_EVENTS,
        Ability.SEE_TEAM_WORKLOAD,
        Ability.ALLOCATE,
        Ability.READ_ACCESS_LOG,
        Ability.SEE_FIGURES,
        Ability.SEE_MANAGEMENT_INFORMATION,
        Ability.TAKE_CONTACTS,
        Ability.AUDIT_FILES,
    }
)

ROLE_ACCESS: dict[Role, RoleAccess] = {
    # A social worker reads the team's records (duty cover) and changes their own caseload.
    Role.SOCIAL_WORKER: RoleAccess(Scope.TEAM, Scope.CASELOAD, _WORKER | {Ability.TAKE_CONTACTS}),
    Role.ASSISTANT_TEAM_MANAGER: RoleAccess(Scope.TEAM, Scope.TEAM, _MANAGER),
    Role.TEAM_MANAGER: RoleAccess(Scope.TEAM, Scope.TEAM, _MANAGER),
    Role.SERVICE_MANAGER: RoleAccess(Scope.SERVICE, Scope.SERVICE, _MANAGER),
    # The head of service also owns the quality assurance programme and the action plans.
    Role.HEAD_OF_SERVICE: RoleAccess(
        Scope.ALL, Scope.ALL, _MANAGER | {Ability.RUN_QUALITY_PROGRAMME}
    ),
    # Reviewing officers and chairs work across every team and record reviews and conferences.
    # They raise practice challenges (disputes) and confirm dip audits.
    Role.REVIEWING_OFFICER: RoleAccess(
        Scope.ALL,
        Scope.ALL,
        _WORKER
        | {Ability.SEE_FIGURES, Ability.SEE_MANAGEMENT_INFORMATION, Ability.RAISE_CHALLENGES},
    ),
    Role.LADO: RoleAccess(Scope.ADULTS, Scope.ADULTS, _WORKER),
    # Auditors read every file and every team's workload, run the audit programme and raise
    # practice challenges, but change no record.
    Role.QUALITY_ASSURANCE: RoleAccess(
        Scope.ALL,
        Scope.NONE,
        frozenset(
            {
                Ability.VIEW_RECORDS,
                Ability.SEE_TEAM_WORKLOAD,
                Ability.SEE_FIGURES,
                Ability.SEE_MANAGEMENT_INFORMATION,
                Ability.AUDIT_FILES,
                Ability.RUN_QUALITY_PROGRAMME,
                Ability.RAISE_CHALLENGES,
            }
        ),
    ),
    # Analysts, administrators and councillors open no one's record; councillors see only
    # figures in which no child can be identified.
    Role.PERFORMANCE_ANALYST: RoleAccess(
        Scope.NONE,
        Scope.NONE,
        frozenset({Ability.SEE_FIGURES, Ability.SEE_MANAGEMENT_INFORMATION}),
    ),
    Role.ADMINISTRATOR: RoleAccess(Scope.NONE, Scope.NONE, frozenset()),
    Role.COUNCILLOR: RoleAccess(Scope.NONE, Scope.NONE, frozenset({Ability.SEE_FIGURES})),
}
