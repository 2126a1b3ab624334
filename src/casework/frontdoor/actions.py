"""Every change at the front door. Each takes the acting user, checks what they may do,
records what happened as events on the child's record (so the engine's timers run from
them; `record_event` writes the audit rows and re-evaluates the child) and keeps the front
door's own rows, all in one transaction with one action id."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from casework.accounts.audit import audit
from casework.accounts.models import AuditAction, User
from casework.accounts.policy import policy
from casework.accounts.roles import Ability
from casework.frontdoor.models import AgencyCheck, Contact
from casework.records.actions.events import EventInput, record_event
from casework.records.actions.people import new_reference
from casework.records.evaluation import now as current_time
from casework.records.models import Episode, Person
from casework.work.actions import allocate

NEW_AT_FRONT_DOOR = "New contact at the front door, awaiting a decision"


class FrontDoorError(ValueError):
    """A step that cannot be taken as asked, with a message for the form."""


@dataclass(frozen=True)
class NewChild:
    given_name: str
    family_name: str
    date_of_birth: dt.date | None = None


@dataclass(frozen=True)
class ContactInput:
    received_at: dt.datetime  # aware
    method: str
    caller_name: str
    caller_relationship: str
    caller_contact: str
    concern: str
    deliberate_harm_alleged: bool = False


def _may_take_contacts(actor: User) -> None:
    if not actor.is_active or not actor.can(Ability.TAKE_CONTACTS):
        raise PermissionDenied


def _may_decide(actor: User) -> None:
    """The duty manager's steps: the threshold decision, a consent override, allocation."""
    _may_take_contacts(actor)
    if not actor.can(Ability.ALLOCATE):
        raise PermissionDenied


def _visible(actor: User, person: Person) -> None:
    if not policy.viewable(actor).filter(pk=person.pk).exists():
        raise PermissionDenied


def _local(at: dt.datetime) -> tuple[dt.date, dt.time]:
    local = timezone.localtime(at)
    return local.date(), local.time().replace(second=0, microsecond=0)


def _event(
    actor: User,
    contact: Contact,
    type_: str,
    at: dt.datetime,
    details: Mapping[str, str],
    action_id: uuid.UUID,
    note: str = "",
) -> None:
    day, time = _local(at)
    episode = Episode.objects.filter(person=contact.person, key=contact.episode_key).first()
    record_event(
        actor,
        contact.person,
        EventInput(
            type=type_,
            occurred=day,
            occurred_time=time,
            worker=actor,
            episode=episode,
            details=dict(details),
            note=note,
        ),
        action_id=action_id,
    )


def _not_future(at: dt.datetime, what: str) -> None:
    if at > current_time():
        raise FrontDoorError(f"{what} cannot be in the future")


def take_contact(
    actor: User, data: ContactInput, *, person: Person | None = None, child: NewChild | None = None
) -> Contact:
    """Record a contact about a child the user may see, or about a new child added to the
    user's own (duty) team. The `contact` event starts the contact's timers."""
    _may_take_contacts(actor)
    if (person is None) == (child is None):
        raise ValueError("give either an existing person or a new child")
    _not_future(data.received_at, "The time the contact came in")
    action_id = uuid.uuid4()
    with transaction.atomic():
        if person is None:
            assert child is not None
            person = _add_child(actor, child, action_id)
        else:
            _visible(actor, person)
        day, time = _local(data.received_at)
        details = {
            "method": data.method,
            "by_phone": "yes" if data.method == "phone" else "no",
            "concern": data.concern,
            "deliberate_harm_alleged": "yes" if data.deliberate_harm_alleged else "no",
        }
        event = record_event(
            actor,
            person,
            EventInput(
                type="contact", occurred=day, occurred_time=time, worker=actor, details=details
            ),
            action_id=action_id,
        )
        assert event.episode is not None  # a contact starts a contact episode
        return Contact.objects.create(
            person=person,
            event=event,
            episode_key=event.episode.key,
            received_at=data.received_at,
            method=data.method,
            caller_name=data.caller_name,
            caller_relationship=data.caller_relationship,
            caller_contact=data.caller_contact,
            concern=data.concern,
            recorded_by=actor,
            recorded_at=current_time(),
        )


