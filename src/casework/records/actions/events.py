"""Recording events, and correcting or withdrawing them as new versions."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from casework.accounts.audit import audit
from casework.accounts.models import AuditAction, User
from casework.records.actions.status import changes_care_history, update_care_leaver_status
from casework.records.evaluation import now as current_time
from casework.records.evaluation import reevaluate
from casework.records.models import Episode, Event, EventVersion, Person
from casework.standards import vocabulary


@dataclass(frozen=True)
class EventInput:
    type: str
    occurred: dt.date
    occurred_time: dt.time | None = None
    worker: User | None = None
    episode: Episode | None = None
    details: Mapping[str, str] = field(default_factory=dict)
    note: str = ""


def record_event(
    actor: User, person: Person, data: EventInput, *, action_id: uuid.UUID | None = None
) -> Event:
    """Record a new event, place it in its episode, and re-evaluate the person."""
    if data.type not in vocabulary().events:
        raise ValueError(f"unknown event type {data.type!r}")
    action_id = action_id or uuid.uuid4()  # shared with the care-leaver status change
    now = current_time()
    with transaction.atomic():
        episode = _episode_for(person, data)
        event = Event.objects.create(
            person=person,
            type=data.type,
            occurred=data.occurred,
            occurred_time=data.occurred_time,
            recorded=now.date(),
            recorded_at=now,
            worker=data.worker,
            episode=episode,
            details=dict(data.details),
            note=data.note,
            written_by=actor,
            written_at=now,
        )
        _apply_to_case(person, data.type)
        audit(
            actor,
            AuditAction.EVENT_RECORDED,
            person,
            action_id=action_id,
            event=event.pk,
            type=data.type,
        )
        reevaluate(person)
        if changes_care_history(data.type):
            update_care_leaver_status(actor, person, action_id=action_id)
    return event


def _episode_for(person: Person, data: EventInput) -> Episode | None:
    """A start event opens a new episode; an end event closes the open episode chosen, or
    else the latest open one of its type; any other event goes in the episode chosen, if any."""
    vocab = vocabulary()
    for name, kind in vocab.episodes.items():
        if data.type == kind.starts:
            return Episode.objects.create(
                person=person,
                type=name,
                key=f"{name}-{secrets.token_hex(4)}",
                started=data.occurred,
            )
        if data.type == kind.ends:
            # The episode chosen, where it is an open one of this type (a child may have
            # two contacts open at once); otherwise the latest open one.
            chosen = data.episode
            if chosen is not None and (chosen.type != name or chosen.ended is not None):
                chosen = None
            open_one = (
                chosen
                or Episode.objects.filter(person=person, type=name, ended__isnull=True)
                .order_by("-started", "-id")
                .first()
            )
            if open_one is not None:
                open_one.ended = data.occurred
                open_one.save(update_fields=["ended"])
            return open_one
    return data.episode


def _apply_to_case(person: Person, event_type: str) -> None:
    if event_type in ("case_closed", "case_open"):
        person.is_open = event_type == "case_open"
        person.save(update_fields=["is_open"])


def keep_version(event: Event) -> None:
    """Keep the event as it stands now as an earlier version, before it changes."""
    EventVersion.objects.create(
        event=event,
        type=event.type,
        occurred=event.occurred,
        occurred_time=event.occurred_time,
        worker_id=event.worker_id,
        episode_id=event.episode_id,
        details=event.details,
        note=event.note,
        withdrawn=event.withdrawn,
        version=event.version,
        written_by_id=event.written_by_id,
        written_at=event.written_at,
        reason=event.reason,
    )


@dataclass(frozen=True)
class Correction:
    occurred: dt.date
    occurred_time: dt.time | None
    worker: User | None
    details: Mapping[str, str]
    note: str
    reason: str


def correct_event(
    actor: User, event: Event, correction: Correction, *, action_id: uuid.UUID | None = None
) -> Event:
    """Keep the event as it was, then make the corrected values its new version."""
    if not correction.reason.strip():
        raise ValueError("a correction needs a reason")
    action_id = action_id or uuid.uuid4()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        keep_version(event)
        changed = _changed_fields(event, correction)
        event.occurred = correction.occurred
        event.occurred_time = correction.occurred_time
        event.worker = correction.worker
        event.details = dict(correction.details)
        event.note = correction.note
        event.version += 1
        event.written_by = actor
        event.written_at = timezone.now()
        event.reason = correction.reason
        event.save()
        if event.episode is not None and event.type in _episode_edges():
            _move_episode_edge(event)
        audit(
            actor,
            AuditAction.EVENT_CORRECTED,
            event.person,
            action_id=action_id,
            event=event.pk,
            version=event.version,
            changed=changed,
        )
        reevaluate(event.person)
        if changes_care_history(event.type):
            update_care_leaver_status(actor, event.person, action_id=action_id)
    return event


def withdraw_event(actor: User, event: Event, reason: str) -> Event:
    """Mark an event as entered in error: it stays in the history but no longer counts."""
    if not reason.strip():
        raise ValueError("withdrawing an event needs a reason")
    action_id = uuid.uuid4()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        keep_version(event)
        event.withdrawn = True
        event.version += 1
        event.written_by = actor
        event.written_at = timezone.now()
        event.reason = reason
        event.save()
        audit(
            actor,
            AuditAction.EVENT_WITHDRAWN,
            event.person,
            action_id=action_id,
            event=event.pk,
            version=event.version,
        )
        reevaluate(event.person)
        if changes_care_history(event.type):
            update_care_leaver_status(actor, event.person, action_id=action_id)
    return event


def _changed_fields(event: Event, correction: Correction) -> list[str]:
    before = (event.occurred, event.occurred_time, event.worker_id, event.details, event.note)
    after = (
        correction.occurred,
        correction.occurred_time,
        correction.worker.pk if correction.worker else None,
        dict(correction.details),
        correction.note,
    )
    names = ("occurred", "time", "worker", "details", "note")
    return [n for n, b, a in zip(names, before, after, strict=True) if b != a]


def _episode_edges() -> set[str]:
    kinds = vocabulary().episodes.values()
    return {k.starts for k in kinds} | {k.ends for k in kinds}


def _move_episode_edge(event: Event) -> None:
    """A corrected start or end date moves the episode's start or end with it."""
    episode = event.episode
    assert episode is not None
    kind = vocabulary().episodes.get(episode.type)
    if kind is None:
        return
    if event.type == kind.starts:
        episode.started = event.occurred
    elif event.type == kind.ends:
        episode.ended = event.occurred
    episode.save(update_fields=["started", "ended"])
