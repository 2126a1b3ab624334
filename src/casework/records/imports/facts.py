"""Each person's facts and events from the database, as the exports read them."""

from __future__ import annotations

import datetime as dt
import gc
from collections import defaultdict
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from casework.accounts.models import User
from casework.records.imports.lists import Found, PersonFacts
from casework.records.models import Event, Person, PersonKind


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused (and restored after): an export makes hundreds of
    thousands of small objects and no cycles, and each full collection would walk them all
    again, a quarter of the export's time for a large council."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class PersonEvents:
    facts: PersonFacts
    events: dict[str, list[Found]] = field(default_factory=lambda: defaultdict(list))


def people_with_events(
    as_of: dt.date, types: Collection[str] | None = None
) -> dict[int, PersonEvents]:
    """Everyone, by primary key, with their events on or before `as_of` (not withdrawn) in
    date order, by type; only the `types` given (and `birth`) when they are. The facts are
    the front sheet's, or the imported `birth` event's where there is one."""
    names = {
        pk: f"{first} {last}".strip() or username
        for pk, username, first, last in User.objects.values_list(
            "pk", "username", "first_name", "last_name"
        )
    }
    people: dict[int, PersonEvents] = {}
    for row in Person.objects.values_list(
        "pk", "reference", "kind", "date_of_birth", "sex", "ethnicity", "disability", "uasc"
    ):
        pk, reference, kind, born, sex, ethnicity, disability, uasc = row
        facts = PersonFacts(
            reference=reference,
            adult=kind == PersonKind.ADULT,
            born=born,
            details={
                "sex": sex,
                "ethnicity": ethnicity,
                "disability": "yes" if disability else "",
                "uasc": "yes" if uasc else "",
            },
            as_of=as_of,
        )
        people[pk] = PersonEvents(facts)
    events = Event.objects.filter(withdrawn=False, occurred__lte=as_of)
    if types is not None:
        events = events.filter(type__in=sorted({*types, "birth"}))
    rows = events.order_by("person_id", "occurred", "id").values_list(
        "person_id", "type", "occurred", "details", "worker_id"
    )
    current: PersonEvents | None = None
    current_id = None
    for person_id, type_, occurred, details, worker_id in rows.iterator(chunk_size=5000):
        if person_id != current_id:
            current, current_id = people[person_id], person_id
        assert current is not None
        if type_ == "birth":
            # The return's own facts, where the child's came from one.
            current.facts.details = dict(details or {})
            current.facts.born = occurred
            continue
        worker = names.get(worker_id, "") if worker_id else ""
        current.events[type_].append(Found(occurred, details or {}, worker))
    return people
