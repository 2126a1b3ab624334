"""Adding a child, and changing a child's front sheet."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render

from casework.accounts.access import AuthedRequest, person_page, requires
from casework.accounts.policy import policy
from casework.accounts.roles import Ability
from casework.records.actions.people import add_child, allocatable_workers, change_front_sheet
from casework.records.evaluation import today
from casework.records.front_sheet_forms import AddChildForm, FrontSheetForm
from casework.records.models import Person
from casework.records.views.record import tabs


@requires(Ability.RECORD_EVENTS)
def child_new(request: AuthedRequest) -> HttpResponse:
    user = request.user
    teams = policy.teams_to_add_to(user)
    if not teams.exists():
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = AddChildForm(today(), teams, allocatable_workers(user), data)
    if data is not None and form.is_valid():
        person = add_child(
            user, form.sheet(), form.cleaned_data["team"], form.cleaned_data.get("worker")
        )
        messages.success(request, f"{person.full_name} added, case number {person.reference}")
        return redirect("records:record", public_id=person.public_id)
    return render(request, "records/child_new.html", {"form": form})


@person_page(change=True)
def front_sheet_change(request: AuthedRequest, person: Person) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = FrontSheetForm(today(), data, initial=FrontSheetForm.initial_for(person))
    if data is not None and form.is_valid():
        changed = change_front_sheet(request.user, person, form.sheet())
        if changed:
            messages.success(request, "Front sheet changed. The earlier values are kept below.")
        else:
            messages.success(request, "Nothing was changed")
        return redirect("records:record", public_id=person.public_id)
    context = {"person": person, "form": form, **tabs(request, person)}
    return render(request, "records/front_sheet_change.html", context)
