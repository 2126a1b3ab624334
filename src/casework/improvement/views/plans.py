"""Action plans: recommendations, actions, leads, dates, status, monitoring forum and
success criteria with the trend of their live indicators."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from casework.accounts.access import AuthedRequest, requires
from casework.accounts.roles import Ability
from casework.improvement import actions
from casework.improvement.forms import (
    ActionForm,
    PlanForm,
    ProgressForm,
    RecommendationForm,
    SuccessCriterionForm,
)
from casework.improvement.models import (
    ActionPlan,
    ActionStatus,
    PlanAction,
    Recommendation,
    SuccessCriterion,
)
from casework.improvement.sparkline import sparkline
from casework.improvement.trends import Trend, cached_trends
from casework.improvement.views.self_assessment import leads
from casework.records.evaluation import today


@requires(Ability.RUN_QUALITY_PROGRAMME)
def plan_new(request: AuthedRequest) -> HttpResponse:
    form = PlanForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        plan = actions.create_plan(
            request.user, title=form.cleaned_data["title"], source=form.cleaned_data["source"]
        )
        messages.success(request, "Action plan created")
        return redirect("improvement:plan", pk=plan.pk)
    return render(request, "improvement/plan_new.html", {"form": form})


def _measures(criteria: list[SuccessCriterion], day: dt.date) -> list[Measure]:
    found = cached_trends([c.indicator for c in criteria if c.indicator], day)
    out = []
    for c in criteria:
        trend = found.get(c.indicator)
        if trend is None:
            out.append(Measure(c, None, "", []))
            continue
        line = sparkline([p.value for p in trend.points])
        out.append(Measure(c, trend, line, [(p.label, trend.shown(p)) for p in trend.points]))
    return out


@dataclass(frozen=True)
class Measure:
    criterion: SuccessCriterion
    trend: Trend | None
    line: str
    points: list[tuple[str, str]]


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def plan(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_object_or_404(ActionPlan, pk=pk)
    may_edit = user.can(Ability.RUN_QUALITY_PROGRAMME)
    day = today()
    form = RecommendationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            actions.add_recommendation(user, found, text=form.cleaned_data["text"])
            messages.success(request, "Recommendation added")
            return redirect(request.path)
    plan_actions = list(
        PlanAction.objects.filter(recommendation__plan=found).select_related("lead")
    )
    measures = _measures(list(SuccessCriterion.objects.filter(recommendation__plan=found)), day)
    rows = [
        (
            rec,
            [(a, a.overdue(day)) for a in plan_actions if a.recommendation_id == rec.pk],
            [m for m in measures if m.criterion.recommendation_id == rec.pk],
        )
        for rec in found.recommendations.all()
    ]
    context = {
        "plan": found,
        "rows": rows,
        "may_edit": may_edit,
        "form": form,
        "overdue": sum(1 for a in plan_actions if a.overdue(day)),
        "completed": sum(1 for a in plan_actions if a.status == ActionStatus.COMPLETED),
        "total": len(plan_actions),
        "today": day,
    }
    return render(request, "improvement/plan.html", context)


@requires(Ability.RUN_QUALITY_PROGRAMME)
def recommendation(request: AuthedRequest, plan_pk: int, pk: int) -> HttpResponse:
    """Add actions and success criteria to one recommendation."""
    user = request.user
    found = get_object_or_404(Recommendation.objects.select_related("plan"), pk=pk, plan=plan_pk)
    day = today()
    action = request.POST.get("action", "") if request.method == "POST" else ""
    posted = request.POST if action else None
    action_form = ActionForm(leads(), day, posted if action == "act" else None, prefix="act")
    success_form = SuccessCriterionForm(posted if action == "success" else None, prefix="sc")
    if action == "act" and action_form.is_valid():
        data = action_form.cleaned_data
        actions.add_action(
            user,
            found,
            text=data["text"],
            lead=data["lead"],
            target=data["target"],
            forum=data["forum"],
        )
        messages.success(request, "Action added")
        return redirect("improvement:plan", pk=plan_pk)
    if action == "success" and success_form.is_valid():
        data = success_form.cleaned_data
        actions.add_success_criterion(user, found, text=data["text"], indicator=data["indicator"])
        messages.success(request, "Success criterion added")
        return redirect("improvement:plan", pk=plan_pk)
    context = {
        "plan": found.plan,
        "recommendation": found,
        "action_form": action_form,
        "success_form": success_form,
        "form": success_form if action == "success" else action_form,
    }
    return render(request, "improvement/recommendation.html", context)


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def action_detail(request: AuthedRequest, plan_pk: int, pk: int) -> HttpResponse:
    user = request.user
    found = get_object_or_404(
        PlanAction.objects.select_related("recommendation__plan", "lead"),
        pk=pk,
        recommendation__plan=plan_pk,
    )
    may_update = actions.may_update(user, found)
    form = ProgressForm(
        request.POST if request.method == "POST" else None,
        initial={"status": found.status, "progress": found.progress},
    )
    if request.method == "POST":
        if not may_update:
            raise PermissionDenied
        if form.is_valid():
            actions.update_action(
                user,
                found,
                status=ActionStatus(form.cleaned_data["status"]),
                progress=form.cleaned_data["progress"],
                today=today(),
            )
            messages.success(request, "Action updated")
            return redirect("improvement:plan", pk=plan_pk)
    context = {
        "action": found,
        "plan": found.recommendation.plan,
        "form": form,
        "may_update": may_update,
        "overdue": found.overdue(today()),
    }
    return render(request, "improvement/action.html", context)
