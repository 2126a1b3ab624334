"""The list of reports and their downloads. Councillors may download the councillors'
report; every other report needs the management-information ability."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render

from casework.accounts.access import AuthedRequest, requires
from casework.accounts.roles import Ability
from casework.records.evaluation import today
from casework.reports.content import REPORTS, ReportSpec
from casework.reports.periods import Frequency, Period, last_complete
from casework.reports.render.response import download as download_response
from casework.reports.scheduling import filename

PERIODS_OFFERED = 6


def recent_periods(frequency: Frequency, day: dt.date, n: int = PERIODS_OFFERED) -> list[Period]:
    """The last `n` complete periods, latest first."""
    found: list[Period] = []
    for _ in range(n):
        period = last_complete(frequency, day)
        found.append(period)
        day = period.start
    return found


def _spec(request: AuthedRequest, report: str) -> ReportSpec:
    spec = REPORTS.get(report)
    if spec is None:
        raise Http404
    if not request.user.can(spec.ability):
        raise PermissionDenied
    return spec


@requires(Ability.SEE_FIGURES)
def reports(request: AuthedRequest) -> HttpResponse:
    day = today()
    offered = [
        {"spec": spec, "periods": recent_periods(spec.frequency, day)}
        for spec in REPORTS.values()
        if request.user.can(spec.ability)
    ]
    context = {
        "offered": offered,
        "may_schedule": request.user.can(Ability.SEE_MANAGEMENT_INFORMATION),
    }
    return render(request, "reports/reports.html", context)


@requires(Ability.SEE_FIGURES)
def download(request: AuthedRequest, report: str, fmt: str) -> HttpResponse:
    spec = _spec(request, report)
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    day = today()
    periods = recent_periods(spec.frequency, day)
    wanted = request.GET.get("period", "")
    # Only the periods offered on the list can be asked for; anything else gets the latest.
    period = next((p for p in periods if p.start.isoformat() == wanted), periods[0])
    doc = spec.build(period, day)
    return download_response(doc, "pdf" if fmt == "pdf" else "xlsx", filename(report, period))
