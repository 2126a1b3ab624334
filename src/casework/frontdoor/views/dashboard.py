"""The duty dashboard (every open contact the user may see, most urgent first) and finding
the child a new contact is about."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render

from casework.accounts.access import AuthedRequest, requires
from casework.accounts.policy import policy
from casework.accounts.roles import Ability
from casework.frontdoor.forms import FindForm
from casework.frontdoor.models import Contact
from casework.frontdoor.timers import Timer, soonest, timers_for
from casework.records.evaluation import now as current_time

FOUND_AT_MOST = 20
_NEVER = dt.datetime.max.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class OpenContact:
    contact: Contact
    timers: list[Timer]  # outstanding ones, soonest first
    soonest: dt.datetime | None


def open_contacts(contacts: list[Contact], now: dt.datetime) -> list[OpenContact]:
    """Each open contact with its timers, the contact with the soonest deadline first."""
    timers = timers_for(contacts, now)
    rows = [
        OpenContact(c, [t for t in timers[c.pk] if t.outstanding], soonest(timers[c.pk]))
        for c in contacts
    ]
    rows.sort(key=lambda r: (r.soonest or _NEVER, r.contact.received_at))
    return rows


@requires(Ability.TAKE_CONTACTS)
def dashboard(request: AuthedRequest) -> HttpResponse:
    now = current_time()
    contacts = list(
        Contact.objects.filter(closed_at__isnull=True, person__in=policy.viewable(request.user))
        .select_related("person", "recorded_by")
        .order_by("received_at", "pk")
    )
    context = {"rows": open_contacts(contacts, now), "now": now}
    return render(request, "frontdoor/dashboard.html", context)


@requires(Ability.TAKE_CONTACTS)
def find_child(request: AuthedRequest) -> HttpResponse:
    form = FindForm(request.GET if "q" in request.GET else None)
    found = None
    if form.is_bound and form.is_valid():
        words = form.cleaned_data["q"].split()
        people = policy.viewable(request.user).filter(kind="child")
        for word in words:
            people = people.filter(
                Q(given_name__icontains=word)
                | Q(family_name__icontains=word)
                | Q(reference__iexact=word)
            )
        found = list(
            people.select_related("team").order_by("family_name", "given_name")[:FOUND_AT_MOST]
        )
    return render(request, "frontdoor/find.html", {"form": form, "found": found})
