"""Signing in and out, the home redirect, and a person's access log."""

from __future__ import annotations

from django.contrib.auth import login, logout
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from casework.accounts.access import AuthedRequest, person_page, public, signed_in
from casework.accounts.audit import audit
from casework.accounts.forms import SignInForm
from casework.accounts.models import AccessLog, AuditAction
from casework.accounts.policy import policy
from casework.accounts.roles import Ability
from casework.records.models import Person
from casework.records.views.record import tabs


@public
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignInForm(request, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid() and form.user is not None:
            login(request, form.user)
            audit(form.user, AuditAction.SIGNED_IN)
            target = request.POST.get("next", "")
            if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
                return redirect(target)
            return redirect("home")
        audit(None, AuditAction.SIGN_IN_FAILED)
    return render(
        request,
        "accounts/sign_in.html",
        {"form": form, "next": request.GET.get("next", request.POST.get("next", ""))},
    )


@signed_in
@require_POST
def sign_out(request: AuthedRequest) -> HttpResponse:
    audit(request.user, AuditAction.SIGNED_OUT)
    logout(request)
    return redirect("accounts:login")


@signed_in
def home(request: AuthedRequest) -> HttpResponse:
    user = request.user
    if user.can(Ability.SEE_TEAM_WORKLOAD) and policy.teams(user).exists():
        return redirect("work:team")
    if user.can(Ability.VIEW_RECORDS):
        return redirect("work:my_work")
    if user.can(Ability.SEE_FIGURES):
        return redirect("work:figures")
    return render(request, "accounts/nothing_to_show.html")


PAGE_NAMES = {
    "records:record": "Summary and what is due",
    "records:chronology": "Chronology",
    "records:chronology_add": "Add a chronology entry",
    "records:events": "Events",
    "records:event": "One event and its history",
    "records:event_new": "Record an event",
    "records:event_correct": "Correct an event",
    "records:event_withdraw": "Withdraw an event",
    "records:access_log": "Who has viewed this record",
    "records:front_sheet_change": "Change the front sheet",
    "work:allocation": "Allocation",
    "records:eligibility": "Eligibility and status",
    "records:eligibility_decide": "Record an eligibility decision",
    "frontdoor:contact_new": "Record a contact at the front door",
    "frontdoor:contact": "A contact at the front door",
    "frontdoor:step": "A step on a front door contact",
    "frontdoor:check_back": "Agency checks back on a front door contact",
    "frontdoor:allocation": "Allocation from the front door",
    "frontdoor:day_23_invite": "Day 23 calendar invite",
    "challenges:person": "Practice challenges and dip audits",
    "challenges:raise": "Raise a practice challenge",
    "challenges:detail": "A practice challenge",
    "challenges:dip_audit": "A dip audit",
    "quality:audit_form": "Case file audit",
    "quality:audit": "A completed case file audit",
    "quality:action": "A remedial action from a case file audit",
}


@person_page()
def access_log(request: AuthedRequest, person: Person) -> HttpResponse:
    if not policy.can_read_access_log(request.user, person):
        raise PermissionDenied
    rows = AccessLog.objects.filter(person=person).select_related("user")
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    entries = [(row, PAGE_NAMES.get(row.page, row.page)) for row in page]
    context = {"person": person, "page": page, "entries": entries, **tabs(request, person)}
    return render(request, "accounts/access_log.html", context)
