"""The reminder sweep: a digest for each worker of what is due soon and what is late, and
escalation to the team manager when something has been overdue for a set number of days.

Safe to repeat and to run twice at once. Each reminder is first recorded as a row (a unique
constraint makes the insert a no-op when it exists), then claimed with a conditional UPDATE
(`state = pending` to `sending`, stamped with this sweep's id); only the sweep whose UPDATE
moved a row sends it, so no reminder goes out twice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from casework.accounts.audit import audit
from casework.accounts.models import AuditAction, User
from casework.accounts.policy import policy
from casework.accounts.roles import Role
from casework.records.evaluation import today as default_today
from casework.records.models import Obligation
from casework.records.presenters import standard_title
from casework.work.models import Reminder, ReminderKind, ReminderState
from casework.work.queries import OUTSTANDING

DUE_WITHIN_DAYS = 7
ESCALATE_AFTER_DAYS = 5
MANAGER_ROLES = (Role.TEAM_MANAGER,)


@dataclass(frozen=True)
class Planned:
    person_id: int
    public_id: str
    obligation_key: str
    standard: str
    due: dt.date
    kind: ReminderKind
    recipient_id: int


@dataclass
class SweepResult:
    reminders: int = 0
    emails: int = 0


def obligation_key(o: Obligation) -> str:
    """What identifies an obligation across re-evaluations, which rebuild the rows."""
    return f"{o.standard}|{o.episode_key}|{o.sequence}|{o.trigger.isoformat()}|{o.due.isoformat()}"


def plan(day: dt.date, *, within: int, escalate_after: int) -> list[Planned]:
    """Every reminder that should exist today, to people allowed to see the child."""
    obligations = (
        Obligation.objects.filter(
            status__in=OUTSTANDING,
            due__lte=day + dt.timedelta(days=within),
            person__is_open=True,
        )
        .select_related("person", "person__worker")
        .order_by("due", "id")
    )
    managers = _managers()
    wanted: list[Planned] = []
    for o in obligations:
        person, worker = o.person, o.person.worker
        kinds: list[tuple[ReminderKind, int]] = []
        if worker is not None:
            late = ReminderKind.DUE_SOON if o.due >= day else ReminderKind.OVERDUE
            kinds.append((late, worker.pk))
        if (day - o.due).days >= escalate_after:
            team_id = worker.team_id if worker is not None and worker.team_id else person.team_id
            kinds += [(ReminderKind.ESCALATED, m) for m in managers.get(team_id or 0, [])]
        key = obligation_key(o)
        wanted += [
            Planned(person.pk, person.public_id, key, o.standard, o.due, kind, recipient)
            for kind, recipient in kinds
        ]
    return _only_visible(wanted)


def _managers() -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    rows = User.objects.filter(is_active=True, role__in=MANAGER_ROLES, team__isnull=False)
    for pk, team_id in rows.values_list("pk", "team_id"):
        found[team_id].append(pk)
    return found


def _only_visible(wanted: list[Planned]) -> list[Planned]:
    """Drop anything about a child the recipient may not see, asking the access policy."""
    by_recipient: dict[int, set[int]] = defaultdict(set)
    for p in wanted:
        by_recipient[p.recipient_id].add(p.person_id)
    visible: set[tuple[int, int]] = set()
    for user in User.objects.filter(pk__in=list(by_recipient)):
        seen = policy.viewable(user).filter(pk__in=by_recipient[user.pk])
        visible.update((user.pk, pk) for pk in seen.values_list("pk", flat=True))
    return [p for p in wanted if (p.recipient_id, p.person_id) in visible]


def record(wanted: list[Planned]) -> None:
    """Insert a pending row for each reminder not already recorded, sent or not."""
    now = timezone.now()
    Reminder.objects.bulk_create(
        (
            Reminder(
                person_id=p.person_id,
                obligation_key=p.obligation_key,
                standard=p.standard,
                due=p.due,
                kind=p.kind,
                recipient_id=p.recipient_id,
                created_at=now,
            )
            for p in wanted
        ),
        ignore_conflicts=True,
        batch_size=500,
    )


def claim(recipient_id: int, claim_id: uuid.UUID) -> list[Reminder]:
    """Take this recipient's pending reminders. The UPDATE is the lock: a row another sweep
    has already moved out of `pending` is not matched, so it cannot be taken twice."""
    Reminder.objects.filter(recipient_id=recipient_id, state=ReminderState.PENDING).update(
        state=ReminderState.SENDING, claim=claim_id
    )
    return list(
        Reminder.objects.filter(claim=claim_id, recipient_id=recipient_id)
        .select_related("person")
        .order_by("kind", "due", "id")
    )


def send_digest(
    recipient: User, reminders: list[Reminder], still_wanted: set[tuple[int, str, str]]
) -> int:
    """Send one recipient the reminders this sweep claimed, and mark them sent.

    Claimed rows that no longer apply (the obligation was met since) are withdrawn. If the
    email fails the rows go back to pending for the next sweep."""
    ids = [r.pk for r in reminders]
    live = [r for r in reminders if (r.person_id, r.obligation_key, r.kind) in still_wanted]
    gone = [r.pk for r in reminders if r not in live]
    Reminder.objects.filter(pk__in=gone).update(state=ReminderState.WITHDRAWN)
    if not live:
        return 0
    emailed = bool(recipient.email)
    try:
        if emailed:
            send_mail(
                _subject(live),
                _body(recipient, live),
                settings.DEFAULT_FROM_EMAIL,
                [recipient.email],
            )
    except Exception:
        Reminder.objects.filter(pk__in=ids, state=ReminderState.SENDING).update(
            state=ReminderState.PENDING, claim=None
        )
        raise
    with transaction.atomic():
        Reminder.objects.filter(pk__in=[r.pk for r in live]).update(
            state=ReminderState.SENT, sent_at=timezone.now(), emailed=emailed
        )
        _audit_digest(recipient, live, emailed)
    return len(live)


def _audit_digest(recipient: User, live: list[Reminder], emailed: bool) -> None:
    """One audit row per digest, by the sweep (no acting user). It names the recipient and
    counts by kind; the children are the reminder rows it lists, never their names."""
    counts = {str(kind): sum(1 for r in live if r.kind == kind) for kind in ReminderKind}
    audit(
        None,
        AuditAction.REMINDERS_SENT,
        action_id=live[0].claim,
        recipient=recipient.pk,
        emailed=emailed,
        counts={kind: n for kind, n in counts.items() if n},
        reminders=[r.pk for r in live],
    )


def _subject(reminders: list[Reminder]) -> str:
    # Counts only: a subject line is shown on lock screens and in mail logs.
    counts = {kind: sum(1 for r in reminders if r.kind == kind) for kind in ReminderKind}
    parts = [f"{n} {kind.label.lower()}" for kind, n in counts.items() if n]
    return "Casework reminders: " + ", ".join(parts)


def _body(recipient: User, reminders: list[Reminder]) -> str:
    base = str(settings.CASEWORK_SITE_URL).rstrip("/")
    lines = [f"Hello {recipient.first_name or recipient.username},", ""]
    for kind in ReminderKind:
        rows = [r for r in reminders if r.kind == kind]
        if not rows:
            continue
        lines.append(f"{kind.label}:")
        for r in rows:
            url = base + reverse("records:record", args=[r.person.public_id])
            lines.append(f"- {r.due:%d %B %Y}: {standard_title(r.standard)}, record {url}")
        lines.append("")
    lines.append("Open each record to see the child. This email names no one on purpose.")
    return "\n".join(lines)


def sweep(
    day: dt.date | None = None,
    *,
    within: int = DUE_WITHIN_DAYS,
    escalate_after: int = ESCALATE_AFTER_DAYS,
) -> SweepResult:
    """Record, claim and send every reminder due today. Safe to run again, or concurrently."""
    day = day or default_today()
    wanted = plan(day, within=within, escalate_after=escalate_after)
    record(wanted)
    still_wanted = {(p.person_id, p.obligation_key, str(p.kind)) for p in wanted}
    result = SweepResult()
    pending = Reminder.objects.filter(state=ReminderState.PENDING)
    recipients = User.objects.filter(pk__in=pending.values("recipient_id")).order_by("pk")
    for recipient in recipients:
        claim_id = uuid.uuid4()
        with transaction.atomic():
            mine = claim(recipient.pk, claim_id)
        if not mine:
            continue
        sent = send_digest(recipient, mine, still_wanted)
        result.reminders += sent
        result.emails += 1 if sent and recipient.email else 0
    return result


def recently_sent(user: User, since: dt.datetime) -> list[Reminder]:
    """For My work: only about children the user may still see."""
    return list(
        Reminder.objects.filter(
            recipient=user,
            state=ReminderState.SENT,
            sent_at__gte=since,
            person__in=policy.viewable(user),
        )
        .select_related("person")
        .order_by("-sent_at", "due")
    )


@dataclass(frozen=True)
class Escalation:
    """An overdue obligation of one of the user's children that a manager has been told of."""

    person_id: int
    public_id: str
    full_name: str
    standard: str
    due: dt.date
    sent_at: dt.datetime
    managers: tuple[str, ...]


def escalated_about(user: User, since: dt.datetime) -> list[Escalation]:
    """For My work: escalations sent since `since` about children allocated to the user,
    one per obligation (however many managers were told), most recent first."""
    rows = (
        Reminder.objects.filter(
            kind=ReminderKind.ESCALATED,
            state=ReminderState.SENT,
            sent_at__gte=since,
            person__worker=user,
            person__in=policy.viewable(user),
        )
        .exclude(recipient=user)
        .select_related("person", "recipient")
        .order_by("-sent_at", "due", "id")
    )
    found: dict[tuple[int, str], Escalation] = {}
    for r in rows:
        assert r.sent_at is not None
        key = (r.person_id, r.obligation_key)
        name = r.recipient.display_name
        if key in found:
            seen = found[key]
            if name not in seen.managers:
                found[key] = replace(seen, managers=(*seen.managers, name))
            continue
        found[key] = Escalation(
            r.person_id,
            r.person.public_id,
            r.person.full_name,
            r.standard,
            r.due,
            r.sent_at,
            (name,),
        )
    return list(found.values())
