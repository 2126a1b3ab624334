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
from casework.reports.suppression import shown as _shown
from casework.reports.suppression import shown_group as _shown_group
from casework.work.queries import overdue_by_standard, red_q

TOP_STANDARDS = 15


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
    rows = list(by_team)
    unallocated_total = open_children.filter(worker__isnull=True).count()
    # Columns that add up to a total on the page hide small counts as a group, so that none
    # can be worked out by subtraction (casework.reports.suppression).
    children, total = _shown_group([r["children"] for r in rows], open_children.count(), suppress)
    unallocated, unallocated_shown = _shown_group(
        [r["children"] - r["allocated"] for r in rows], unallocated_total, suppress
    )
    teams = [
        {
            "name": row["team__name"] or "No team",
            "children": children[i],
            "unallocated": unallocated[i],
            "red": _shown(row["red"], suppress),
        }
        for i, row in enumerate(rows)
    ]
    reasons = list(
        open_children.filter(worker__isnull=True)
        .values("unallocated_reason")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    reason_counts, reasons_total = _shown_group(
        [r["n"] for r in reasons], unallocated_total, suppress
    )
    if unallocated_shown == f"{unallocated_total:,}":
        unallocated_shown = reasons_total  # hidden if either group had to hide it
    context = {
        "today": day,
        "total": total,
        "unallocated": unallocated_shown,
        "teams": teams,
        "reasons": [
            (r["unallocated_reason"] or "No reason recorded", reason_counts[i])
            for i, r in enumerate(reasons)
        ],
        "overdue": [
            (standard_title(s), _shown(n, suppress))
            for s, n in overdue_by_standard(open_children, day)[:TOP_STANDARDS]
        ],
        "suppress": suppress,
    }
    return render(request, "work/figures.html", context)
