"""Figures for the whole service, with no child named: for councillors, managers and
analysts. Small numbers are hidden from those who cannot open records."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render

from casework.accounts.access import AuthedRequest, requires
from casework.accounts.roles import Ability, Scope
from casework.records.evaluation import today
from casework.records.models import Person, PersonKind
from casework.records.presenters import standard_title
from casework.work.queries import overdue_by_standard, red_q

SMALL = 5
TOP_STANDARDS = 15


def _shown(n: int, suppress: bool) -> str:
    if suppress and 0 < n < SMALL:
        return f"fewer than {SMALL}"
    return f"{n:,}"


@requires(Ability.SEE_FIGURES)
def figures(request: AuthedRequest) -> HttpResponse:
    day = today()
    suppress = request.user.access.see is Scope.NONE
    open_children = Person.objects.filter(is_open=True, kind=PersonKind.CHILD)
    by_team = (
        open_children.values("team__name")
        .annotate(
            children=Count("id"),
            allocated=Count("worker"),  # counts only children with a worker
            red=Count("id", filter=red_q(day)),
        )
        .order_by("team__name")
    )
    teams = [
        {
            "name": row["team__name"] or "No team",
            "children": _shown(row["children"], suppress),
            "unallocated": _shown(row["children"] - row["allocated"], suppress),
            "red": _shown(row["red"], suppress),
        }
        for row in by_team
    ]
    reasons = (
        open_children.filter(worker__isnull=True)
        .values("unallocated_reason")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    context = {
        "today": day,
        "total": _shown(open_children.count(), suppress),
        "unallocated": _shown(open_children.filter(worker__isnull=True).count(), suppress),
        "teams": teams,
        "reasons": [
            (r["unallocated_reason"] or "No reason recorded", _shown(r["n"], suppress))
            for r in reasons
        ],
        "overdue": [
            (standard_title(s), _shown(n, suppress))
            for s, n in overdue_by_standard(open_children, day)[:TOP_STANDARDS]
        ],
        "suppress": suppress,
    }
    return render(request, "work/figures.html", context)
