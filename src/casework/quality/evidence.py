"""What the record can say in answer to an audit question, to pre-fill the audit form.

Each question of the template may link to events and standards (case-file-audit.yaml,
`evidence:`). From them this module writes a plain sentence of what the record shows
("Child and family assessment completed 12 March 2026, within the last 12 months") and, where
the facts are clear, a suggested grade. The auditor confirms or corrects both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casework.quality.frameworks import AuditQuestion, AuditTemplate
from casework.records.evaluation import current_pack
from casework.records.models import Episode, Event, Obligation, ObligationStatus, Person
from casework.records.presenters import standard_title
from casework.standards import vocabulary

GOOD = "good"
REQUIRES_IMPROVEMENT = "requires-improvement"


@dataclass(frozen=True)
class Evidence:
    text: str
    suggested: str = ""  # a grade, or blank where the record cannot tell


def long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def year_before(day: dt.date) -> dt.date:
    """The same date a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def applies(question: AuditQuestion, episode_types: set[str]) -> bool:
    return not question.applies_to or bool(set(question.applies_to) & episode_types)


def questions_for(template: AuditTemplate, person: Person) -> list[AuditQuestion]:
    """The questions that apply to this child (some only to children in care, say)."""
    types = set(Episode.objects.filter(person=person).values_list("type", flat=True))
    return [q for q in template.questions if applies(q, types)]


def _event_title(name: str) -> str:
    known = vocabulary().events.get(name)
    return known.title if known else name.replace("_", " ")


def _latest_events(person: Person, types: tuple[str, ...]) -> dict[str, dt.date]:
    latest: dict[str, dt.date] = {}
    rows = Event.objects.filter(person=person, type__in=types, withdrawn=False).values_list(
        "type", "occurred"
    )
    for kind, day in rows:
        if kind not in latest or day > latest[kind]:
            latest[kind] = day
    return latest


def _standards(person: Person, standards: tuple[str, ...], today: dt.date) -> tuple[list[str], str]:
    pack = current_pack().name
    ids = [s.split("/", 1)[1] for s in standards if s.split("/", 1)[0] == pack]
    if not ids:
        return [], ""
    lines: list[str] = []
    worst = ""
    rows = Obligation.objects.filter(person=person, standard__in=ids)
    for standard in ids:
        mine = [o for o in rows if o.standard == standard]
        if not mine:
            continue
        statuses = [o.status_on(today) for o in mine]
        counts = {s: statuses.count(s) for s in ObligationStatus}
        parts = [
            f"{n} {label}"
            for s, label in (
                (ObligationStatus.MET, "met on time"),
                (ObligationStatus.LATE, "met late"),
                (ObligationStatus.OVERDUE, "overdue"),
                (ObligationStatus.OPEN, "not yet due"),
            )
            if (n := counts[s])
        ]
        lines.append(f"{standard_title(standard)}: {', '.join(parts)}.")
        if counts[ObligationStatus.OVERDUE] or counts[ObligationStatus.LATE]:
            worst = REQUIRES_IMPROVEMENT
        elif counts[ObligationStatus.MET] and worst != REQUIRES_IMPROVEMENT:
            worst = GOOD
    return lines, worst


def _front_sheet(person: Person) -> Evidence:
    missing = []
    if person.worker_id is None:
        missing.append("no allocated social worker")
    if person.ethnicity in ("", "NOBT"):
        missing.append("ethnicity not recorded")
    worker = person.worker.display_name if person.worker else ""
    found = [f"Allocated worker {worker}" if worker else "", _ethnicity(person)]
    found.append(
        f"disability: {person.disability}" if person.disability else "no disability recorded"
    )
    text = "; ".join(f for f in found if f) + "."
    if missing:
        return Evidence(f"{text} Missing: {', '.join(missing)}.", REQUIRES_IMPROVEMENT)
    return Evidence(text, GOOD)


def _ethnicity(person: Person) -> str:
    if person.ethnicity in ("", "NOBT"):
        return ""
    return f"ethnicity {person.get_ethnicity_display()}"


def _assessment(person: Person, today: dt.date) -> Evidence:
    latest = _latest_events(person, ("assessment_start", "assessment_complete"))
    if not latest:
        return Evidence("No assessment recorded.", REQUIRES_IMPROVEMENT)
    kind, day = max(latest.items(), key=lambda item: item[1])
    verb = "completed" if kind == "assessment_complete" else "started"
    if day >= year_before(today):
        return Evidence(f"Assessment {verb} {long(day)}, within the last 12 months.", GOOD)
    return Evidence(
        f"Assessment last {verb} {long(day)}, more than 12 months ago.", REQUIRES_IMPROVEMENT
    )


def evidence_for(question: AuditQuestion, person: Person, today: dt.date) -> Evidence | None:
    """The record's answer to the question, or None when only the auditor can answer."""
    if question.evidence is None:
        return None
    if question.id == "front-sheet":
        return _front_sheet(person)
    if question.id == "assessment-current":
        return _assessment(person, today)
    latest = _latest_events(person, question.evidence.events)
    lines = [
        f"{_event_title(kind)}: last recorded {long(day)}."
        for kind, day in sorted(latest.items(), key=lambda item: item[1], reverse=True)
    ]
    standard_lines, suggested = _standards(person, question.evidence.standards, today)
    lines += standard_lines
    if not lines:
        titles = ", ".join(_event_title(e) for e in question.evidence.events)
        return Evidence(f"Nothing recorded ({titles})." if titles else "Nothing recorded.")
    return Evidence(" ".join(lines), suggested)
