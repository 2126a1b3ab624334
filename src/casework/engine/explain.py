"""Plain-English explanations of due dates, for practitioners and managers."""

from __future__ import annotations

import datetime as dt

from casework.engine.types import Obligation, Status
from casework.standards.model import Kind, Standard
from casework.standards.vocabulary import vocabulary


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def event_phrase(event: str) -> str:
    """'cp_plan_start' -> 'the child protection plan started'."""
    known = vocabulary().events.get(event)
    title = known.title if known else event.replace("_", " ")
    if len(title) > 1 and title[1].islower():
        title = title[0].lower() + title[1:]
    return f"the {title}"


def _trigger_phrase(obligation: Obligation, standard: Standard) -> str:
    if obligation.trigger_event == "birthday":
        age = standard.trigger.birthday or 0
        return f"the child's {_ordinal(age)} birthday on {long_date(obligation.trigger)}"
    return f"{event_phrase(obligation.trigger_event)} on {long_date(obligation.trigger)}"


def explain(obligation: Obligation, standard: Standard) -> str:
    """One sentence: when it is due, why, and what has happened since.

    "Due 22 January 2024: 10 working days after the child protection plan started on
    8 January 2024; met by the child protection visit on 19 January 2024."
    """
    interval = standard.interval(obligation.sequence) if standard.intervals else None
    amount = str(interval) if interval is not None else "the timescale"
    due = long_date(obligation.due)
    if obligation.due_at is not None:
        due += f" at {obligation.due_at:%H:%M}"
    trigger = _trigger_phrase(obligation, standard)
    if standard.kind is Kind.RECORDING:
        why = f"to be written up within {amount} of {trigger}"
        done = "written up"
    elif standard.kind is Kind.BEFORE:
        why = f"{amount} before {trigger}"
        done = "done"
    else:
        why = f"{amount} after {trigger}"
        done = "met"
    return f"Due {due}: {why}; {_outcome(obligation, standard, done)}."


def _outcome(obligation: Obligation, standard: Standard, done: str) -> str:
    met_on = obligation.met_on
    if met_on is not None:
        what = (
            "" if standard.kind is Kind.RECORDING else f" by {event_phrase(obligation.met_event)}"
        )
        if obligation.status is Status.LATE:
            days = (met_on - obligation.due).days
            late = f"{days} day{'s' if days != 1 else ''} late"
            if days == 0:
                late = "late on the day"
            return f"{done}{what} on {long_date(met_on)}, {late}"
        return f"{done}{what} on {long_date(met_on)}"
    if obligation.status is Status.OVERDUE:
        return f"not {done} yet, so it is overdue"
    return f"not {done} yet"
