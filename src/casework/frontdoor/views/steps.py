"""The steps after a contact comes in, each a short form: consent, the MASH enquiry and its
checks back, the threshold recommendation and decision, the police referral, the outcome,
telling the referrer, and allocation with the day-23 reminder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from casework.accounts.access import AuthedRequest, person_page
from casework.accounts.models import User
from casework.accounts.roles import Ability
from casework.frontdoor import actions
from casework.frontdoor.forms import (
    AllocationForm,
    CheckBackForm,
    ConsentForm,
    DecisionForm,
    EnquiryForm,
    OutcomeForm,
    PoliceForm,
    RecommendationForm,
    ReferrerForm,
    WhenForm,
)
from casework.frontdoor.models import AgencyCheck, Contact
from casework.frontdoor.reminder import invite
from casework.frontdoor.views.contact import contact_of
from casework.records.actions.people import allocatable_workers
from casework.records.evaluation import now as current_time
from casework.records.models import Person

Handler = Callable[[User, Contact, WhenForm], None]


def _consent(user: User, contact: Contact, form: WhenForm) -> None:
    data = form.cleaned_data
    actions.record_consent(
        user,
        contact,
        at=form.moment(),
        override=data["consent"] == "override",
        rationale=data["rationale"],
    )


def _enquiry(user: User, contact: Contact, form: WhenForm) -> None:
    data = form.cleaned_data
    actions.open_enquiry(
        user, contact, at=form.moment(), grade=data["grade"], agencies=data["agencies"]
    )


def _recommendation(user: User, contact: Contact, form: WhenForm) -> None:
    data = form.cleaned_data
    actions.recommend_threshold(
        user,
        contact,
        at=form.moment(),
        tier=data["tier"],
        next_step=data["next_step"],
        reasons=data["reasons"],
    )


def _decision(user: User, contact: Contact, form: WhenForm) -> None:
    data = form.cleaned_data
    actions.decide_threshold(
        user,
        contact,
        at=form.moment(),
        tier=data["tier"],
        next_step=data["next_step"],
        reasons=data["reasons"],
        strategy_needed=data["strategy_needed"] == "yes",
    )


def _police(user: User, contact: Contact, form: WhenForm) -> None:
    actions.record_police_referral(user, contact, at=form.moment())


def _outcome(user: User, contact: Contact, form: WhenForm) -> None:
    actions.decide_outcome(user, contact, at=form.moment(), outcome=form.cleaned_data["outcome"])


def _referrer(user: User, contact: Contact, form: WhenForm) -> None:
    actions.tell_referrer(user, contact, at=form.moment(), method=form.cleaned_data["method"])


@dataclass(frozen=True)
class Step:
    title: str
    form: type[WhenForm]
    handler: Handler
    done: str  # the message once saved
    manager: bool = False  # the duty manager's step
    open_only: bool = True  # only while the contact is open


STEPS = {
    "consent": Step("Parental consent", ConsentForm, _consent, "Consent recorded"),
    "enquiry": Step("MASH enquiry", EnquiryForm, _enquiry, "MASH enquiry recorded"),
    "recommendation": Step(
        "Threshold recommendation", RecommendationForm, _recommendation, "Recommendation recorded"
    ),
    "decision": Step(
        "Manager's threshold decision", DecisionForm, _decision, "Decision recorded", manager=True
    ),
    "police": Step("Referral to the police", PoliceForm, _police, "Police referral recorded"),
    "outcome": Step("Outcome of the contact", OutcomeForm, _outcome, "Outcome recorded"),
    "referrer": Step(
        "Outcome sent to the referrer",
        ReferrerForm,
        _referrer,
        "Referrer told the outcome",
        open_only=False,
    ),
}


def _back(contact: Contact) -> HttpResponse:
    return redirect("frontdoor:contact", public_id=contact.person.public_id, contact_id=contact.pk)


def _may(request: AuthedRequest, *, manager: bool = False) -> None:
    user = request.user
    if not user.can(Ability.TAKE_CONTACTS) or (manager and not user.can(Ability.ALLOCATE)):
        raise PermissionDenied


@person_page()
def step(request: AuthedRequest, person: Person, contact_id: int, name: str) -> HttpResponse:
    found = STEPS.get(name)
    if found is None:
        raise Http404("No such step")
    _may(request, manager=found.manager)
    contact = contact_of(person, contact_id)
    if found.open_only and not contact.is_open:
        messages.success(request, "This contact is closed")
        return _back(contact)
    posted = request.POST if request.method == "POST" else None
    form = found.form(current_time(), posted)
    if posted is not None and form.is_valid():
        overriding = name == "consent" and form.cleaned_data["consent"] == "override"
        if overriding and not request.user.can(Ability.ALLOCATE):
            form.add_error("consent", "Only a duty manager can override consent")
        if form.is_valid():
            try:
                found.handler(request.user, contact, form)
            except actions.FrontDoorError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, found.done)
                return _back(contact)
    context = {"person": person, "contact": contact, "form": form, "title": found.title}
    return render(request, "frontdoor/step.html", context)


@person_page()
def check_back(
    request: AuthedRequest, person: Person, contact_id: int, check_id: int
) -> HttpResponse:
    _may(request)
    contact = contact_of(person, contact_id)
    check = get_object_or_404(AgencyCheck, pk=check_id, contact=contact)
    posted = request.POST if request.method == "POST" else None
    form = CheckBackForm(current_time(), posted)
    if posted is not None and form.is_valid():
        try:
            last = actions.record_check_back(request.user, check, at=form.moment())
        except actions.FrontDoorError as exc:
            form.add_error(None, str(exc))
        else:
            done = "All checks are back" if last else f"{check.get_agency_display()} checks back"
            messages.success(request, done)
            return _back(contact)
    title = f"{check.get_agency_display()} checks back"
    context = {"person": person, "contact": contact, "form": form, "title": title}
    return render(request, "frontdoor/step.html", context)


@person_page(allocate=True)
def allocation(request: AuthedRequest, person: Person, contact_id: int) -> HttpResponse:
    _may(request, manager=True)
    contact = contact_of(person, contact_id)
    if not contact.is_open:
        return _back(contact)
    posted = request.POST if request.method == "POST" else None
    initial = {"start_assessment": True}
    form = AllocationForm(allocatable_workers(request.user), posted, initial=initial)
    blocked = "" if contact.outcome == "referral" else "Record the outcome as a referral first."
    if posted is not None and not blocked and form.is_valid():
        try:
            actions.allocate_contact(
                request.user,
                contact,
                form.cleaned_data["worker"],
                start_assessment=form.cleaned_data["start_assessment"],
            )
        except actions.FrontDoorError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Allocated to {form.cleaned_data['worker'].display_name}")
            return _back(contact)
    context = {
        "person": person,
        "contact": contact,
        "form": form,
        "title": "Allocation",
        "blocked": blocked,
    }
    return render(request, "frontdoor/step.html", context)


@person_page()
def day_23_invite(request: AuthedRequest, person: Person, contact_id: int) -> HttpResponse:
    contact = contact_of(person, contact_id)
    if contact.assessment_started is None:
        raise Http404("No assessment was started from this contact")
    base = request.build_absolute_uri("/").rstrip("/")
    body = invite(contact.assessment_started, person.public_id, base, current_time())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="day-23-{person.public_id}.ics"'
    return response
