"""Team workload (Climbie recommendation 19): every child the team holds, what is due, who
holds it, by when, red/amber/green; and the unallocated children (recommendation 54)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import render

from casework.accounts.access import AuthedRequest, requires
from casework.accounts.models import User
from casework.accounts.policy import policy
from casework.accounts.roles import Ability
from casework.records.evaluation import current_pack, today
from casework.records.presenters import Rag, rag_for, standard_title
from casework.work.queries import (
    allocation_due,
    annotate_standard_due,
    caseloads,
    with_rag,
)

PER_PAGE = 50


@requires(Ability.SEE_TEAM_WORKLOAD)
def team(request: AuthedRequest) -> HttpResponse:
    user = request.user
    day = today()
    teams = policy.teams(user)
    chosen = request.GET.get("team") or user.team_id
    team = teams.filter(pk=chosen).first() if chosen else teams.first()
    if team is None:
        raise Http404("No team")
    held = policy.viewable(user).filter(team=team, is_open=True)

    worker = request.GET.get("worker", "")
    standard = request.GET.get("standard", "")
    status = request.GET.get("status", "")
    people = held.select_related("worker")
    if worker == "unallocated":
        people = people.filter(worker__isnull=True)
    elif worker.isdigit():
        people = people.filter(worker=int(worker))
    due_field = ""
    if standard:
        people = annotate_standard_due(people, standard)
        due_field = "standard_due"
    if status in set(Rag):
        people = with_rag(people, status, day, due_field)
    order = F(due_field or "next_due").asc(nulls_last=True)
    page = Paginator(people.order_by(order, "family_name", "id"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = []
    for person in page:
        due = getattr(person, "standard_due", None) if standard else person.next_due
        rows.append(
            {
                "person": person,
                "due": due,
                "what": standard_title(standard or person.next_standard)
                if (standard or person.next_standard)
                else "",
                "rag": rag_for(due, 0 if standard else person.overdue_count, day),
            }
        )

    workers = User.objects.filter(team=team, is_active=True)
    query = urlencode(
        {
            k: v
            for k, v in {
                "team": team.pk,
                "worker": worker,
                "standard": standard,
                "status": status,
            }.items()
            if v
        }
    )
    unallocated = held.filter(worker__isnull=True).order_by(
        F("next_due").asc(nulls_last=True), "family_name"
    )
    context = {
        "today": day,
        "team": team,
        "teams": teams,
        "page": page,
        "rows": rows,
        "query": query,
        "filters": {"worker": worker, "standard": standard, "status": status},
        "workers": workers,
        "standards": [(s.id, s.title) for s in current_pack().checkable],
        "statuses": [
            (Rag.RED, "Red: overdue"),
            (Rag.AMBER, "Amber: due within a week"),
            (Rag.GREEN, "Green"),
        ],
        "total": held.count(),
        "caseloads": caseloads(held, day),
        "unallocated": unallocated,
        "allocation_due": [
            (o, standard_title(o.standard), o.status_on(day)) for o in allocation_due(held)
        ],
    }
    return render(request, "work/team.html", context)
