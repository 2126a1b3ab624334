"""The one access policy: which people's records a user may see and change, as querysets.

Every page that shows or changes a record asks this object; nothing else decides.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from casework.accounts.models import User
from casework.accounts.roles import Ability, Scope
from casework.records.models import Person, PersonKind, Team


class AccessPolicy:
    def viewable(self, user: User) -> QuerySet[Person]:
        """The people whose records the user may open."""
        return self._reach(user, user.access.see if self._active(user) else Scope.NONE)

    def changeable(self, user: User) -> QuerySet[Person]:
        """The people whose records the user may add to or correct."""
        if not self._active(user) or not user.can(Ability.RECORD_EVENTS):
            return Person.objects.none()
        return self._reach(user, user.access.change)

    def allocatable(self, user: User) -> QuerySet[Person]:
        """The people the user may allocate to a worker or transfer to another team."""
        if not self._active(user) or not user.can(Ability.ALLOCATE):
            return Person.objects.none()
        return self._reach(user, user.access.change)

    def teams(self, user: User) -> QuerySet[Team]:
        """The teams whose workload the user may see."""
        if not self._active(user) or not user.can(Ability.SEE_TEAM_WORKLOAD):
            return Team.objects.none()
        return self._teams_within(user, user.access.see)

    def teams_to_add_to(self, user: User) -> QuerySet[Team]:
        """The teams a user may add a new child to: those whose every record they may change.

        A worker who changes only their own caseload adds no one."""
        if not self._active(user) or not user.can(Ability.RECORD_EVENTS):
            return Team.objects.none()
        return self._teams_within(user, user.access.change)

    def can_read_access_log(self, user: User, person: Person) -> bool:
        return (
            self._active(user)
            and user.can(Ability.READ_ACCESS_LOG)
            and self.viewable(user).filter(pk=person.pk).exists()
        )

    def _teams_within(self, user: User, scope: Scope) -> QuerySet[Team]:
        """Every team a scope covers whole (a caseload covers no team)."""
        if scope is Scope.ALL:
            return Team.objects.all()
        if user.team_id is None:
            return Team.objects.none()
        if scope is Scope.SERVICE:
            return Team.objects.filter(service__teams=user.team_id)
        if scope is Scope.TEAM:
            return Team.objects.filter(pk=user.team_id)
        return Team.objects.none()

    def _active(self, user: User) -> bool:
        return bool(user.is_authenticated and user.is_active)

    def _reach(self, user: User, scope: Scope) -> QuerySet[Person]:
        people = Person.objects.all()
        mine = Q(worker=user.pk)
        if scope is Scope.NONE:
            return people.none()
        if scope is Scope.CASELOAD:
            people = people.filter(mine)
        elif scope is Scope.TEAM:
            people = people.filter(mine | Q(team=user.team_id) if user.team_id else mine)
        elif scope is Scope.SERVICE:
            people = people.filter(
                mine | Q(team__service__teams=user.team_id) if user.team_id else mine
            )
        elif scope is Scope.ADULTS:
            people = people.filter(kind=PersonKind.ADULT)
        # Restricted records: only the people named on them, whatever their role.
        named = Person.restricted_to.through.objects.filter(person=OuterRef("pk"), user=user.pk)
        return people.filter(Q(restricted=False) | Exists(named))


policy = AccessPolicy()
