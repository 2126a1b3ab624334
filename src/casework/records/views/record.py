"""The child's record: front sheet and obligations, chronology, episodes."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from casework.accounts.access import AuthedRequest, person_page
from casework.accounts.policy import policy
from casework.accounts.roles import Ability
from casework.records.actions import add_chronology_entry
from casework.records.evaluation import current_pack, today
from casework.records.forms import ChronologyEntryForm
from casework.records.models import ObligationStatus, Person
from casework.records.presenters import ObligationRow, chronology, present, rag_for

_OUTSTANDING = (ObligationStatus.OPEN, ObligationStatus.OVERDUE)
RECENTLY_MET = 20


def tabs(request: AuthedRequest, person: Person) -> dict[str, bool]:
    """Which of the record's pages the user may use."""
    user = request.user
    return {
        "can_change": policy.changeable(user).filter(pk=person.pk).exists(),
        "can_allocate": policy.allocatable(user).filter(pk=person.pk).exists(),
        "can_read_log": user.can(Ability.READ_ACCESS_LOG),
    }


@person_page()
def record(request: AuthedRequest, person: Person) -> HttpResponse:
    day = today()
    outstanding: list[ObligationRow] = [
        present(o, day) for o in person.obligations.filter(status__in=_OUTSTANDING)
    ]
    met = [
        present(o, day)
        for o in person.obligations.exclude(status__in=_OUTSTANDING).order_by("-due")[:RECENTLY_MET]
    ]
    context = {
        "person": person,
        "today": day,
        "age": person.age_on(day),
        "rag": rag_for(person.next_due, person.overdue_count, day),
        "overdue": [o for o in outstanding if o.status is ObligationStatus.OVERDUE],
        "due": [o for o in outstanding if o.status is ObligationStatus.OPEN],
        "met": met,
        "episodes": person.episodes.all(),
        "front_sheet_changes": person.front_sheet_changes.select_related("changed_by"),
        "pack_title": current_pack().title,
        **tabs(request, person),
    }
    return render(request, "records/record.html", context)


@person_page()
def chronology_view(request: AuthedRequest, person: Person) -> HttpResponse:
    significant_only = request.GET.get("significant") == "yes"
    area = request.GET.get("area", "")
    events = list(
        person.events.filter(withdrawn=False).select_related("worker").order_by("-occurred")
    )
    entries = list(person.chronology_entries.select_related("written_by"))
    rows = chronology(events, entries)
    areas = sorted({r.area for r in rows if r.area})
    if significant_only:
        rows = [r for r in rows if r.significant]
    if area:
        rows = [r for r in rows if r.area == area]
    context = {
        "person": person,
        "rows": rows,
        "areas": areas,
        "area": area,
        "significant_only": significant_only,
        **tabs(request, person),
    }
    return render(request, "records/chronology.html", context)


@person_page(change=True)
def chronology_add(request: AuthedRequest, person: Person) -> HttpResponse:
    form = ChronologyEntryForm(today(), request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        add_chronology_entry(
            request.user,
            person,
            occurred=form.cleaned_data["occurred"],
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
            significant=form.cleaned_data["significant"],
        )
        messages.success(request, "Chronology entry added")
        return redirect("records:chronology", public_id=person.public_id)
    context = {"person": person, "form": form, **tabs(request, person)}
    return render(request, "records/chronology_add.html", context)
