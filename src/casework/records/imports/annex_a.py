"""Ofsted's Annex A lists 1 to 11 from the database, in the 2024 column set.

Each list is built from the events as they stand (not withdrawn, on or before the date):
one row per contact, referral, early help assessment, assessment, section 47 enquiry,
period as a child in need, child protection plan, period in care and adoption decision,
with the dates that follow it (up to the next one of its kind); one row per care leaver
and per adopter. With `window=True` (the default) each list keeps the rows Ofsted asks for:
contacts in the last six months; other rows that started, or were still open, in the last
twelve months. The workbook reads back with `casework.interchange`'s Annex A reader.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from casework.accounts.models import User
from casework.interchange.annex_a import LISTS
from casework.records.imports.lists import ROWS, Found, PersonFacts
from casework.records.models import Event, Person, PersonKind

TITLES = {
    1: "List 1 Contacts",
    2: "List 2 Early Help",
    3: "List 3 Referrals",
    4: "List 4 Assessments",
    5: "List 5 Section 47",
    6: "List 6 Children in Need",
    7: "List 7 Child Protection",
    8: "List 8 Children in Care",
    9: "List 9 Care Leavers",
    10: "List 10 Adoption",
    11: "List 11 Adopters",
}
# The 2024 names where they differ from the first name the reader knows.
HEADERS_2024 = {"age": "Age of Child (Years)"}


def headers(number: int) -> list[str]:
    return [HEADERS_2024.get(name, names[0]) for name, names in LISTS[number].items()]


@dataclass
class _Person:
    facts: PersonFacts
    events: dict[str, list[Found]] = field(default_factory=lambda: defaultdict(list))


def _people(as_of: dt.date) -> dict[int, _Person]:
    names = {
        pk: f"{first} {last}".strip() or username
        for pk, username, first, last in User.objects.values_list(
            "pk", "username", "first_name", "last_name"
        )
    }
    people: dict[int, _Person] = {}
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
        people[pk] = _Person(facts)
    events = (
        Event.objects.filter(withdrawn=False, occurred__lte=as_of)
        .order_by("person_id", "occurred", "id")
        .values_list("person_id", "type", "occurred", "details", "worker_id")
    )
    for person_id, type_, occurred, details, worker_id in events:
        person = people[person_id]
        if type_ == "birth":
            # The return's own facts, where the child's came from one.
            person.facts.details = dict(details or {})
            person.facts.born = occurred
            continue
        worker = names.get(worker_id, "") if worker_id else ""
        person.events[type_].append(Found(occurred, dict(details or {}), worker))
    return people


def export_annex_a(path: Path, as_of: dt.date, *, window: bool = True) -> dict[int, int]:
    """Write the eleven lists to `path` (.xlsx). Returns the rows written, by list."""
    people = _people(as_of)
    book = Workbook(write_only=True)
    written: dict[int, int] = {}
    for number in range(1, 12):
        sheet: Any = book.create_sheet(TITLES[number])
        columns = list(LISTS[number])
        sheet.append(headers(number))
        count = 0
        for person in people.values():
            if person.facts.adult != (number == 11):
                continue
            for row in ROWS[number](person.facts, person.events, window):
                sheet.append([row.get(name) for name in columns])
                count += 1
        written[number] = count
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return written
