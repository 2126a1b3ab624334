"""The people every web test uses, built afresh for each test.

Alice is a social worker in the Hilltop child protection team with Amy on her caseload.
Bob is her colleague in the same team. Olivia is a social worker in another team, in
another service: she must see nothing of Hilltop's children. Mary manages Hilltop. Carl is
a councillor and sees figures only. There is one user for every other role too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casework.accounts.models import User
from casework.accounts.roles import Role
from casework.records.actions.events import EventInput, record_event
from casework.records.models import Person, PersonKind, Service, Team

TODAY = dt.date(2024, 6, 28)  # a Friday
PASSWORD = "correct horse battery staple"


@dataclass
class Personas:
    hilltop: Team
    riverside: Team
    faraway: Team
    alice: User  # social worker, Hilltop
    bob: User  # social worker, Hilltop (the colleague)
    olivia: User  # social worker, Faraway, another service (the outsider)
    mary: User  # team manager, Hilltop
    carl: User  # councillor
    by_role: dict[Role, User]
    amy: Person  # Alice's child, on a child protection plan
    ben: Person  # held by Hilltop, unallocated
    cara: Person  # held by Riverside (same service as Hilltop)
    fay: Person  # held by Faraway, Olivia's child
    rita: Person  # Hilltop, restricted to Mary alone
    adam: Person  # an adult subject of an allegation (LADO)


def _user(username: str, role: Role, team: Team | None, first: str, last: str) -> User:
    user = User(username=username, role=role, team=team, first_name=first, last_name=last)
    user.set_password(PASSWORD)
    user.save()
    return user


def _person(reference: str, given: str, family: str, **kwargs: object) -> Person:
    return Person.objects.create(
        reference=reference,
        given_name=given,
        family_name=family,
        date_of_birth=dt.date(2015, 3, 1),
        **kwargs,
    )


def build() -> Personas:
    children = Service.objects.create(name="Children's social care")
    early = Service.objects.create(name="Early help and prevention")
    hilltop = Team.objects.create(name="Hilltop child protection team", service=children)
    riverside = Team.objects.create(name="Riverside child in need team", service=children)
    faraway = Team.objects.create(name="Faraway early help team", service=early)

    alice = _user("alice", Role.SOCIAL_WORKER, hilltop, "Alice", "Archer")
    bob = _user("bob", Role.SOCIAL_WORKER, hilltop, "Bob", "Baker")
    olivia = _user("olivia", Role.SOCIAL_WORKER, faraway, "Olivia", "Owen")
    mary = _user("mary", Role.TEAM_MANAGER, hilltop, "Mary", "Mason")
    carl = _user("carl", Role.COUNCILLOR, None, "Carl", "Cole")
    by_role = {
        Role.SOCIAL_WORKER: alice,
        Role.TEAM_MANAGER: mary,
        Role.COUNCILLOR: carl,
        Role.ASSISTANT_TEAM_MANAGER: _user(
            "atm", Role.ASSISTANT_TEAM_MANAGER, hilltop, "Ann", "Tate"
        ),
        Role.SERVICE_MANAGER: _user("sm", Role.SERVICE_MANAGER, riverside, "Sam", "Moss"),
        Role.HEAD_OF_SERVICE: _user("hos", Role.HEAD_OF_SERVICE, None, "Hana", "Ortiz"),
        Role.REVIEWING_OFFICER: _user("iro", Role.REVIEWING_OFFICER, None, "Ira", "Rowe"),
        Role.LADO: _user("lado", Role.LADO, None, "Lee", "Dodd"),
        Role.QUALITY_ASSURANCE: _user("qa", Role.QUALITY_ASSURANCE, None, "Quinn", "Ash"),
        Role.PERFORMANCE_ANALYST: _user("pa", Role.PERFORMANCE_ANALYST, None, "Pat", "Ames"),
        Role.ADMINISTRATOR: _user("admin", Role.ADMINISTRATOR, None, "Adi", "Min"),
    }

    amy = _person("C000001", "Amy", "Adams", team=hilltop, worker=alice)
    ben = _person(
        "C000002",
        "Ben",
        "Brown",
        team=hilltop,
        unallocated_reason="Worker left; awaiting allocation",
        contact_arrangement="Duty worker phones the family weekly",
    )
    cara = _person("C000003", "Cara", "Clark", team=riverside)
    fay = _person("C000004", "Fay", "Fox", team=faraway, worker=olivia)
    rita = _person("C000005", "Rita", "Reed", team=hilltop, worker=alice, restricted=True)
    rita.restricted_to.add(mary)
    adam = _person("A000001", "Adam", "Ault", kind=PersonKind.ADULT)
    adam.date_of_birth = dt.date(1980, 1, 1)
    adam.save()

    # Amy has been on a child protection plan since 10 June: visits every 10 working days.
    start = EventInput(type="cp_plan_start", occurred=dt.date(2024, 6, 10), worker=alice)
    record_event(alice, amy, start)
    return Personas(
        hilltop=hilltop,
        riverside=riverside,
        faraway=faraway,
        alice=alice,
        bob=bob,
        olivia=olivia,
        mary=mary,
        carl=carl,
        by_role=by_role,
        amy=amy,
        ben=ben,
        cara=cara,
        fay=fay,
        rita=rita,
        adam=adam,
    )