def _add_child(actor: User, child: NewChild, action_id: uuid.UUID) -> Person:
    if actor.team is None:
        raise FrontDoorError("You need to be in a team to add a child")
    person = Person.objects.create(
        reference=new_reference(),
        given_name=child.given_name,
        family_name=child.family_name,
        date_of_birth=child.date_of_birth,
        team=actor.team,
        unallocated_reason=NEW_AT_FRONT_DOOR,
    )
    audit(
        actor,
        AuditAction.CHILD_ADDED,
        person,
        action_id=action_id,
        team=actor.team.name,
        reference=person.reference,
        front_door=True,
    )
    if child.date_of_birth is not None:
        record_event(
            actor,
            person,
            EventInput(type="birth", occurred=child.date_of_birth),
            action_id=action_id,
        )
    return person


def _open(actor: User, contact: Contact) -> Contact:
    _may_take_contacts(actor)
    _visible(actor, contact.person)
    contact = Contact.objects.select_for_update().select_related("person").get(pk=contact.pk)
    if not contact.is_open:
        raise FrontDoorError("This contact is closed")
    return contact


def record_consent(
    actor: User, contact: Contact, *, at: dt.datetime, override: bool, rationale: str
) -> None:
    """Parental consent from both parents, or the duty manager's override with the reason
    (seed 002, Duty Team (MASH) 3)."""
    if override:
        _may_decide(actor)
        if not rationale.strip():
            raise FrontDoorError("Give the reason for overriding consent")
    _not_future(at, "The time of consent")
    with transaction.atomic():
        contact = _open(actor, contact)
        details = {"override": "yes" if override else "no", "rationale": rationale.strip()}
        _event(actor, contact, "consent_obtained", at, details, uuid.uuid4())


def open_enquiry(
    actor: User, contact: Contact, *, at: dt.datetime, grade: str, agencies: Sequence[str]
) -> list[AgencyCheck]:
    """A MASH enquiry graded red (checks back within 4 hours) or amber (24 hours)."""
    if grade not in ("red", "amber"):
        raise FrontDoorError("Choose red or amber")
    if not agencies:
        raise FrontDoorError("Choose at least one agency")
    _not_future(at, "The time the enquiry was sent")
    with transaction.atomic():
        contact = _open(actor, contact)
        details = {"grade": grade, "agencies": ", ".join(agencies)}
        _event(actor, contact, "mash_enquiry", at, details, uuid.uuid4())
        return [
            AgencyCheck.objects.create(contact=contact, grade=grade, agency=a, asked_at=at)
            for a in agencies
        ]


def record_check_back(actor: User, check: AgencyCheck, *, at: dt.datetime) -> bool:
    """One agency's checks came back. When the last agency asked has replied, the enquiry's
    checks are back (`mash_checks_back`), which meets its 4- or 24-hour timer. Returns
    whether that was the last one."""
    _not_future(at, "The time the checks came back")
    if at < check.asked_at:
        raise FrontDoorError("Checks cannot come back before they were asked for")
    action_id = uuid.uuid4()
    with transaction.atomic():
        contact = _open(actor, check.contact)
        check = AgencyCheck.objects.select_for_update().get(pk=check.pk)
        if check.returned_at is not None:
            raise FrontDoorError("These checks are already back")
        check.returned_at = at
        check.save(update_fields=["returned_at"])
        _event(actor, contact, "mash_agency_reply", at, {"agency": check.agency}, action_id)
        waiting = contact.checks.filter(asked_at=check.asked_at, returned_at__isnull=True)
        if waiting.exists():
            return False
        replies = contact.checks.filter(asked_at=check.asked_at)
        agencies = ", ".join(replies.values_list("agency", flat=True))
        _event(actor, contact, "mash_checks_back", at, {"agencies": agencies}, action_id)
        return True


