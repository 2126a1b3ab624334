"""(events, pack, as-of date) -> obligations, for one child or a whole council."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from casework.calendar import WorkingCalendar, calendar_for
from casework.engine.obligations import ObligationTable, Part
from casework.engine.oneoff import evaluate_before, evaluate_one_off, evaluate_recording
from casework.engine.recurring import evaluate_recurring
from casework.engine.table import EventTable, day_number, table_of
from casework.engine.triggers import EpisodeCache, Triggers, find_triggers
from casework.engine.types import Event, Obligation
from casework.standards.model import Kind, Pack, Standard

Evaluator = Callable[[EventTable, Standard, Triggers, WorkingCalendar, int], Part]

EVALUATORS: dict[Kind, Evaluator] = {
    Kind.ONE_OFF: evaluate_one_off,
    Kind.RECURRING: evaluate_recurring,
    Kind.RECORDING: evaluate_recording,
    Kind.BEFORE: evaluate_before,
}


def evaluate(
    events: EventTable | Iterable[Event],
    pack: Pack,
    as_of: dt.date,
    *,
    standards: Iterable[str] | None = None,
) -> ObligationTable:
    """Every obligation owed under the pack's checkable standards, as of a date.

    Events that occurred after `as_of` are ignored, as if not yet recorded.
    """
    table = table_of(events).upto(as_of)
    wanted = set(standards) if standards is not None else None
    calendar = calendar_for(pack.calendar)
    as_of_day = day_number(as_of)
    episodes = EpisodeCache(table)
    present = set(table.type_names)
    parts: list[tuple[str, Part]] = []
    for standard in pack.checkable:
        if wanted is not None and standard.id not in wanted:
            continue
        if not _can_trigger(standard, present):
            continue
        triggers = find_triggers(table, standard, as_of_day, episodes)
        if len(triggers.child) == 0:
            continue
        part = EVALUATORS[standard.kind](table, standard, triggers, calendar, as_of_day)
        parts.append((standard.id, part))
    return ObligationTable.assemble(table, parts)


def _can_trigger(standard: Standard, present: set[str]) -> bool:
    """Skip standards none of whose trigger events occur (cheap, and most of them for one
    child)."""
    if standard.trigger.birthday is not None:
        return "birth" in present
    match = standard.trigger.match
    return match is not None and any(e in present for e in match.events)


def evaluate_events(
    events: EventTable | Iterable[Event],
    pack: Pack,
    as_of: dt.date,
    *,
    standards: Iterable[str] | None = None,
) -> list[Obligation]:
    """`evaluate`, as a list of Obligation objects."""
    return evaluate(events, pack, as_of, standards=standards).to_list()
