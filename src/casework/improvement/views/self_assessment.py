"""The self-assessment pages: every criterion with its rating, evidence and live figures."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from casework.accounts.access import AuthedRequest, requires
from casework.accounts.models import User
from casework.accounts.roles import ROLE_ACCESS, Ability
from casework.improvement import actions
from casework.improvement.figures import Figures, LiveFigure
from casework.improvement.forms import ActionForm, RatingForm, StartForm
from casework.improvement.framework import framework
from casework.improvement.models import ActionPlan, CriterionRating, PlanAction, SelfAssessment
from casework.records.evaluation import today

# Linked pages and the ability each needs, so a link is offered only to those it opens for.
_LINK_ABILITY = {"work:team": Ability.SEE_TEAM_WORKLOAD, "work:figures": Ability.SEE_FIGURES}


def leads() -> QuerySet[User]:
    """Lead officers: staff who may read the action plans their actions sit in."""
    roles = [r for r, a in ROLE_ACCESS.items() if Ability.SEE_MANAGEMENT_INFORMATION in a.abilities]
    return User.objects.filter(is_active=True, role__in=roles)


def _links(user: User, found: list[LiveFigure]) -> list[tuple[LiveFigure, str]]:
    return [(f, f.link if f.link and user.can(_LINK_ABILITY[f.link]) else "") for f in found]


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def index(request: AuthedRequest) -> HttpResponse:
    user = request.user
    may_edit = user.can(Ability.RUN_QUALITY_PROGRAMME)
    form = StartForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            found = actions.start_self_assessment(user, form.cleaned_data["year"])
            messages.success(request, f"Self-assessment {found.year} started")
            return redirect("improvement:self_assessment", year=found.year)
    context = {
        "assessments": SelfAssessment.objects.all(),
        "plans": ActionPlan.objects.all(),
        "form": form,
        "may_edit": may_edit,
        "framework": framework(),
        "suggested_year": today().year,
    }
    return render(request, "improvement/index.html", context)


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def self_assessment(request: AuthedRequest, year: int) -> HttpResponse:
    assessment = get_object_or_404(SelfAssessment, year=year)
    found = framework()
    ratings = {r.number: r for r in assessment.ratings.all()}
    figures = Figures(today())
    standards = [
        (
            standard,
            [
                (c, ratings.get(c.number), _links(request.user, figures.for_keys(c.evidence)))
                for c in standard.criteria
            ],
        )
        for standard in found.standards
    ]
    scores = [r.score for r in ratings.values() if r.score is not None]
    context = {
        "assessment": assessment,
        "framework": found,
        "standards": standards,
        "rated": len(scores),
        "total": len(found.criteria),
        "counts": [(p, scores.count(p.score)) for p in found.scale.points],
        "plan": ActionPlan.objects.filter(self_assessment=assessment).first(),
    }
    return render(request, "improvement/self_assessment.html", context)


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def criterion(request: AuthedRequest, year: int, number: str) -> HttpResponse:
    user = request.user
    assessment = get_object_or_404(SelfAssessment, year=year)
    rating = CriterionRating.objects.filter(assessment=assessment, number=number).first()
    if rating is None:
        raise Http404("No such criterion")
    found = framework()
    item = found.criterion(number)
    may_edit = user.can(Ability.RUN_QUALITY_PROGRAMME)
    day = today()
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action and not may_edit:
        raise PermissionDenied
    posted = request.POST if action else None
    initial = {"score": rating.score, "evidence": rating.evidence}
    rating_form = RatingForm(posted if action == "rate" else None, initial=initial, prefix="rate")
    action_form = ActionForm(leads(), day, posted if action == "act" else None, prefix="act")
    if action == "rate" and rating_form.is_valid():
        actions.rate(
            user,
            rating,
            score=rating_form.cleaned_data["score"],
            evidence=rating_form.cleaned_data["evidence"],
        )
        messages.success(request, f"Criterion {number} rated")
        return redirect("improvement:self_assessment", year=year)
    if action == "act" and action_form.is_valid():
        data = action_form.cleaned_data
        actions.add_weakness_action(
            user,
            rating,
            text=data["text"],
            lead=data["lead"],
            target=data["target"],
            forum=data["forum"],
        )
        messages.success(request, "Action added to the action plan")
        return redirect(request.path)
    plan_actions = PlanAction.objects.filter(
        recommendation__plan__self_assessment=assessment, recommendation__criterion=number
    ).select_related("lead", "recommendation")
    context = {
        "assessment": assessment,
        "framework": found,
        "criterion": item,
        "rating": rating,
        "point": found.scale.point(rating.score) if rating.score else None,
        "recommendations": [
            found.recommendations[n] for n in item.recommendations if n in found.recommendations
        ],
        "figures": _links(user, Figures(day).for_keys(item.evidence)),
        "rating_form": rating_form,
        "action_form": action_form,
        "form": action_form if action == "act" else rating_form,
        "may_edit": may_edit,
        "weak": rating.score is not None and rating.score <= 2,
        "plan_actions": [(a, a.overdue(day)) for a in plan_actions],
    }
    return render(request, "improvement/criterion.html", context)