def recommend_threshold(
    actor: User, contact: Contact, *, at: dt.datetime, tier: str, next_step: str, reasons: str
) -> None:
    """The social worker's threshold recommendation (due within 24 hours of the contact)."""
    if not reasons.strip():
        raise FrontDoorError("Give the reasons for the recommendation")
    _not_future(at, "The time of the recommendation")
    with transaction.atomic():
        contact = _open(actor, contact)
        details = {"tier": tier, "next_step": next_step, "reasons": reasons.strip()}
        _event(actor, contact, "threshold_recommendation", at, details, uuid.uuid4())


def decide_threshold(
    actor: User,
    contact: Contact,
    *,
    at: dt.datetime,
    tier: str,
    next_step: str,
    reasons: str,
    strategy_needed: bool,
) -> None:
    """The duty manager's decision (due within 24 hours of the recommendation). Where a
    strategy discussion is needed, the decision to hold one starts the strategy timers:
    the police referral within 1 hour and the meeting within 24 hours of the contact."""
    _may_decide(actor)
    if not reasons.strip():
        raise FrontDoorError("Give the reasons for the decision")
    _not_future(at, "The time of the decision")
    action_id = uuid.uuid4()
    with transaction.atomic():
        contact = _open(actor, contact)
        details = {
            "tier": tier,
            "next_step": next_step,
            "decision": next_step,
            "reasons": reasons.strip(),
            "strategy_needed": "yes" if strategy_needed else "no",
        }
        _event(actor, contact, "threshold_decision", at, details, action_id)
        if strategy_needed:
            _event(actor, contact, "strategy_concern", contact.received_at, {}, action_id)
            _event(actor, contact, "strategy_decision", at, {}, action_id)


def record_police_referral(actor: User, contact: Contact, *, at: dt.datetime) -> None:
    """The referral to the police (within 1 hour of deciding to hold a strategy meeting)."""
    _not_future(at, "The time of the police referral")
    with transaction.atomic():
        contact = _open(actor, contact)
        _event(actor, contact, "police_referral", at, {}, uuid.uuid4())


def tell_referrer(actor: User, contact: Contact, *, at: dt.datetime, method: str) -> None:
    """The outcome sent to the referrer, and how."""
    _may_take_contacts(actor)
    _visible(actor, contact.person)
    _not_future(at, "The time the referrer was told")
    with transaction.atomic():
        _event(actor, contact, "referrer_told_outcome", at, {"method": method}, uuid.uuid4())


def decide_outcome(actor: User, contact: Contact, *, at: dt.datetime, outcome: str) -> None:
    """The contact's outcome. It ends the contact episode; a referral stays on the duty
    dashboard until the child is allocated."""
    _not_future(at, "The time of the outcome")
    action_id = uuid.uuid4()
    with transaction.atomic():
        contact = _open(actor, contact)
        if contact.outcome:
            raise FrontDoorError("The outcome is already recorded")
        _event(actor, contact, "contact_outcome", at, {"outcome": outcome}, action_id)
        if outcome == "referral":
            _event(actor, contact, "referral", at, {}, action_id)
        contact.outcome = outcome
        if outcome != "referral":
            contact.closed_at = at
        contact.save(update_fields=["outcome", "closed_at"])


def allocate_contact(
    actor: User, contact: Contact, worker: User, *, start_assessment: bool
) -> dt.date:
    """Allocate the child (the existing allocation action) and, for a child and family
    assessment, start it today so that its 25-working-day timer runs. Closes the contact."""
    _may_decide(actor)
    if not policy.allocatable(actor).filter(pk=contact.person_id).exists():
        raise PermissionDenied
    at = current_time()
    action_id = uuid.uuid4()
    with transaction.atomic():
        contact = _open(actor, contact)
        if contact.outcome != "referral":
            raise FrontDoorError("Record the outcome as a referral before allocating")
        allocate(actor, contact.person, worker, occurred=at.date(), action_id=action_id)
        if start_assessment:
            record_event(
                actor,
                contact.person,
                EventInput(type="assessment_start", occurred=at.date(), worker=worker),
                action_id=action_id,
            )
            contact.assessment_started = at.date()
        contact.closed_at = at
        contact.save(update_fields=["assessment_started", "closed_at"])
    return at.date()
