"""The audit programme: its kinds of audit (defaults from frameworks/audit-programme.yaml),
setting up a year's scheduled audits, and the calendar of what is coming."""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction

from casework.accounts.audit import audit as write_audit
from casework.accounts.models import AuditAction, User
from casework.accounts.roles import Ability, Role
from casework.quality.frameworks import AuditProgramme, AuditType, Cadence, load_audit_programme
from casework.quality.models import AuditKind, ScheduledAudit
from casework.records.models import Team
from casework.standards.timescale import Unit

# The day of the month a single audit (one for the whole service) is held on; audits that
# each team or team manager does are due by the month's last day.
HELD_ON_DAY = 15


def months_for(audit: AuditType, programme: AuditProgramme) -> list[int]:
    """The months of the year an audit is held: the timetable's, or else from its cadence
    (every month; March, June, September and December; June and December; December)."""
    listed = [m.month for m in programme.timetable if audit.id in m.audits]
    if listed:
        return sorted(listed)
    every = audit.cadence.months
    if every is None:
        return []
    return list(range(every, 13, every))


def publish_days(audit: AuditType) -> int:
    before = audit.sample.publish_before
    if before is None:
        return 0
    per_unit = {Unit.DAYS: 1, Unit.WEEKS: 7, Unit.WORKING_DAYS: 1, Unit.MONTHS: 30}
    return before.amount * per_unit.get(before.unit, 1)


def load_defaults(programme: AuditProgramme | None = None) -> list[AuditKind]:
    """Make an `AuditKind` for each audit of the default programme not yet in the database.
    Kinds already there keep the council's changes."""
    programme = programme or load_audit_programme()
    made = []
    for audit in programme.audits:
        if AuditKind.objects.filter(key=audit.id).exists():
            continue
        made.append(
            AuditKind.objects.create(
                key=audit.id,
                title=audit.title,
                cadence=audit.cadence.value,
                auditors=", ".join(audit.auditors),
                roles=list(audit.roles),
                sample_what=" ".join(audit.sample.what.split()),
                files=audit.sample.files,
                per=audit.sample.per,
                publish_days_before=publish_days(audit),
                template=audit.template,
                months=months_for(audit, programme),
                section=audit.section,
            )
        )
    return made


@dataclass(frozen=True)
class SetUpResult:
    year: int
    created: int
    existing: int


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _auditors(kind: AuditKind) -> list[tuple[User | None, Team | None]]:
    """Who the audit is scheduled for: each active team manager, each team, or nobody in
    particular (any of the audit's roles may take it)."""
    if kind.per == "team manager":
        managers = User.objects.filter(
            role=Role.TEAM_MANAGER, is_active=True, team__isnull=False
        ).select_related("team")
        return [(m, m.team) for m in managers.order_by("team__name", "pk")]
    if kind.per == "team":
        return [(None, t) for t in Team.objects.order_by("name")]
    return [(None, None)]


def set_up_year(actor: User, year: int) -> SetUpResult:
    """Create the year's scheduled audits from the active kinds. Safe to repeat: audits
    already scheduled are kept, and only missing ones (a new team manager, say) are added."""
    if not actor.can(Ability.RUN_QUALITY_PROGRAMME):
        raise PermissionDenied
    created = existing = 0
    action_id = uuid.uuid4()
    with transaction.atomic():
        if not AuditKind.objects.exists():
            load_defaults()
        for kind in AuditKind.objects.filter(active=True):
            for month in kind.months:
                for auditor, team in _auditors(kind):
                    single = not kind.per
                    held_on = (
                        dt.date(year, month, HELD_ON_DAY) if single else _last_day(year, month)
                    )
                    _, made = ScheduledAudit.objects.get_or_create(
                        kind=kind,
                        year=year,
                        month=month,
                        auditor=auditor,
                        team=team,
                        defaults={
                            "held_on": held_on,
                            "publish_on": held_on - dt.timedelta(days=kind.publish_days_before),
                            "files": kind.files,
                        },
                    )
                    created += made
                    existing += not made
        write_audit(
            actor,
            AuditAction.QUALITY_PROGRAMME_SET_UP,
            action_id=action_id,
            year=year,
            created=created,
            existing=existing,
        )
    return SetUpResult(year, created, existing)


def upcoming(today: dt.date, months: int = 3) -> list[ScheduledAudit]:
    """Scheduled audits held from the start of this month to `months` months ahead."""
    start = today.replace(day=1)
    end_month = (today.month - 1 + months) % 12 + 1
    end_year = today.year + (today.month - 1 + months) // 12
    end = _last_day(end_year, end_month)
    return list(
        ScheduledAudit.objects.filter(held_on__gte=start, held_on__lte=end)
        .select_related("kind", "auditor", "team")
        .order_by("held_on", "kind_id", "team__name", "id")
    )


def scheduled_for(user: User, day: dt.date, team_id: int | None) -> ScheduledAudit | None:
    """The scheduled audit that an audit by `user` on `day` of a file held by the team
    `team_id` counts towards, if any: one scheduled for them that month, or else one of a
    kind their role does that month (for that team, where it is per team)."""
    found = ScheduledAudit.objects.filter(year=day.year, month=day.month).select_related("kind")
    mine = found.filter(auditor=user).first()
    if mine is not None:
        return mine
    for audit in found.filter(auditor__isnull=True, kind__template__gt="").order_by("kind_id"):
        if user.role in audit.kind.roles and audit.team_id in (None, team_id):
            return audit
    return None


def cadence_label(cadence: str) -> str:
    try:
        return {
            Cadence.MONTHLY: "Every month",
            Cadence.QUARTERLY: "Every 3 months",
            Cadence.SIX_MONTHLY: "Every 6 months",
            Cadence.ANNUAL: "Once a year",
            Cadence.UNSCHEDULED: "When needed",
        }[Cadence(cadence)]
    except ValueError:
        return cadence
