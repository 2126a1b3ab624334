"""The weekly team report and what-if."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.shortcuts import render

from casework.accounts.access import AuthedRequest, requires
from casework.accounts.policy import policy
from casework.accounts.roles import Ability, Scope
from casework.calendar import calendar_for
from casework.charts import Series, grouped_bar_chart
from casework.insight import Compliance, PeriodKind, periods, what_if
from casework.insight.compute import shift
from casework.insight.whatif import interval_names
from casework.performance.data import load_events
from casework.performance.forms import WhatIfForm
from casework.performance.team_report import team_week
from casework.records.evaluation import current_pack, today
from casework.records.models import Team
from casework.standards import vocabulary
from casework.standards.model import Standard
from casework.standards.timescale import Timescale

WEEKS = 13


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def team_report(request: AuthedRequest) -> HttpResponse:
    teams = list(policy.teams(request.user).order_by("name")) or list(Team.objects.order_by("name"))
    raw = request.GET.get("team", "")
    team = next((t for t in teams if str(t.pk) == raw), None)
    if team is None and request.user.team_id is not None:
        team = next((t for t in teams if t.pk == request.user.team_id), None)
    team = team or (teams[0] if teams else None)
    weeks = periods(PeriodKind.WEEK, today(), WEEKS)
    week = next((w for w in weeks if w.key == request.GET.get("week")), None)
    week = week or (weeks[-2] if len(weeks) > 1 else weeks[-1])
    report = team_week(team, week) if team is not None else None
    viewable: set[int] = set()
    if report is not None and request.user.access.see is not Scope.NONE:
        ids = [a.person.pk for a in report.in_progress]
        viewable = set(
            policy.viewable(request.user).filter(pk__in=ids).values_list("pk", flat=True)
        )
    return render(
        request,
        "performance/team_report.html",
        {
            "teams": teams,
            "team": team,
            "weeks": [(w.key, w.label) for w in weeks][::-1],
            "week": week,
            "report": report,
            "viewable": viewable,
            "counts_only": request.user.access.see is Scope.NONE,
        },
    )


def _event_types(standard: Standard) -> set[str]:
    """The event types the engine reads to evaluate one standard."""
    names = {"birth"}
    for match in (standard.trigger.match, standard.met_by, standard.waived_by):
        if match is not None:
            names |= set(match.events)
    episodes = vocabulary().episodes
    if standard.episode and standard.episode in episodes:
        names |= {episodes[standard.episode].starts, episodes[standard.episode].ends}
    return names


def _outcomes(name: str, counts: Compliance) -> Series:
    return Series.of(
        name,
        [("Met on time", counts.met), ("Met late", counts.late), ("Overdue", counts.overdue)],
    )


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def what_if_page(request: AuthedRequest) -> HttpResponse:
    """Nothing is changed: the form only asks what compliance would have been."""
    pack = current_pack()
    form = WhatIfForm(request.GET if "standard" in request.GET else None, pack=pack)
    end = today()
    start = shift(end, Timescale.parse("12 months"), calendar_for(pack.calendar), sign=-1)
    start += dt.timedelta(days=1)
    found = None
    chart = None
    if form.is_bound and form.is_valid():
        standard = pack.get(form.cleaned_data["standard"])
        events = load_events(_event_types(standard)).events
        found = what_if(
            events,
            pack,
            standard.id,
            form.cleaned_data["position"],
            form.cleaned_data["timescale"],
            start,
            end,
        )
        chart = grouped_bar_chart(
            f"{standard.title}: obligations due in the last 12 months",
            [
                _outcomes(f"As it is ({found.old.text})", found.now),
                _outcomes(f"If changed ({found.new.text})", found.then),
            ],
            label_heading="Outcome",
            id="what-if",
        )
    return render(
        request,
        "performance/what_if.html",
        {
            "form": form,
            "found": found,
            "chart": chart,
            "start": start,
            "end": end,
            "interval_name": (
                interval_names(found.standard)[found.position] if found is not None else ""
            ),
        },
    )
