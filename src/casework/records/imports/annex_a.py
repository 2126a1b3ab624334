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
from pathlib import Path

from casework.interchange import xlsx_writer
from casework.interchange.annex_a import LISTS
from casework.records.imports.facts import collector_paused, people_with_events
from casework.records.imports.lists import ROWS, TYPES

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


def export_annex_a(path: Path, as_of: dt.date, *, window: bool = True) -> dict[int, int]:
    """Write the eleven lists to `path` (.xlsx). Returns the rows written, by list."""
    with collector_paused():
        return _export(path, as_of, window)


def _export(path: Path, as_of: dt.date, window: bool) -> dict[int, int]:
    people = list(people_with_events(as_of, TYPES).values())
    written: dict[int, int] = {}
    sheets: list[tuple[str, list[list[object]]]] = []
    for number in range(1, 12):
        columns = list(LISTS[number])
        rows: list[list[object]] = [list(headers(number))]
        build = ROWS[number]
        adult = number == 11
        for person in people:
            if person.facts.adult != adult:
                continue
            for row in build(person.facts, person.events, window):
                rows.append([row.get(name) for name in columns])
        written[number] = len(rows) - 1
        sheets.append((TITLES[number], rows))
    xlsx_writer.write(path, sheets)
    return written
