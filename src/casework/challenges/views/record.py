"""A child's practice challenges and dip audits: raise, answer, escalate, close, decide."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from casework.accounts.access import AuthedRequest, person_page
from casework.accounts.roles import Ability
from casework.challenges import actions, dip_audits
from casework.challenges.forms import (
    CloseForm,
    ConfirmDipAuditForm,
    DismissDipAuditForm,
    EscalateForm,
    RaiseForm,
    RespondForm,
)
from casework.challenges.models import Challenge, ChallengeStage, DipAudit, DipAuditStatus
from casework.challenges.rules import rules
from casework.challenges.views.lists import lapsed, may_use
from casework.records.evaluation import today
from casework.records.models import Person, PersonKind
from casework.records.views.record import tabs


@person_page()
def person_challenges(request: AuthedRequest, person: Person) -> HttpResponse:
    if not may_use(request.user):
        raise PermissionDenied
    context = {
        "person": person,
        "challenges": Challenge.objects.filter(person=person).select_related("raised_by"),
        "dip_audits": DipAudit.objects.filter(person=person),
        "can_raise": request.user.can(Ability.RAISE_CHALLENGES),
        **tabs(request, person),
    }
    return render(request, "challenges/person.html", context)


@person_page()
def raise_challenge(request: AuthedRequest, person: Person) -> HttpResponse:
    if not request.user.can(Ability.RAISE_CHALLENGES):
        raise PermissionDenied
    if person.kind != PersonKind.CHILD:
        raise Http404("Practice challenges are about children's cases")
    form = RaiseForm(request.POST if request.method == "POST" else None)
    day = today()
    if form.is_valid():
        challenge = actions.raise_challenge(
            request.user,
            person,
            concern=form.cleaned_data["concern"],
            wanted=form.cleaned_data["wanted"],
            today=day,
        )
        messages.success(request, "Practice challenge raised")
        return redirect("challenges:detail", public_id=person.public_id, pk=challenge.pk)
    first = rules().stage(1)
    context = {
        "person": person,
        "form": form,
        "first": first,
        "due": rules().due(first, day),
        **tabs(request, person),
    }
    return render(request, "challenges/raise.html", context)


@person_page()
def detail(request: AuthedRequest, person: Person, pk: int) -> HttpResponse:
    user = request.user
    challenge = Challenge.objects.filter(pk=pk, person=person).select_related("raised_by").first()
    if challenge is None:
        raise Http404("No such challenge")
    may_respond = actions.may_respond(user, challenge)
    may_decide = actions.may_decide(user, challenge)
    if not (may_use(user) or may_respond):
        raise PermissionDenied
    action = request.POST.get("action", "") if request.method == "POST" else ""
    posted = request.POST if action else None
    respond_form = RespondForm(posted if action == "respond" else None, prefix="respond")
    escalate_form = EscalateForm(posted if action == "escalate" else None, prefix="escalate")
    close_form = CloseForm(posted if action == "close" else None, prefix="close")
    day = today()
    if action == "respond":
        if not may_respond:
            raise PermissionDenied
        if respond_form.is_valid():
            actions.respond(
                user, challenge, response=respond_form.cleaned_data["response"], today=day
            )
            messages.success(request, "Response recorded")
            return redirect(request.path)
    elif action == "escalate":
        if not may_decide or challenge.stage >= rules().last:
            raise PermissionDenied
        if escalate_form.is_valid():
            actions.escalate(
                user,
                challenge,
                today=day,
                lapsed=False,
                reason=escalate_form.cleaned_data["reason"],
            )
            messages.success(request, "Escalated to the next stage")
            return redirect(request.path)
    elif action == "close":
        if not may_decide:
            raise PermissionDenied
        if close_form.is_valid():
            data = close_form.cleaned_data
            actions.close(
                user, challenge, resolved=data["resolved"], outcome=data["outcome"], today=day
            )
            messages.success(request, "Challenge closed")
            return redirect(request.path)
    elif action:
        raise PermissionDenied
    stages = list(
        ChallengeStage.objects.filter(challenge=challenge).select_related("holder", "responded_by")
    )
    forms = {"respond": respond_form, "escalate": escalate_form, "close": close_form}
    context = {
        "person": person,
        "challenge": challenge,
        "stages": [(s, lapsed(s, day)) for s in stages],
        "current": next((s for s in stages if s.number == challenge.stage), None),
        "respond_form": respond_form,
        "escalate_form": escalate_form,
        "close_form": close_form,
        "form": forms.get(action, respond_form),
        "may_respond": may_respond,
        "may_decide": may_decide,
        "can_escalate": may_decide and challenge.stage < rules().last,
        "today": day,
        **tabs(request, person),
    }
    return render(request, "challenges/detail.html", context)


@person_page()
def dip_audit(request: AuthedRequest, person: Person, pk: int) -> HttpResponse:
    user = request.user
    if not user.can(Ability.RAISE_CHALLENGES):
        raise PermissionDenied
    dip = DipAudit.objects.filter(pk=pk, person=person).select_related("decided_by").first()
    if dip is None:
        raise Http404("No such dip audit")
    action = request.POST.get("action", "") if request.method == "POST" else ""
    posted = request.POST if action else None
    confirm_form = ConfirmDipAuditForm(posted if action == "confirm" else None, prefix="confirm")
    dismiss_form = DismissDipAuditForm(posted if action == "dismiss" else None, prefix="dismiss")
    if action and dip.status != DipAuditStatus.PROPOSED:
        messages.success(request, "This dip audit has already been decided")
        return redirect(request.path)
    if action == "confirm" and confirm_form.is_valid():
        dip_audits.confirm(user, dip, findings=confirm_form.cleaned_data["findings"])
        messages.success(request, "Dip audit recorded")
        return redirect("challenges:dip_audits")
    if action == "dismiss" and dismiss_form.is_valid():
        dip_audits.dismiss(user, dip, reason=dismiss_form.cleaned_data["reason"])
        messages.success(request, "Dip audit dismissed")
        return redirect("challenges:dip_audits")
    context = {
        "person": person,
        "dip": dip,
        "rule": rules().dip_audits[dip.trigger],
        "confirm_form": confirm_form,
        "dismiss_form": dismiss_form,
        "form": dismiss_form if action == "dismiss" else confirm_form,
        **tabs(request, person),
    }
    return render(request, "challenges/dip_audit.html", context)
