"""Put a synthetic council (casework.synth) into the database, fast, with bulk inserts.

Workers become users who cannot sign in until they are given a password; the demo
command sets passwords for one user per role.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from casework.accounts.models import User
from casework.accounts.roles import Role
from casework.records import bulk
from casework.records.models import Episode, Event, EventSource, Person, Service, Team
from casework.standards import vocabulary

if TYPE_CHECKING:
    from casework.synth.model import Council

BATCH = 5000


@dataclass(frozen=True)
class Loaded:
    teams: int
    users: int
    people: int
    episodes: int
    events: int


def username_for(given: str, family: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9.]", "", f"{given}.{family}".lower()) or "user"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}{n}"
    taken.add(name)
    return name


def _aware(moment: dt.datetime | None, day: dt.date) -> dt.datetime:
    """Naive England wall-clock time (or noon on the day) as an aware datetime."""
    naive = moment if moment is not None else dt.datetime.combine(day, dt.time(12))
    return timezone.make_aware(naive)


def load_council(council: Council) -> Loaded:
    """Insert the council's teams, staff, children, episodes and events (into an empty
    database: references must not already exist)."""
    with transaction.atomic():
        services = {
            name: Service.objects.get_or_create(name=name)[0]
            for name in sorted({t.service for t in council.teams})
        }
        teams = {
            t.id: Team.objects.create(name=t.name, service=services[t.service])
            for t in council.teams
        }
        taken = set(User.objects.values_list("username", flat=True))
        users: dict[str, User] = {}
        for w in council.workers:
            user = User(
                username=username_for(w.given_name, w.family_name, taken),
                first_name=w.given_name,
                last_name=w.family_name,
                role=w.role if w.role in Role.values else Role.SOCIAL_WORKER,
                team=teams.get(w.team),
                job_title=w.title,
            )
            user.set_unusable_password()
            users[w.id] = user
        User.objects.bulk_create(users.values(), batch_size=BATCH)
        people = _people(council, teams, users)
        episodes = _episodes(council, people)
        events = _events(council, people, users, episodes)
    return Loaded(len(teams), len(users), len(people), len(episodes), events)


def _people(council: Council, teams: dict[str, Team], users: dict[str, User]) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for c in council.children:
        worker = users.get(c.worker)
        people[c.id] = Person(
            reference=c.id,
            given_name=c.given_name,
            family_name=c.family_name,
            date_of_birth=c.date_of_birth,
            sex=c.sex,
            ethnicity=c.ethnicity,
            first_language=c.first_language,
            interpreter_needed=c.interpreter_needed,
            disability=c.disability,
            legal_status=c.legal_status,
            uasc=c.uasc,
            gp=c.gp,
            school=c.school,
            address=c.address,
            postcode=c.postcode,
            is_open=c.is_open,
            team=teams.get(c.team),
            worker=worker,
            unallocated_reason=c.unallocated_reason if worker is None and c.is_open else "",
            contact_arrangement=c.contact_arrangement if worker is None and c.is_open else "",
        )
    Person.objects.bulk_create(people.values(), batch_size=BATCH)
    return people


def _episodes(council: Council, people: dict[str, Person]) -> dict[tuple[str, str], Episode]:
    starts = {k.starts: name for name, k in vocabulary().episodes.items()}
    ends = {k.ends for k in vocabulary().episodes.values()}
    episodes: dict[tuple[str, str], Episode] = {}
    ended: dict[tuple[str, str], dt.date] = {}
    for e in council.events:
        if not e.episode_id or e.child_id not in people:
            continue
        key = (e.child_id, e.episode_id)
        if e.event in starts and key not in episodes:
            episodes[key] = Episode(
                person=people[e.child_id],
                type=starts[e.event],
                key=e.episode_id,
                started=e.occurred,
            )
        elif e.event in ends:
            ended[key] = max(ended.get(key, e.occurred), e.occurred)
    for key, episode in episodes.items():
        if key in ended and ended[key] >= episode.started:
            episode.ended = ended[key]
    Episode.objects.bulk_create(episodes.values(), batch_size=BATCH)
    return episodes


EVENT_COLUMNS = (
    "person_id",
    "type",
    "occurred",
    "occurred_time",
    "recorded",
    "recorded_at",
    "worker_id",
    "episode_id",
    "details",
    "note",
    "withdrawn",
    "version",
    "written_by_id",
    "written_at",
    "reason",
    "source",
)


def _events(
    council: Council,
    people: dict[str, Person],
    users: dict[str, User],
    episodes: dict[tuple[str, str], Episode],
) -> int:
    rows: list[bulk.Row] = []
    for e in council.events:
        person = people.get(e.child_id)
        if person is None:
            continue
        recorded = e.recorded or e.occurred
        written = _aware(e.recorded_at, recorded)
        worker = users.get(e.worker)
        worker_id = worker.pk if worker is not None else None
        episode = episodes.get((e.child_id, e.episode_id)) if e.episode_id else None
        rows.append(
            (
                person.pk,
                e.event,
                e.occurred,
                e.occurred_at.time() if e.occurred_at else None,
                recorded,
                written if e.recorded_at else None,
                worker_id,
                episode.pk if episode is not None else None,
                dict(e.details),
                "",
                False,
                1,
                worker_id,
                written,
                "",
                EventSource.IMPORTED.value,
            )
        )
    bulk.insert(Event, EVENT_COLUMNS, rows)
    return len(rows)
