"""Allocate a child to a worker, transfer them to another team, or mark them unallocated."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render

from casework.accounts.access import AuthedRequest, person_page
from casework.accounts.models import User
from casework.accounts.policy import policy
from casework.accounts.roles import Role
from casework.records.evaluation import today
from casework.records.models import Person
from casework.records.presenters import standard_title
from casework.records.views.record import tabs
from casework.work.actions import allocate, mark_unallocated, transfer
from casework.work.forms import AllocateForm, TransferForm, UnallocatedForm
from casework.work.queries import allocation_due

CASE_HOLDING = (
    Role.SOCIAL_WORKER,
    Role.ASSISTANT_TEAM_MANAGER,
    Role.TEAM_MANAGER,
)


def _workers(user: User) -> QuerySet[User]:
    """Case-holding staff in the teams the user manages."""
    teams = policy.teams(user)
    return User.objects.filter(
        Q(team__in=teams), role__in=CASE_HOLDING, is_active=True
    ).select_related("team")


@person_page(allocate=True)
def allocation(request: AuthedRequest, person: Person) -> HttpResponse:
    user = request.user
    action = request.POST.get("action", "")
    posted = request.POST if request.method == "POST" else None
    allocate_form = AllocateForm(
        _workers(user), posted if action == "allocate" else None, prefix="allocate"
    )
    transfer_form = TransferForm(posted if action == "transfer" else None, prefix="transfer")
    unallocated_form = UnallocatedForm(
        posted if action == "unallocate" else None, prefix="unallocate"
    )
    if action == "allocate" and allocate_form.is_valid():
        allocate(user, person, allocate_form.cleaned_data["worker"])
        messages.success(request, "Allocated")
        return redirect("records:record", public_id=person.public_id)
    if action == "transfer" and transfer_form.is_valid():
        data = transfer_form.cleaned_data
        transfer(
            user,
            person,
            data["team"],
            reason=data["reason"],
            contact_arrangement=data["contact_arrangement"],
        )
        messages.success(request, f"Transferred to {data['team'].name}")
        return redirect("home")
    if action == "unallocate" and unallocated_form.is_valid():
        data = unallocated_form.cleaned_data
        mark_unallocated(
            user, person, reason=data["reason"], contact_arrangement=data["contact_arrangement"]
        )
        messages.success(request, "Marked unallocated")
        return redirect("records:record", public_id=person.public_id)
    day = today()
    due = [
        (o, standard_title(o.standard), o.status_on(day))
        for o in allocation_due(Person.objects.filter(pk=person.pk))
    ]
    context = {
        "person": person,
        "allocate_form": allocate_form,
        "transfer_form": transfer_form,
        "unallocated_form": unallocated_form,
        "form": allocate_form
        if action == "allocate"
        else transfer_form
        if action == "transfer"
        else unallocated_form,
        "allocation_due": due,
        **tabs(request, person),
    }
    return render(request, "work/allocation.html", context)
