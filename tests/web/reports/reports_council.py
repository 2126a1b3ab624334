"""A small council for the report and equality tests, on top of the personas: a team
with many unallocated children, one with a reason that names someone, and a month of
contacts, referrals and assessments (May 2024, the month before TODAY)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casework.records.actions.events import EventInput, record_event
from casework.records.models import Person
from casework.site.testing import Personas

D = dt.date
CAPACITY = "Team at capacity; duty worker in touch"
NAMING_REASON = "Zed Zulu asked for a worker who speaks Tigrinya"


@dataclass
class Council:
    people: Personas
    unallocated: list[Person]
    referred: list[Person]


def _child(n: int, given: str, family: str, **kwargs: object) -> Person:
    return Person.objects.create(
        reference=f"R{n:06d}",
        given_name=given,
        family_name=family,
        date_of_birth=D(2012, 5, 1),
        **kwargs,
    )


def build_council(people: Personas) -> Council:
    unallocated = [
        _child(
            100 + i,
            f"Kit{chr(97 + i)}",
            "Quill",
            team=people.hilltop,
            unallocated_reason=CAPACITY,
            ethnicity="WBRI",
            sex="F",
        )
        for i in range(8)
    ]
    unallocated.append(
        _child(
            200,
            "Zed",
            "Zulu",
            team=people.hilltop,
            unallocated_reason=NAMING_REASON,
            ethnicity="BAFR",
            sex="M",
        )
    )
    referred = []
    for i in range(12):
        ethnicity = "BAFR" if i < 4 else "WBRI"
        child = _child(
            300 + i,
            f"Lu{chr(97 + i)}",
            "Marsh",
            team=people.riverside,
            worker=people.bob,
            ethnicity=ethnicity,
            sex="M" if i % 2 else "F",
        )
        referred.append(child)
        alice = people.alice
        record_event(alice, child, EventInput(type="contact", occurred=D(2024, 5, 2)))
        record_event(alice, child, EventInput(type="referral", occurred=D(2024, 5, 3)))
        # Three of the four Black African children's assessments take too long.
        started = D(2024, 2, 1) if ethnicity == "BAFR" and i < 3 else D(2024, 5, 7)
        record_event(alice, child, EventInput(type="assessment_start", occurred=started))
        record_event(alice, child, EventInput(type="assessment_complete", occurred=D(2024, 5, 24)))
    return Council(people, unallocated, referred)
