"""Events on a record: the list, one event with its history, record, correct, withdraw."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from casework.accounts.access import AuthedRequest, person_page
from casework.accounts.models import User
from casework.records.actions import correct_event, record_event, withdraw_event
from casework.records.actions.events import Correction, EventInput
from casework.records.evaluation import today
from casework.records.forms import CorrectionForm, EventForm, EventTypeForm, WithdrawForm
from casework.records.models import Event, Person
from casework.records.views.record import tabs
from casework.standards import vocabulary

EVENTS_PER_PAGE = 50


def _workers(request: AuthedRequest, person: Person) -> QuerySet[User]:
    """Who an event can be recorded against: the person's team, their worker, and me."""
    mine = Q(pk=request.user.pk) | Q(pk=person.worker_id)
    if person.team_id is not None:
        mine |= Q(team=person.team_id)
    return User.objects.filter(mine, is_active=True).order_by("last_name", "first_name")


@person_page()
def events(request: AuthedRequest, person: Person) -> HttpResponse:
    rows = person.events.select_related("worker", "episode").order_by("-occurred", "-id")
    page = Paginator(rows, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"person": person, "page": page, **tabs(request, person)}
    return render(request, "records/events.html", context)


@person_page()
def event_detail(request: AuthedRequest, person: Person, event_id: int) -> HttpResponse:
    event = get_object_or_404(
        Event.objects.select_related("worker", "written_by", "episode"), pk=event_id, person=person
    )
    versions = event.versions.select_related("worker", "written_by")
    context = {"person": person, "event": event, "versions": versions, **tabs(request, person)}
    return render(request, "records/event_detail.html", context)


@person_page(change=True)
def event_new(request: AuthedRequest, person: Person) -> HttpResponse:
    event_type = request.POST.get("type") or request.GET.get("type", "")
    if event_type not in vocabulary().events:
        chooser = EventTypeForm(request.GET if "type" in request.GET else None)
        chooser.is_valid()
        context = {"person": person, "form": chooser, **tabs(request, person)}
        return render(request, "records/event_choose.html", context)
    data = request.POST if request.method == "POST" else None
    initial = {"worker": request.user.pk, "occurred": today()}
    form = EventForm(today(), event_type, person, _workers(request, person), data, initial=initial)
    if data is not None and form.is_valid():
        record_event(
            request.user,
            person,
            EventInput(
                type=event_type,
                occurred=form.cleaned_data["occurred"],
                occurred_time=form.cleaned_data["occurred_time"],
                worker=form.cleaned_data["worker"],
                episode=form.cleaned_data.get("episode"),
                details=form.details(),
                note=form.cleaned_data["note"],
            ),
        )
        messages.success(request, f"{vocabulary().events[event_type].title} recorded")
        return redirect("records:record", public_id=person.public_id)
    context = {
        "person": person,
        "form": form,
        "event_title": vocabulary().events[event_type].title,
        "event_type": event_type,
        **tabs(request, person),
    }
    return render(request, "records/event_form.html", context)


@person_page(change=True)
def event_correct(request: AuthedRequest, person: Person, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=event_id, person=person, withdrawn=False)
    data = request.POST if request.method == "POST" else None
    form = CorrectionForm(
        today(),
        event.type,
        person,
        _workers(request, person),
        data,
        with_episode=False,
        initial=CorrectionForm.initial_for(event),
    )
    if data is not None and form.is_valid():
        correct_event(
            request.user,
            event,
            Correction(
                occurred=form.cleaned_data["occurred"],
                occurred_time=form.cleaned_data["occurred_time"],
                worker=form.cleaned_data["worker"],
                details=form.details(),
                note=form.cleaned_data["note"],
                reason=form.cleaned_data["reason"],
            ),
        )
        messages.success(request, "Correction saved. The earlier version is kept in the history.")
        return redirect("records:event", public_id=person.public_id, event_id=event.pk)
    context = {"person": person, "form": form, "event": event, **tabs(request, person)}
    return render(request, "records/event_correct.html", context)


@person_page(change=True)
def event_withdraw(request: AuthedRequest, person: Person, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=event_id, person=person, withdrawn=False)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        withdraw_event(request.user, event, form.cleaned_data["reason"])
        messages.success(request, "The event no longer counts. It is kept in the history.")
        return redirect("records:event", public_id=person.public_id, event_id=event.pk)
    context = {"person": person, "form": form, "event": event, **tabs(request, person)}
    return render(request, "records/event_withdraw.html", context)
