"""Taking a contact (about a known child or a new one) and the contact's own page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from casework.accounts.access import AuthedRequest, person_page, requires
from casework.accounts.roles import Ability
from casework.frontdoor.actions import (
    ContactInput,
    FrontDoorError,
    NewChild,
    take_contact,
)
from casework.frontdoor.forms import NEXT_STEPS, OUTCOMES, ContactForm, NewChildContactForm
from casework.frontdoor.models import Agency, Contact, ContactMethod
from casework.frontdoor.reminder import day_23
from casework.frontdoor.timers import timers_for
from casework.records.evaluation import now as current_time
from casework.records.models import Event, Person


def _input(form: ContactForm) -> ContactInput:
    data = form.cleaned_data
    return ContactInput(
        received_at=form.moment(),
        method=data["method"],
        caller_name=data["caller_name"],
        caller_relationship=data["caller_relationship"],
        caller_contact=data["caller_contact"],
        concern=data["concern"],
        deliberate_harm_alleged=data["deliberate_harm_alleged"],
    )


def _saved(request: AuthedRequest, contact: Contact) -> HttpResponse:
    messages.success(request, "Contact recorded")
    return redirect("frontdoor:contact", public_id=contact.person.public_id, contact_id=contact.pk)


@requires(Ability.TAKE_CONTACTS)
def contact_new_child(request: AuthedRequest) -> HttpResponse:
    """A contact about a child not known to the service: adds the child to the user's team."""
    posted = request.POST if request.method == "POST" else None
    form = NewChildContactForm(current_time(), posted)
    if posted is not None and form.is_valid():
        data = form.cleaned_data
        child = NewChild(data["given_name"], data["family_name"], data["date_of_birth"])
        try:
            return _saved(request, take_contact(request.user, _input(form), child=child))
        except FrontDoorError as exc:
            form.add_error(None, str(exc))
    return render(request, "frontdoor/contact_new.html", {"form": form, "person": None})


@person_page()
def contact_new(request: AuthedRequest, person: Person) -> HttpResponse:
    """A contact about a child the user may see."""
    if not request.user.can(Ability.TAKE_CONTACTS):
        raise PermissionDenied
    posted = request.POST if request.method == "POST" else None
    form = ContactForm(current_time(), posted)
    if posted is not None and form.is_valid():
        try:
            return _saved(request, take_contact(request.user, _input(form), person=person))
        except FrontDoorError as exc:
            form.add_error(None, str(exc))
    return render(request, "frontdoor/contact_new.html", {"form": form, "person": person})


def contact_of(person: Person, contact_id: int) -> Contact:
    return get_object_or_404(
        Contact.objects.select_related("person", "recorded_by", "event"),
        pk=contact_id,
        person=person,
    )


_WORDS = {
    **dict(NEXT_STEPS),
    **dict(OUTCOMES),
    **dict(ContactMethod.choices),
    **dict(Agency.choices),
}


def _words(value: str) -> str:
    return ", ".join(_WORDS.get(part, part) for part in value.split(", "))


def _happened(contact: Contact) -> list[tuple[Event, list[tuple[str, str]]]]:
    """The contact's events in the order they happened, with their details in words."""
    rows = (
        Event.objects.filter(
            person=contact.person, episode__key=contact.episode_key, withdrawn=False
        )
        .exclude(type="mash_agency_reply")
        .select_related("written_by")
        .order_by("occurred", "occurred_time", "id")
    )
    return [(e, [(label, _words(value)) for label, value in e.detail_items()]) for e in rows]


def reminders(contact: Contact, person: Person) -> list[tuple[str, str]]:
    """What the Climbié recommendations ask at the front door, for this contact: (what,
    citation). They have no timer in the standards pack; the page says them anyway."""
    found = []
    if contact.event.details.get("deliberate_harm_alleged") == "yes":
        found += [
            (
                "See and speak to the child within 24 hours of the allegation of deliberate "
                "harm, or record why not.",
                "001 · Recommendation 35",
            ),
            (
                "The allegation may be a criminal offence: inform the police at the earliest "
                "opportunity.",
                "001 · Recommendation 98",
            ),
            (
                "Get legal advice before taking any emergency action.",
                "001 · Recommendation 36",
            ),
        ]
    if person.interpreter_needed or person.first_language.strip().lower() not in ("", "english"):
        found.append(
            (
                "The child's first language is not English: use an interpreter, or record "
                "why one was not used.",
                "001 · Recommendation 18",
            )
        )
    if contact.method != "online_form":
        found.append(
            (
                "A professional making a referral must confirm it in writing within 48 hours.",
                "001 · Recommendation 21",
            )
        )
    return found


@person_page()
def contact(request: AuthedRequest, person: Person, contact_id: int) -> HttpResponse:
    found = contact_of(person, contact_id)
    now = current_time()
    user = request.user
    types = set(
        Event.objects.filter(
            person=person, episode__key=found.episode_key, withdrawn=False
        ).values_list("type", flat=True)
    )
    context = {
        "person": person,
        "contact": found,
        "timers": timers_for([found], now)[found.pk],
        "happened": _happened(found),
        "checks": found.checks.all(),
        "done": types,
        "may_record": user.can(Ability.TAKE_CONTACTS) and found.is_open,
        "may_decide": user.can(Ability.TAKE_CONTACTS) and user.can(Ability.ALLOCATE),
        "day_23": day_23(found.assessment_started) if found.assessment_started else None,
        "reminders": reminders(found, person),
        "now": now,
    }
    return render(request, "frontdoor/contact.html", context)
