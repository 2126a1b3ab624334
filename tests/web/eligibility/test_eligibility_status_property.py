"""Property: whatever care-history events are recorded, corrected and withdrawn, in any
order, the stored care-leaver status is the one worked out afresh from the events that
stand."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casework import engine
from casework.eligibility import care_leaver_status
from casework.records.actions.events import (
    Correction,
    EventInput,
    correct_event,
    record_event,
    withdraw_event,
)
from casework.records.models import CareLeaverStanding, Event, Person
from casework.site.testing import TODAY, Personas

BORN = dt.date(2007, 9, 30)  # 16 on 30 September 2023, 17 a little after TODAY
FIRST = dt.date(2021, 9, 30)  # the 14th birthday

days = st.integers(min_value=0, max_value=(TODAY - FIRST).days).map(
    lambda n: FIRST + dt.timedelta(days=n)
)
reasons = st.sampled_from(["", "returned_home", "detained", "E13"])
steps = st.lists(
    st.one_of(
        st.tuples(st.just("record"), st.sampled_from(["cic_start", "cic_end"]), days, reasons),
        st.tuples(st.just("record"), st.sampled_from(["returned_home_ended", "released"]), days),
        st.tuples(st.just("correct"), st.integers(0, 20), days, reasons),
        st.tuples(st.just("withdraw"), st.integers(0, 20)),
    ),
    min_size=1,
    max_size=8,
)


def from_scratch(person: Person) -> str | None:
    rows = Event.objects.filter(person=person, withdrawn=False)
    events = [
        engine.Event("x", e.type, e.occurred, details={k: str(v) for k, v in e.details.items()})
        for e in rows
    ]
    if not any(e.event == "cic_start" for e in events):
        return None
    result = care_leaver_status(events, TODAY)
    return f"{result.status}|{result.reason}"


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=steps)
def test_the_stored_status_always_matches_the_events_that_stand(
    people: Personas, steps: list[tuple[object, ...]]
) -> None:
    with transaction.atomic():
        person = Person.objects.create(
            reference="C000097", given_name="Eve", family_name="Ede", date_of_birth=BORN
        )
        record_event(people.alice, person, EventInput(type="birth", occurred=BORN))
        for step in steps:
            care = list(
                Event.objects.filter(person=person, withdrawn=False)
                .exclude(type="birth")
                .order_by("id")
            )
            if step[0] == "record":
                kind, day = str(step[1]), step[2]
                assert isinstance(day, dt.date)
                details = {"reason": str(step[3])} if kind == "cic_end" and step[3] else {}
                record_event(
                    people.alice, person, EventInput(type=kind, occurred=day, details=details)
                )
            elif care and step[0] == "correct":
                index, day, reason = step[1], step[2], step[3]
                assert isinstance(index, int)
                assert isinstance(day, dt.date)
                event = care[index % len(care)]
                details = {"reason": str(reason)} if event.type == "cic_end" else event.details
                correct_event(
                    people.alice,
                    event,
                    Correction(day, None, None, details, "", "Corrected in a test"),
                )
            elif care and step[0] == "withdraw":
                index = step[1]
                assert isinstance(index, int)
                withdraw_event(people.alice, care[index % len(care)], "Entered in error")
            stored = CareLeaverStanding.objects.filter(person=person).first()
            assert (f"{stored.status}|{stored.reason}" if stored else None) == from_scratch(person)
        transaction.set_rollback(True)
