"""The quality assurance home page, the audit programme, its calendar and its compliance."""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from casework.accounts.access import AuthedRequest, requires, signed_in
from casework.accounts.audit import audit as write_audit
from casework.accounts.models import AuditAction
from casework.accounts.roles import Ability
from casework.quality import compliance
from casework.quality.audits import actions_visible_to
from casework.quality.forms import AuditKindForm, SetUpYearForm, default_year
from casework.quality.frameworks import MONTHS
from casework.quality.models import ActionStatus, AuditKind, AuditStatus, CaseAudit, Sample
from casework.quality.programme import cadence_label, load_defaults, set_up_year, upcoming
from casework.quality.views.common import check_quality_user, month_name, nav_context
from casework.records.evaluation import today


@signed_in
def home(request: AuthedRequest) -> HttpResponse:
    user = request.user
    check_quality_user(user)
    day = today()
    samples = Sample.objects.filter(auditor=user, publish_on__lte=day).select_related(
        "scheduled__kind"
    )[:10]
    actions = actions_visible_to(user).filter(status=ActionStatus.OPEN)
    context = {
        "today": day,
        "runs_programme": user.can(Ability.RUN_QUALITY_PROGRAMME),
        "audits_files": user.can(Ability.AUDIT_FILES),
        "calendar": [a for a in upcoming(day, months=1) if a.held_on >= day][:10],
        "samples": samples,
        "my_audits": CaseAudit.objects.filter(auditor=user, status=AuditStatus.COMPLETED).count(),
        "open_actions": actions.count(),
        "overdue_actions": actions.filter(due__lt=day).count(),
    }
    return render(request, "quality/home.html", context)


@requires(Ability.RUN_QUALITY_PROGRAMME)
def programme(request: AuthedRequest) -> HttpResponse:
    day = today()
    form = SetUpYearForm(
        request.POST if request.method == "POST" else None,
        initial={"year": default_year(day)},
    )
    if request.method == "POST" and form.is_valid():
        result = set_up_year(request.user, form.cleaned_data["year"])
        messages.success(
            request,
            f"Programme for {result.year} set up: {result.created} audits scheduled"
            + (f", {result.existing} already there" if result.existing else ""),
        )
        return redirect("quality:calendar")
    if not AuditKind.objects.exists():
        with transaction.atomic():
            load_defaults()
    kinds = [
        (k, cadence_label(k.cadence), [MONTHS[m - 1][:3] for m in k.months])
        for k in AuditKind.objects.all()
    ]
    return render(request, "quality/programme.html", {"form": form, "kinds": kinds})


@requires(Ability.RUN_QUALITY_PROGRAMME)
def kind_edit(request: AuthedRequest, key: str) -> HttpResponse:
    kind = get_object_or_404(AuditKind, key=key)
    initial = {
        "title": kind.title,
        "cadence": kind.cadence,
        "months": [str(m) for m in kind.months],
        "file_count": kind.files,
        "publish_days_before": kind.publish_days_before,
        "active": kind.active,
    }
    form = AuditKindForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        months = sorted(int(m) for m in data["months"])
        before = {
            n: getattr(kind, n)
            for n in ("title", "cadence", "months", "files", "publish_days_before", "active")
        }
        with transaction.atomic():
            kind.title = data["title"]
            kind.cadence = data["cadence"]
            kind.months = months
            kind.files = data["file_count"]
            kind.publish_days_before = data["publish_days_before"]
            kind.active = data["active"]
            kind.save()
            after = {n: getattr(kind, n) for n in before}
            write_audit(
                request.user,
                AuditAction.QUALITY_AUDIT_KIND_CHANGED,
                action_id=uuid.uuid4(),
                kind=kind.key,
                changed={
                    n: {"old": before[n], "new": after[n]} for n in before if before[n] != after[n]
                },
            )
        messages.success(request, f"{kind.title} changed. Years set up from now on use it.")
        return redirect("quality:programme")
    return render(request, "quality/kind_edit.html", {"form": form, "kind": kind})


@signed_in
def calendar(request: AuthedRequest) -> HttpResponse:
    check_quality_user(request.user)
    day = today()
    months: dict[str, list[object]] = {}
    for audit in upcoming(day, months=6):
        months.setdefault(month_name(audit.year, audit.month), []).append(audit)
    return render(
        request,
        "quality/calendar.html",
        {"months": list(months.items()), "today": day, **nav_context(request.user)},
    )


def _month(value: str, day: dt.date) -> tuple[int, int]:
    if not value:
        return day.year, day.month
    try:
        year, month = (int(p) for p in value.split("-"))
        dt.date(year, month, 1)
    except ValueError as exc:
        raise Http404("No such month") from exc
    return year, month


@signed_in
def compliance_page(request: AuthedRequest) -> HttpResponse:
    check_quality_user(request.user)
    day = today()
    year, month = _month(request.GET.get("month", ""), day)
    rows = compliance.for_month(year, month, day)
    previous = dt.date(year, month, 1) - dt.timedelta(days=1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    context = {
        "title": month_name(year, month),
        "rows": rows,
        "summary": compliance.summary(rows),
        "senior": compliance.senior_manager_audits(year, day),
        "year": year,
        "previous": f"{previous.year}-{previous.month:02d}",
        "previous_title": month_name(previous.year, previous.month),
        "following": f"{following.year}-{following.month:02d}",
        "following_title": month_name(following.year, following.month),
        **nav_context(request.user),
    }
    return render(request, "quality/compliance.html", context)
