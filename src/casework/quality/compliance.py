"""Is the programme itself being kept? For each scheduled case file audit: how many files
were audited against how many the programme asks for (6 a month for each team manager, one
a month for each team by the data management officer, the quarterly senior manager audits)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from django.db.models import Count, Q

from casework.quality.models import AuditStatus, ScheduledAudit


class Kept(enum.StrEnum):
    DONE = "done"
    IN_HAND = "in hand"  # not yet held, or the month is not over
    MISSED = "missed"

    @property
    def label(self) -> str:
        return {"done": "Done", "in hand": "Not due yet", "missed": "Not done"}[self.value]

    @property
    def colour(self) -> str:
        return {"done": "green", "in hand": "blue", "missed": "red"}[self.value]


@dataclass(frozen=True)
class Row:
    scheduled: ScheduledAudit
    who: str
    audited: int
    required: int
    kept: Kept


def _rows(audits: list[ScheduledAudit], today: dt.date) -> list[Row]:
    rows = []
    for audit in audits:
        audited = int(getattr(audit, "audited", 0))
        required = audit.files or 1
        if audited >= required:
            kept = Kept.DONE
        elif today <= audit.held_on:
            kept = Kept.IN_HAND
        else:
            kept = Kept.MISSED
        who = (
            audit.auditor.display_name
            if audit.auditor
            else audit.team.name
            if audit.team
            else audit.kind.auditors
        )
        rows.append(Row(audit, who, audited, required, kept))
    return rows


def _scheduled(**filters: object) -> list[ScheduledAudit]:
    done = Count("case_audits", filter=Q(case_audits__status=AuditStatus.COMPLETED))
    return list(
        ScheduledAudit.objects.filter(kind__template__gt="", **filters)
        .select_related("kind", "auditor", "team")
        .annotate(audited=done)
        .order_by("kind_id", "held_on", "team__name", "id")
    )


def for_month(year: int, month: int, today: dt.date) -> list[Row]:
    """Every scheduled case file audit of the month, with how far it was kept."""
    return _rows(_scheduled(year=year, month=month), today)


def senior_manager_audits(year: int, today: dt.date) -> list[Row]:
    """The year's quarterly senior manager audits (Climbié recommendation 30)."""
    return _rows(_scheduled(year=year, kind__key="senior-manager"), today)


@dataclass(frozen=True)
class Summary:
    done: int
    in_hand: int
    missed: int


def summary(rows: list[Row]) -> Summary:
    return Summary(
        done=sum(r.kept is Kept.DONE for r in rows),
        in_hand=sum(r.kept is Kept.IN_HAND for r in rows),
        missed=sum(r.kept is Kept.MISSED for r in rows),
    )
