"""Drawing a sample of case files, and the published list for the auditor."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from casework.accounts.access import AuthedRequest, requires, signed_in
from casework.accounts.models import User
from casework.accounts.roles import ROLE_ACCESS, Ability
from casework.quality.forms import SampleForm
from casework.quality.models import CaseAudit, Sample, SampleMethod, ScheduledAudit
from casework.quality.sampling import SampleRequest, draw_sample, visible_cases
from casework.quality.views.common import check_quality_user, nav_context
from casework.records.evaluation import today


def _auditors() -> list[User]:
    roles = [
        r.value for r, access in ROLE_ACCESS.items() if Ability.AUDIT_FILES in access.abilities
    ]
    return list(User.objects.filter(is_active=True, role__in=roles).select_related("team"))


@requires(Ability.RUN_QUALITY_PROGRAMME)
def new_sample(request: AuthedRequest) -> HttpResponse:
    day = today()
    auditors = User.objects.filter(pk__in=[u.pk for u in _auditors()]).order_by(
        "last_name", "first_name"
    )
    scheduled = (
        ScheduledAudit.objects.filter(held_on__gte=day, kind__template__gt="")
        .select_related("kind", "auditor", "team")
        .order_by("held_on", "kind_id", "team__name")[:200]
    )
    scheduled_qs = ScheduledAudit.objects.filter(pk__in=[s.pk for s in scheduled]).select_related(
        "kind", "auditor", "team"
    )
    initial = {"method": SampleMethod.RANDOM, "size": 6}
    chosen = request.GET.get("scheduled", "")
    if chosen.isdigit():
        found = scheduled_qs.filter(pk=int(chosen)).first()
        if found is not None:
            initial["scheduled"] = found.pk
            initial["size"] = found.files or 6
            if found.auditor_id:
                initial["auditor"] = found.auditor_id
            if found.team_id:
                initial["team"] = found.team_id
    form = SampleForm(
        auditors,
        scheduled_qs.order_by("held_on", "kind_id"),
        request.POST if request.method == "POST" else None,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        sample = draw_sample(
            request.user,
            SampleRequest(
                method=SampleMethod(data["method"]),
                size=data["size"],
                auditor=data["auditor"],
                team=data["team"],
                scheduled=data["scheduled"],
                seed=data["seed"],
            ),
            day,
        )
        messages.success(request, f"Sample drawn: {sample.cases.count()} cases")
        return redirect("quality:sample", sample_id=sample.pk)
    return render(request, "quality/sample_new.html", {"form": form})


@signed_in
def sample(request: AuthedRequest, sample_id: int) -> HttpResponse:
    user = request.user
    check_quality_user(user)
    found = get_object_or_404(
        Sample.objects.select_related("auditor", "drawn_by", "scheduled__kind", "team"),
        Q(auditor=user) | Q(drawn_by=user) if not user.can(Ability.RUN_QUALITY_PROGRAMME) else Q(),
        pk=sample_id,
    )
    day = today()
    cases = list(visible_cases(found, user, day))
    if day < found.publish_on and not user.can(Ability.RUN_QUALITY_PROGRAMME):
        raise PermissionDenied
    done = set(
        CaseAudit.objects.filter(sample_case__sample=found).values_list("sample_case_id", flat=True)
    )
    context = {
        "sample": found,
        "cases": [(c, c.pk in done) for c in cases],
        "hidden": found.cases.count() - len(cases),
        "may_audit": user.can(Ability.AUDIT_FILES),
        "published": day >= found.publish_on,
        "method": SampleMethod(found.method).label,
    }
    return render(request, "quality/sample.html", context)


@signed_in
def samples(request: AuthedRequest) -> HttpResponse:
    user = request.user
    check_quality_user(user)
    found = Sample.objects.select_related("auditor", "scheduled__kind")
    if not user.can(Ability.RUN_QUALITY_PROGRAMME):
        found = found.filter(auditor=user, publish_on__lte=today())
    return render(
        request,
        "quality/samples.html",
        {
            "samples": found[:100],
            "runs": user.can(Ability.RUN_QUALITY_PROGRAMME),
            **nav_context(user),
        },
    )
