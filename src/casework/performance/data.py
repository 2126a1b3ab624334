"""Reading the council's events, obligations and children out of the database for the
insight module (plain Python), quickly: only the columns and event types needed."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import numpy as np
from django.db import connection

from casework import engine
from casework.insight import EventIndex, Owed
from casework.insight.compute import NOT_RECORDED
from casework.insight.compute import Person as Characteristics
from casework.records.models import (
    Episode,
    Event,
    Obligation,
    ObligationStatus,
    Person,
    PersonKind,
)
from casework.records.models.person import Ethnicity, Sex
from casework.standards import vocabulary

# The case type a child's open episodes give, the first found in this order.
CASE_TYPES = (
    "care_leaver",
    "child_in_care",
    "child_protection",
    "child_in_need",
    "section_47",
    "assessment",
    "disabled_children",
    "youth_offending",
    "early_help",
)
NO_OPEN_PLAN = "No open plan or assessment"


def load_events(types: Iterable[str] | None = None) -> EventIndex:
    """The current events (not withdrawn) of the given types, or every type, indexed, with
    each child's sex, ethnicity and disability taken from their front sheet."""
    qn = connection.ops.quote_name
    sql = (
        f"SELECT e.person_id, e.type, {_epoch_days('e.occurred')}, ep.{qn('key')}, e.details "
        f"FROM {qn(Event._meta.db_table)} e "
        f"LEFT JOIN {qn(Episode._meta.db_table)} ep ON ep.id = e.episode_id "
        "WHERE e.withdrawn = %s"
    )
    params: list[Any] = [False]
    if types is not None:
        wanted = sorted(set(types))
        sql += f" AND e.type IN ({', '.join(['%s'] * len(wanted))})"
        params += wanted
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    # A council's events fall on a few thousand days and carry a few thousand different
    # details, so each is converted once (the details are shared, and only ever read).
    days: dict[int, dt.date] = {}
    texts: dict[str, dict[str, str]] = {}
    events = []
    for person, kind, number, episode, details in rows:
        day = days.get(number)
        if day is None:
            day = days[number] = EPOCH + dt.timedelta(days=number)
        if isinstance(details, str):
            found = texts.get(details)
            if found is None:
                found = texts[details] = _text(details)
        else:
            found = _text(details)
        events.append(
            engine.Event(
                child_id=str(person),
                event=kind,
                occurred=day,
                episode_id=episode or "",
                details=found,
            )
        )
    index = EventIndex(events)
    for child, born, sex, ethnicity, disability in Person.objects.filter(
        kind=PersonKind.CHILD
    ).values_list("pk", "date_of_birth", "sex", "ethnicity", "disability"):
        index.people[str(child)] = Characteristics(
            birth=born,
            sex=_SEX.get(sex, NOT_RECORDED),
            ethnicity=_ETHNICITY.get(ethnicity, NOT_RECORDED) if ethnicity else NOT_RECORDED,
            disability="yes" if disability.strip() else "none recorded",
        )
    return index


EPOCH = dt.date(1970, 1, 1)


def _text(details: Any) -> dict[str, str]:
    if isinstance(details, str):  # SQLite hands JSON back as text
        details = json.loads(details) if details else {}
    if not isinstance(details, dict):
        return {}
    return {str(k): "" if v is None else str(v) for k, v in details.items()}


_SEX = {str(v): str(label) for v, label in Sex.choices}
_ETHNICITY = {str(v): str(label) for v, label in Ethnicity.choices}


# Each obligation comes back packed into one whole number: the person's id, the due day
# (days since 1 January 1970, shifted to be positive) and the status code.
_DAY_BITS = 19
_DAY_SHIFT = 1 << (_DAY_BITS - 1)
_SEPARATOR = "\x1f"  # between standard ids (the ASCII unit separator)


def load_owed(
    as_of: dt.date,
    *,
    standard: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Owed:
    """The stored obligations (one standard's, or all), as they stand on `as_of`.

    There are hundreds of thousands, so the database joins them into two long strings (the
    packed numbers and the standard ids) rather than returning a row each, and NumPy reads
    the numbers back: no Python object is made per obligation but each standard's id."""
    qn = connection.ops.quote_name
    day = connection.ops.adapt_datefield_value
    where = ["(status <> %s OR due < %s)"]
    params: list[Any] = [ObligationStatus.OPEN.value, day(as_of)]
    if standard:
        where.append("standard = %s")
        params.append(standard)
    if start is not None:
        where.append("due >= %s")
        params.append(day(start))
    if end is not None:
        where.append("due <= %s")
        params.append(day(end))
    codes = " ".join(
        f"WHEN '{status.value}' THEN {n}"
        for n, status in enumerate(
            (ObligationStatus.MET, ObligationStatus.LATE, ObligationStatus.OVERDUE)
        )
    )
    packed = (
        f"((person_id * {1 << _DAY_BITS} + {_epoch_days('due')} + {_DAY_SHIFT}) * 4 "
        f"+ CASE status {codes} ELSE 3 END)"
    )
    table = qn(Obligation._meta.db_table)
    if connection.vendor == "postgresql":
        # Both lists in the same order, whatever plan the database chooses.
        select = (
            f"string_agg(CAST({packed} AS text), ',' ORDER BY id), "
            f"string_agg(standard, %s ORDER BY id)"
        )
    else:
        select = f"group_concat({packed}), group_concat(standard, %s)"
    sql = f"SELECT {select} FROM {table} WHERE {' AND '.join(where)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [_SEPARATOR, *params])
        numbers, standards = cursor.fetchone()
    if not numbers:
        return Owed.from_columns([], [], [], [], as_of)
    values = np.fromstring(numbers, dtype=np.int64, sep=",")
    parts = standards.split(_SEPARATOR)
    names = {name: n for n, name in enumerate(sorted(set(parts)))}
    standard_codes = np.fromiter(map(names.__getitem__, parts), dtype=np.int64, count=len(values))
    status = (values & 3).astype(np.int8)
    days = ((values >> 2) & ((1 << _DAY_BITS) - 1)) - _DAY_SHIFT
    people, child = np.unique(values >> (_DAY_BITS + 2), return_inverse=True)
    return Owed.from_coded(
        [str(p) for p in people.tolist()],
        child.reshape(-1),
        list(names),
        standard_codes,
        days.astype("datetime64[D]"),
        status,
        as_of,
    )


def _epoch_days(column: str) -> str:
    """SQL for a date column as days since 1 January 1970 (a whole number), so that the
    dates come back as plain numbers rather than hundreds of thousands of date objects."""
    if connection.vendor == "postgresql":
        return f"({column} - DATE '1970-01-01')"
    return f"CAST(julianday({column}) - 2440587.5 AS INTEGER)"


def attributes() -> dict[str, dict[str, str]]:
    """Each child's team, worker and case type now: the extra cuts."""
    titles = {name: ep.title for name, ep in vocabulary().episodes.items()}
    open_types: dict[int, set[str]] = {}
    for person, kind in Episode.objects.filter(ended__isnull=True).values_list("person_id", "type"):
        open_types.setdefault(person, set()).add(kind)
    found = {}
    rows = Person.objects.filter(kind=PersonKind.CHILD).values_list(
        "pk", "team__name", "worker__first_name", "worker__last_name", "worker_id"
    )
    for pk, team, first, last, worker in rows:
        types = open_types.get(pk, set())
        case = next((titles[t] for t in CASE_TYPES if t in types), NO_OPEN_PLAN)
        found[str(pk)] = {
            "team": team or "No team",
            "worker": f"{first} {last}".strip() if worker else "Unallocated",
            "case_type": case,
        }
    return found
