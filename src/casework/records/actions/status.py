"""Keeping each young person's care-leaver status current, and recording eligibility
decisions. Both use the cited rules in `casework.eligibility`.

The event actions call `update_care_leaver_status` in their own transaction when an event
of the care history changes; `update_everyones_care_leaver_status` (the
`care_leaver_status` command, run daily and by the demo) catches the changes that come
with age alone, such as a relevant child turning 18.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from casework import engine
from casework.accounts.audit import audit
from casework.accounts.models import AuditAction, User
from casework.eligibility import CareLeaverResult, care_leaver_status, decide, rules
from casework.eligibility.care_leaver import CARE_HISTORY_EVENTS, in_education_or_training
from casework.eligibility.criteria import FactValue, Result
from casework.records.evaluation import today
from casework.records.models import CareLeaverStanding, EligibilityDecision, Event, Person


def care_history(person_ids: list[int]) -> dict[int, list[engine.Event]]:
    """The current, not withdrawn, care-history events of these people, by person."""
    rows = (
        Event.objects.filter(
            person_id__in=person_ids, withdrawn=False, type__in=sorted(CARE_HISTORY_EVENTS)
        )
        .order_by("person_id", "occurred", "id")
        .values_list("person_id", "type", "occurred", "details")
    )
    found: dict[int, list[engine.Event]] = defaultdict(list)
    for person_id, type_, occurred, details in rows:
        found[person_id].append(
            engine.Event(
                str(person_id),
                type_,
                occurred,
                details={k: str(v) for k, v in (details or {}).items()},
            )
        )
    return found


def work_out(person: Person, events: list[engine.Event], as_of: dt.date) -> CareLeaverResult | None:
    """The person's status from their events, or None if they have never been looked after
    (or their date of birth is unknown)."""
    if not any(e.event == "cic_start" for e in events):
        return None
    if not any(e.event == "birth" for e in events):
        if person.date_of_birth is None:
            return None
        events = [engine.Event(str(person.pk), "birth", person.date_of_birth), *events]
    return care_leaver_status(
        events, as_of, in_education_or_training=in_education_or_training(events, as_of)
    )


def _store(
    person: Person,
    result: CareLeaverResult | None,
    actor: User | None,
    action_id: uuid.UUID | None,
    stored: CareLeaverStanding | None,
) -> tuple[CareLeaverStanding | None, bool]:
    """Write the result over what is `stored`, with an audit row when the status (or the
    rule deciding it) changes. Returns the stored row and whether it changed."""
    before = (stored.status, stored.rule) if stored is not None else None
    if result is None:
        if stored is not None:
            stored.delete()
            audit(
                actor,
                AuditAction.CARE_LEAVER_STATUS_CHANGED,
                person,
                action_id=action_id,
                before=stored.status,
                after="",
                rule="",
            )
            return None, True
        return None, False
    after = (str(result.status), result.rule.id)
    changed = before != after
    values = {
        "status": str(result.status),
        "reason": result.reason,
        "rule": result.rule.id,
        "rule_title": result.rule.title,
        "source": _cite(result),
        "days_looked_after": result.days_looked_after,
        "as_of": result.as_of,
    }
    if stored is None:
        stored = CareLeaverStanding(person=person, changed_on=result.as_of, **values)
        stored.save()
    elif changed or any(getattr(stored, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(stored, name, value)
        if changed:
            stored.changed_on = result.as_of
        stored.save()
    if changed:
        audit(
            actor,
            AuditAction.CARE_LEAVER_STATUS_CHANGED,
            person,
            action_id=action_id,
            before=before[0] if before else "",
            after=str(result.status),
            rule=result.rule.id,
        )
    return stored, changed


def _cite(result: CareLeaverResult) -> str:
    source = result.rule.source
    return " · ".join(part for part in (source.document, source.section, source.number) if part)


def update_care_leaver_status(
    actor: User | None,
    person: Person,
    *,
    action_id: uuid.UUID | None = None,
    as_of: dt.date | None = None,
) -> CareLeaverStanding | None:
    """Work out one person's status again from their current events and store it."""
    as_of = as_of or today()
    with transaction.atomic():
        result = work_out(person, care_history([person.pk])[person.pk], as_of)
        stored = CareLeaverStanding.objects.select_for_update().filter(person=person).first()
        return _store(person, result, actor, action_id, stored)[0]


def changes_care_history(event_type: str) -> bool:
    return event_type in CARE_HISTORY_EVENTS


def update_everyones_care_leaver_status(as_of: dt.date | None = None) -> int:
    """Work out every status again (people with a care history). Returns how many changed."""
    as_of = as_of or today()
    in_care = set(
        Event.objects.filter(type="cic_start", withdrawn=False).values_list("person_id", flat=True)
    )
    in_care |= set(CareLeaverStanding.objects.values_list("person_id", flat=True))
    by_person = care_history(sorted(in_care))
    changed = 0
    action_id = uuid.uuid4()
    with transaction.atomic():
        stored = {
            s.person_id: s
            for s in CareLeaverStanding.objects.select_for_update().filter(person__in=in_care)
        }
        for person in Person.objects.filter(pk__in=in_care).order_by("pk"):
            result = work_out(person, by_person[person.pk], as_of)
            _, moved = _store(person, result, None, action_id, stored.get(person.pk))
            changed += moved
    return changed


def record_eligibility_decision(
    actor: User,
    person: Person,
    decision_id: str,
    facts: Mapping[str, FactValue | None],
    *,
    note: str = "",
) -> tuple[EligibilityDecision, Result]:
    """Decide under the named criteria from the facts given and keep the decision, with who
    made it and when, and its audit row, in one transaction. Raises `FactError` (nothing
    written) for a fact of the wrong kind."""
    result = decide(decision_id, facts)
    action_id = uuid.uuid4()
    recorded = {name: value for name, value in facts.items() if value is not None}
    source = result.source
    with transaction.atomic():
        row = EligibilityDecision.objects.create(
            person=person,
            decision=decision_id,
            title=_decision_title(decision_id),
            facts=recorded,
            outcome=result.outcome,
            met=result.met,
            reason=result.reason,
            source=source.cite() if source is not None else "",
            note=note,
            decided_by=actor,
            decided_at=timezone.now(),
            action_id=action_id,
        )
        audit(
            actor,
            AuditAction.ELIGIBILITY_DECIDED,
            person,
            action_id=action_id,
            decision=decision_id,
            outcome=result.outcome,
            record=row.pk,
        )
    return row, result


def _decision_title(decision_id: str) -> str:
    return rules().decisions[decision_id].title
