"""The access policy: who may see, change and allocate whose record."""

from __future__ import annotations

import pytest

from casework.accounts.policy import policy
from casework.accounts.roles import Role
from casework.records.models import Person
from casework.site.testing import Personas


def names(people: object) -> set[str]:
    assert hasattr(people, "values_list")
    return set(people.values_list("given_name", flat=True))


def test_a_social_worker_sees_their_team_and_changes_only_their_caseload(
    people: Personas,
) -> None:
    assert names(policy.viewable(people.alice)) == {"Amy", "Ben"}
    assert names(policy.changeable(people.alice)) == {"Amy"}


def test_a_colleague_sees_the_team_but_cannot_change_alices_children(people: Personas) -> None:
    assert names(policy.viewable(people.bob)) == {"Amy", "Ben"}
    assert names(policy.changeable(people.bob)) == set()


def test_an_outsider_sees_nothing_of_another_teams_children(people: Personas) -> None:
    assert names(policy.viewable(people.olivia)) == {"Fay"}
    assert names(policy.changeable(people.olivia)) == {"Fay"}


def test_a_team_manager_sees_and_allocates_the_teams_children(people: Personas) -> None:
    assert names(policy.viewable(people.mary)) == {"Amy", "Ben", "Rita"}
    assert names(policy.allocatable(people.mary)) == {"Amy", "Ben", "Rita"}
    assert list(policy.teams(people.mary)) == [people.hilltop]


def test_a_restricted_record_is_hidden_even_from_its_allocated_worker(
    people: Personas,
) -> None:
    assert people.rita.worker == people.alice
    assert "Rita" not in names(policy.viewable(people.alice))
    assert "Rita" not in names(policy.viewable(people.by_role[Role.HEAD_OF_SERVICE]))
    assert "Rita" in names(policy.viewable(people.mary))


def test_a_service_manager_sees_every_team_in_the_service(people: Personas) -> None:
    manager = people.by_role[Role.SERVICE_MANAGER]
    assert names(policy.viewable(manager)) == {"Amy", "Ben", "Cara"}
    assert set(policy.teams(manager)) == {people.hilltop, people.riverside}


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        (Role.HEAD_OF_SERVICE, {"Amy", "Ben", "Cara", "Fay", "Adam"}),
        (Role.REVIEWING_OFFICER, {"Amy", "Ben", "Cara", "Fay", "Adam"}),
        (Role.QUALITY_ASSURANCE, {"Amy", "Ben", "Cara", "Fay", "Adam"}),
        (Role.LADO, {"Adam"}),
        (Role.PERFORMANCE_ANALYST, set()),
        (Role.ADMINISTRATOR, set()),
        (Role.COUNCILLOR, set()),
    ],
)
def test_each_role_reaches_what_it_should(people: Personas, role: Role, sees: set[str]) -> None:
    assert names(policy.viewable(people.by_role[role])) == sees


@pytest.mark.parametrize("role", [Role.QUALITY_ASSURANCE, Role.COUNCILLOR, Role.ADMINISTRATOR])
def test_read_only_roles_change_nothing(people: Personas, role: Role) -> None:
    user = people.by_role[role]
    assert not policy.changeable(user).exists()
    assert not policy.allocatable(user).exists()


def test_a_deactivated_user_sees_nothing(people: Personas) -> None:
    people.mary.is_active = False
    people.mary.save()
    assert not policy.viewable(people.mary).exists()


def test_querysets_have_no_duplicate_rows(people: Personas) -> None:
    manager = people.by_role[Role.SERVICE_MANAGER]
    ids = list(policy.viewable(manager).values_list("pk", flat=True))
    expected = Person.objects.filter(team__service__name__startswith="Children", restricted=False)
    assert len(ids) == len(set(ids)) == expected.count()
