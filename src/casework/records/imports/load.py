"""Import a statutory return into the database: idempotent, and atomic per file.

Children are matched on their identifier (the person's case number), so that the same
child in an Annex A, a CIN census and an SSDA903 return is one person. An event is matched
on its person, type, date and the return it came from: importing the same file again, or a
later return that repeats the same facts, adds nothing. A matched event whose details
differ becomes a new version of it, the old one kept. Every imported event records the
file, sheet and row it came from (`ImportedEvent`). The children touched are re-evaluated
in the same transaction, so a failure leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from casework.accounts.models import User
from casework.engine.types import Event as EngineEvent
from casework.interchange import Conversion, convert
from casework.records.actions.events import keep_version
from casework.records.evaluation import now, reevaluate, reevaluate_everyone
from casework.records.imports.models import ImportedEvent
from casework.records.models import (
    Ethnicity,
    Event,
    EventSource,
    Person,
    PersonKind,
    Sex,
)

# Above this many children touched, everyone is re-evaluated at once (the daily sweep),
# which is far quicker than one person at a time.
EVALUATE_ONE_BY_ONE = 300
DISABLED = "Disabled (as the return says)"


@dataclass
class Imported:
    """What an import did."""

    kind: str
    path: Path
    conversion: Conversion
    people_added: int = 0
    people_updated: int = 0
    events_added: int = 0
    events_updated: int = 0
    events_unchanged: int = 0
    touched: set[int] = field(default_factory=set)

    @property
    def changed(self) -> bool:
        return bool(
            self.people_added or self.people_updated or self.events_added or self.events_updated
        )


def import_return(kind: str, path: Path | str) -> Imported:
    """Convert a return and import it in one transaction. Raises ReadFailure (nothing
    written) when the file cannot be read at all."""
    conversion = convert(kind, path)
    return import_conversion(conversion)


def import_conversion(conversion: Conversion) -> Imported:
    result = Imported(conversion.kind, conversion.path, conversion)
    with transaction.atomic():
        people = _people(conversion, result)
        _events(conversion, people, result)
        if len(result.touched) > EVALUATE_ONE_BY_ONE:
            reevaluate_everyone()
        else:
            for person in Person.objects.filter(pk__in=result.touched).order_by("pk"):
                reevaluate(person)
    return result


# --- people -----------------------------------------------------------------------------


def _people(conversion: Conversion, result: Imported) -> dict[str, Person]:
    adopters = set(conversion.adopters)
    wanted = sorted(set(conversion.children) | adopters)
    births = {e.child_id: e for e in conversion.events if e.event == "birth"}
    found: dict[str, Person] = {}
    for start in range(0, len(wanted), 2000):
        chunk = wanted[start : start + 2000]
        found.update((p.reference, p) for p in Person.objects.filter(reference__in=chunk))
    new: list[Person] = []
    for reference in wanted:
        birth = births.get(reference)
        person = found.get(reference)
        if person is None:
            adult = reference in adopters and reference not in conversion.children
            person = Person(
                reference=reference,
                kind=PersonKind.ADULT if adult else PersonKind.CHILD,
                given_name="Adopter" if adult else "Child",
                family_name=reference,
            )
            if birth is not None:
                _fill_front_sheet(person, birth)
            new.append(person)
        elif birth is not None:
            changed = _fill_front_sheet(person, birth)
            if changed:
                person.save(update_fields=changed)
                result.people_updated += 1
                result.touched.add(person.pk)
    Person.objects.bulk_create(new, batch_size=2000)
    for person in new:
        found[person.reference] = person
        result.touched.add(person.pk)
    result.people_added = len(new)
    return found


def _fill_front_sheet(person: Person, birth: EngineEvent) -> list[str]:
    """Fill the front sheet's blanks from the return's facts; what is recorded is kept."""
    changed: list[str] = []
    facts = birth.details
    if person.date_of_birth is None:
        person.date_of_birth = birth.occurred
        changed.append("date_of_birth")
    sex = facts.get("sex", "")
    if person.sex == Sex.UNKNOWN and sex in Sex.values and sex != Sex.UNKNOWN:
        person.sex = sex
        changed.append("sex")
    ethnicity = facts.get("ethnicity", "")
    unknown = person.ethnicity in ("", Ethnicity.NOBT)
    if unknown and ethnicity in Ethnicity.values and ethnicity != person.ethnicity:
        person.ethnicity = ethnicity
        changed.append("ethnicity")
    if facts.get("uasc") == "yes" and not person.uasc:
        person.uasc = True
        changed.append("uasc")
    if facts.get("disability") == "yes" and not person.disability:
        person.disability = DISABLED
        changed.append("disability")
    return changed


# --- events -----------------------------------------------------------------------------

Key = tuple[int, str, dt.date]


def _workers() -> dict[str, int]:
    """Staff by their full name or user name (lower case); a name two staff share is not
    used."""
    names: dict[str, int | None] = {}
    for pk, username, first, last in User.objects.values_list(
        "pk", "username", "first_name", "last_name"
    ):
        for name in {username.lower(), f"{first} {last}".strip().lower()}:
            if name:
                names[name] = None if name in names and names[name] != pk else pk
    return {name: pk for name, pk in names.items() if pk is not None}


def _existing(kind: str, person_ids: Sequence[int]) -> dict[Key, list[Event]]:
    """The events already imported from this kind of return, by (person, type, date)."""
    found: dict[Key, list[Event]] = defaultdict(list)
    for start in range(0, len(person_ids), 2000):
        rows = Event.objects.filter(
            person_id__in=person_ids[start : start + 2000], imported__kind=kind
        ).order_by("id")
        for event in rows:
            found[(event.person_id, event.type, event.occurred)].append(event)
    return found


def _split(source: str) -> tuple[str, str, int]:
    file, _, rest = source.split("; ")[0].partition(":")
    sheet, _, row = rest.rpartition(":")
    return file[:255], sheet[:100], int(row) if row.isdigit() else 0


def _events(conversion: Conversion, people: dict[str, Person], result: Imported) -> None:
    workers = _workers()
    ids = sorted({p.pk for p in people.values()})
    existing = _existing(conversion.kind, ids)
    moment = now()
    added: list[tuple[Event, str]] = []
    for event, source in zip(conversion.events, conversion.sources, strict=True):
        person = people[event.child_id]
        details = {k: v for k, v in event.details.items() if v != ""}
        worker_id = workers.get(event.worker.lower()) if event.worker else None
        matches = existing.get((person.pk, event.event, event.occurred))
        if matches:
            stored = matches.pop(0)
            if stored.details == details and stored.worker_id == worker_id:
                result.events_unchanged += 1
                continue
            _new_version(stored, details, worker_id, source, moment)
            result.events_updated += 1
            result.touched.add(person.pk)
            continue
        row = Event(
            person=person,
            type=event.event,
            occurred=event.occurred,
            occurred_time=event.occurred_at.time() if event.occurred_at else None,
            recorded=moment.date(),
            recorded_at=moment,
            worker_id=worker_id,
            details=details,
            written_at=moment,
            source=EventSource.IMPORTED,
        )
        added.append((row, source))
        result.touched.add(person.pk)
    Event.objects.bulk_create([e for e, _ in added], batch_size=2000)
    ImportedEvent.objects.bulk_create(
        (_source_row(event, conversion.kind, source) for event, source in added), batch_size=2000
    )
    result.events_added = len(added)


def _source_row(event: Event, kind: str, source: str) -> ImportedEvent:
    file, sheet, row = _split(source)
    return ImportedEvent(event=event, kind=kind, file=file, sheet=sheet, row=row, sources=source)


def _new_version(
    event: Event, details: dict[str, str], worker_id: int | None, source: str, moment: Any
) -> None:
    """Keep the event as it stood, then make the return's values its new version."""
    keep_version(event)
    event.details = details
    event.worker_id = worker_id
    event.version += 1
    event.written_by = None
    event.written_at = moment
    event.reason = f"Imported again from {_split(source)[0]}"
    event.save()
    file, sheet, row = _split(source)
    ImportedEvent.objects.filter(event=event).update(
        file=file, sheet=sheet, row=row, sources=source
    )
