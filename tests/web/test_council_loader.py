"""Loading a synthetic council into the database, and evaluating it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from casework.accounts.models import User
from casework.engine import Event as EngineEvent
from casework.records.evaluation import reevaluate, reevaluate_everyone
from casework.records.loader import load_council, username_for
from casework.records.models import Episode, Event, EventSource, Obligation, Person
from casework.synth.model import Child, Council, Team, Worker

END = dt.date(2024, 6, 28)
VISIT_AT = dt.datetime(2024, 5, 10, 15, 30)  # noqa: DTZ001 (the engine's wall-clock time)


def child(id_: str, worker: str, team: str = "T01", **kwargs: object) -> Child:
    fields: dict[str, object] = {
        "id": id_,
        "given_name": "Test",
        "family_name": id_,
        "date_of_birth": dt.date(2014, 5, 5),
        "sex": "F",
        "ethnicity": "WBRI",
        "first_language": "English",
        "interpreter_needed": False,
        "disability": "",
        "uasc": False,
        "address": "1 Test Street",
        "postcode": "QV1 1AA",
        "gp": "Test Surgery",
        "school": "Test Primary",
        "status": "child_protection",
        "legal_status": "CP",
        "team": team,
        "worker": worker,
    }
    fields.update(kwargs)
    return Child(**fields)  # type: ignore[arg-type]


def council() -> Council:
    e = EngineEvent
    return Council(
        name="Testshire",
        seed=1,
        start=dt.date(2024, 1, 1),
        end=END,
        population=1000,
        teams=(
            Team("T01", "Child protection team", "child_protection", "Children's social care"),
            Team("T02", "Assessment team", "assessment", "Children's social care"),
        ),
        workers=(
            Worker("W1", "Sam", "Smith", "social_worker", "Social worker", "T01"),
            Worker("W2", "Sam", "Smith", "team_manager", "Team manager", "T01"),
            Worker("W3", "Jo", "Jones", "social_worker", "Social worker", "T02"),
        ),
        children=(
            child("C1", "W1"),
            child("C2", "", unallocated_reason="Awaiting allocation", contact_arrangement="Duty"),
            child("C3", "", team="", status="closed", legal_status=""),
        ),
        events=[
            e("C1", "cp_plan_start", dt.date(2024, 5, 1), episode_id="E1", worker="W1"),
            e("C1", "cp_visit", dt.date(2024, 5, 10), worker="W1", details={"seen": "yes"},
              occurred_at=VISIT_AT, recorded=dt.date(2024, 5, 13)),
            e("C2", "cp_plan_start", dt.date(2024, 2, 1), episode_id="E2"),
            e("C2", "cp_plan_end", dt.date(2024, 4, 1), episode_id="E2"),
            e("C3", "contact", dt.date(2024, 3, 1)),
        ],
    )  # fmt: skip


@pytest.mark.django_db
def test_it_loads_teams_staff_children_episodes_and_events() -> None:
    loaded = load_council(council())
    assert (loaded.teams, loaded.users, loaded.people, loaded.episodes, loaded.events) == (
        2, 3, 3, 2, 5,
    )  # fmt: skip
    c1 = Person.objects.get(reference="C1")
    assert c1.worker is not None
    assert c1.worker.username == "sam.smith"
    assert c1.team is not None
    assert c1.team.service.name == "Children's social care"
    assert (c1.address, c1.postcode) == ("1 Test Street", "QV1 1AA")
    c2 = Person.objects.get(reference="C2")
    assert (c2.worker, c2.unallocated_reason, c2.contact_arrangement) == (
        None, "Awaiting allocation", "Duty",
    )  # fmt: skip
    assert not Person.objects.get(reference="C3").is_open
    assert Episode.objects.get(person=c2).ended == dt.date(2024, 4, 1)
    visit = Event.objects.get(type="cp_visit")
    assert (visit.occurred_time, visit.recorded, visit.source) == (
        dt.time(15, 30), dt.date(2024, 5, 13), EventSource.IMPORTED,
    )  # fmt: skip
    assert not any(u.has_usable_password() for u in User.objects.all())


@pytest.mark.django_db
def test_the_whole_council_and_one_child_at_a_time_agree() -> None:
    load_council(council())
    reevaluate_everyone(END)

    def rows() -> list[tuple[object, ...]]:
        return sorted(
            Obligation.objects.values_list("person__reference", "standard", "sequence", "due",
                                           "status", "met_on")
        )  # fmt: skip

    everyone = rows()
    assert everyone
    for person in Person.objects.all():
        reevaluate(person, END)
    assert rows() == everyone
    c1 = Person.objects.get(reference="C1")
    assert c1.next_due is not None
    assert c1.evaluated_on == END


def test_user_names_are_unique() -> None:
    taken: set[str] = set()
    assert [username_for("Sam", "O'Neil", taken) for _ in range(3)] == [
        "sam.oneil", "sam.oneil2", "sam.oneil3",
    ]  # fmt: skip


@pytest.mark.django_db
def test_a_generated_council_evaluates_the_same_from_the_database_as_from_its_events() -> None:
    from casework.engine import evaluate_events
    from casework.records.evaluation import current_pack, engine_events
    from casework.synth import generate

    generated = generate(children=80, years=1.0, seed=3, end=END)
    load_council(generated)
    reference = dict(Person.objects.values_list("pk", "reference"))

    def key(o: Any, child: str) -> tuple[object, ...]:
        return (child, o.standard, o.sequence, o.trigger, o.due, o.status, o.met_on)

    pack = current_pack()
    direct = sorted(key(o, o.child_id) for o in evaluate_events(generated.events, pack, END))
    stored = sorted(
        key(o, reference[int(o.child_id)]) for o in evaluate_events(engine_events(), pack, END)
    )
    assert direct
    assert stored == direct
