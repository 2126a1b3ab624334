"""Drawing samples of case files for an audit.

The pool is always the auditor's own viewable records (the access policy), so a sample
never holds a case the auditor may not open. The seed is recorded with the sample: drawing
again from the same pool with the same seed gives the same cases.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from casework.accounts.audit import audit as write_audit
from casework.accounts.models import AuditAction, User
from casework.accounts.policy import policy
from casework.accounts.roles import Ability
from casework.quality import sampler
from casework.quality.models import (
    Sample,
    SampleCase,
    SampleMethod,
    ScheduledAudit,
    ScheduleStatus,
)
from casework.records.models import Episode, Event, ObligationStatus, Person, PersonKind, Team

# The case type of a child with several open episodes is the first of these they have.
CASE_TYPES = (
    "child_in_care",
    "child_protection",
    "section_47",
    "child_in_need",
    "assessment",
    "care_leaver",
    "disabled_children",
    "early_help",
    "contact",
)
NO_EPISODE = "No open plan or episode"
UNALLOCATED = "Unallocated"
# Outcomes recorded on these events that mean no further action.
NFA_EVENTS = ("contact_outcome", "assessment_complete", "s47_end")


@dataclass(frozen=True)
class SampleRequest:
    method: SampleMethod
    size: int
    auditor: User
    team: Team | None = None
    scheduled: ScheduledAudit | None = None
    seed: int | None = None  # None: a new seed is drawn and recorded


def pool(
    auditor: User, method: SampleMethod, today: dt.date, team: Team | None
) -> QuerySet[Person]:
    """The children a sample may be drawn from: only those the auditor may see."""
    people = policy.viewable(auditor).filter(kind=PersonKind.CHILD)
    if team is not None:
        people = people.filter(team=team)
    if method == SampleMethod.CLOSED_NFA:
        nfa = Event.objects.filter(
            type__in=NFA_EVENTS, details__outcome="nfa", withdrawn=False
        ).values("person_id")
        return people.filter(is_open=False, pk__in=nfa)
    people = people.filter(is_open=True)
    if method == SampleMethod.OVERDUE:
        late = Q(obligations__status=ObligationStatus.OVERDUE) | Q(
            obligations__status=ObligationStatus.OPEN, obligations__due__lt=today
        )
        people = people.filter(pk__in=Person.objects.filter(late).values("pk"))
    return people


def _case_types(ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    rank = {name: i for i, name in enumerate(CASE_TYPES)}
    episodes = Episode.objects.filter(person_id__in=ids, ended__isnull=True, type__in=CASE_TYPES)
    best: dict[int, Episode] = {}
    for episode in episodes:
        held: Episode | None = best.get(episode.person_id)
        if held is None or rank[episode.type] < rank[held.type]:
            best[episode.person_id] = episode
    for pk in ids:
        chosen = best.get(pk)
        found[pk] = chosen.title if chosen else NO_EPISODE
    return found


def candidates(people: QuerySet[Person], method: SampleMethod) -> list[sampler.Candidate]:
    rows = list(people.values_list("pk", "team__name", "worker__first_name", "worker__last_name"))
    if method == SampleMethod.BY_CASE_TYPE:
        types = _case_types([r[0] for r in rows])
        return [sampler.Candidate(r[0], types[r[0]]) for r in rows]
    if method == SampleMethod.BY_TEAM:
        return [sampler.Candidate(r[0], r[1] or "No team") for r in rows]
    if method == SampleMethod.BY_WORKER:
        return [
            sampler.Candidate(r[0], f"{r[2]} {r[3]}".strip() if r[2] or r[3] else UNALLOCATED)
            for r in rows
        ]
    return [sampler.Candidate(r[0]) for r in rows]


STRATIFIED = (SampleMethod.BY_TEAM, SampleMethod.BY_CASE_TYPE, SampleMethod.BY_WORKER)


def preview(request: SampleRequest, today: dt.date, seed: int) -> list[sampler.Drawn]:
    people = pool(request.auditor, request.method, today, request.team)
    return sampler.draw(
        candidates(people, request.method),
        request.size,
        seed,
        stratified=request.method in STRATIFIED,
    )


def draw_sample(actor: User, request: SampleRequest, today: dt.date) -> Sample:
    """Draw and record a sample, published on the scheduled audit's publishing date (or
    today, for a sample drawn outside the programme)."""
    if not actor.can(Ability.RUN_QUALITY_PROGRAMME):
        raise PermissionDenied
    if not request.auditor.can(Ability.AUDIT_FILES):
        raise ValueError("the auditor must be someone who audits case files")
    if request.size < 1:
        raise ValueError("a sample needs at least one case")
    seed = request.seed if request.seed is not None else sampler.new_seed()
    people = pool(request.auditor, request.method, today, request.team)
    found = candidates(people, request.method)
    drawn = sampler.draw(found, request.size, seed, stratified=request.method in STRATIFIED)
    scheduled = request.scheduled
    publish_on = scheduled.publish_on if scheduled is not None else today
    action_id = uuid.uuid4()
    with transaction.atomic():
        sample = Sample.objects.create(
            scheduled=scheduled,
            auditor=request.auditor,
            drawn_by=actor,
            drawn_at=timezone.now(),
            drawn_on=today,
            method=request.method,
            size=request.size,
            seed=seed,
            team=request.team,
            pool_size=len(found),
            publish_on=publish_on,
        )
        SampleCase.objects.bulk_create(
            SampleCase(sample=sample, person_id=d.id, position=i, stratum=d.stratum)
            for i, d in enumerate(drawn, start=1)
        )
        if scheduled is not None and scheduled.status == ScheduleStatus.PLANNED:
            scheduled.status = ScheduleStatus.SAMPLE_DRAWN
            scheduled.save(update_fields=["status"])
        write_audit(
            actor,
            AuditAction.QUALITY_SAMPLE_DRAWN,
            action_id=action_id,
            sample=sample.pk,
            method=request.method.value,
            seed=seed,
            size=request.size,
            drawn=len(drawn),
            pool=len(found),
            auditor=request.auditor.pk,
        )
    return sample


def visible_cases(sample: Sample, user: User, today: dt.date) -> QuerySet[SampleCase]:
    """The sample's cases this user may see: none before the list is published unless they
    run the programme, and only children they may open in any case."""
    if today < sample.publish_on and not user.can(Ability.RUN_QUALITY_PROGRAMME):
        return SampleCase.objects.none()
    return sample.cases.filter(person__in=policy.viewable(user)).select_related(
        "person", "person__team"
    )
