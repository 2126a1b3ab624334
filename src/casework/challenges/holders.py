"""Who holds each stage of a challenge: the team manager of the child's worker (or team),
then a service manager of that team's service, then the head of service (seed 004)."""

from __future__ import annotations

from django.db.models import QuerySet

from casework.accounts.models import User
from casework.accounts.policy import policy
from casework.accounts.roles import Role
from casework.records.models import Person, Team

_ROLES = {
    "team_manager": Role.TEAM_MANAGER,
    "service_manager": Role.SERVICE_MANAGER,
    "head_of_service": Role.HEAD_OF_SERVICE,
}


def _team(person: Person) -> Team | None:
    worker = person.worker
    if worker is not None and worker.team is not None:
        return worker.team
    return person.team


def candidates(holder: str, person: Person) -> QuerySet[User]:
    people = User.objects.filter(is_active=True, role=_ROLES[holder])
    team = _team(person)
    if holder == "team_manager":
        return people.filter(team=team) if team is not None else people.none()
    if holder == "service_manager":
        return people.filter(team__service=team.service_id) if team is not None else people.none()
    return people


def holder_for(holder: str, person: Person) -> User | None:
    """The first manager in that role who may see the child's record, or None."""
    for user in candidates(holder, person).order_by("last_name", "first_name", "pk"):
        if policy.viewable(user).filter(pk=person.pk).exists():
            return user
    return None
