"""Obligations and chronology rows shaped for pages: explained, coloured, in order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from casework import engine
from casework.records.evaluation import standard_for
from casework.records.models import ChronologyEntry, Event, Obligation, ObligationStatus
from casework.standards import vocabulary


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


AMBER_DAYS = 7  # due within a week


def rag_for(next_due: dt.date | None, overdue: int, today: dt.date) -> Rag:
    """Red: something is overdue. Amber: something is due within a week. Green: neither."""
    if overdue or (next_due is not None and next_due < today):
        return Rag.RED
    if next_due is not None and next_due <= today + dt.timedelta(days=AMBER_DAYS):
        return Rag.AMBER
    return Rag.GREEN


def standard_title(standard_id: str) -> str:
    standard = standard_for(standard_id)
    return standard.title if standard else standard_id


@dataclass(frozen=True)
class ObligationRow:
    row: Obligation
    title: str
    status: ObligationStatus
    rag: Rag
    sentence: str
    source: str


def present(row: Obligation, today: dt.date) -> ObligationRow:
    status = row.status_on(today)
    standard = standard_for(row.standard)
    sentence = ""
    if standard is not None:
        sentence = engine.explain(
            engine.Obligation(
                child_id=str(row.person_id),
                standard=row.standard,
                sequence=row.sequence,
                trigger=row.trigger,
                trigger_event=row.trigger_event,
                due=row.due,
                status=engine.Status(status.value),
                met_on=row.met_on,
                met_event=row.met_event,
                episode_id=row.episode_key,
                due_at=row.due_at.replace(tzinfo=None) if row.due_at else None,
            ),
            standard,
        )
    outstanding = status in (ObligationStatus.OPEN, ObligationStatus.OVERDUE)
    rag = rag_for(row.due, 0, today) if outstanding else Rag.GREEN
    return ObligationRow(
        row=row,
        title=standard.title if standard else row.standard,
        status=status,
        rag=rag,
        sentence=sentence,
        source=standard.source.cite() if standard else "",
    )


@dataclass(frozen=True)
class ChronologyRow:
    occurred: dt.date
    title: str
    summary: str
    details: list[tuple[str, str]]
    significant: bool
    area: str
    by: str
    event: Event | None = None


def chronology(events: list[Event], entries: list[ChronologyEntry]) -> list[ChronologyRow]:
    vocab = vocabulary().events
    rows = [
        ChronologyRow(
            occurred=e.occurred,
            title=e.title,
            summary=e.note,
            details=e.detail_items(),
            significant=e.significant,
            area=vocab[e.type].area if e.type in vocab else "",
            by=e.worker.display_name if e.worker else "",
            event=e,
        )
        for e in events
    ]
    rows += [
        ChronologyRow(
            occurred=c.occurred,
            title=c.title,
            summary=c.summary,
            details=[],
            significant=c.significant,
            area="chronology entry",
            by=c.written_by.display_name,
        )
        for c in entries
    ]
    rows.sort(key=lambda r: r.occurred, reverse=True)
    return rows
