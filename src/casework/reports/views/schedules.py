"""Scheduling reports to be produced and emailed, and the reports produced so far."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from casework.accounts.access import AuthedRequest, requires
from casework.accounts.roles import Ability
from casework.reports.content import REPORTS
from casework.reports.forms import ScheduleForm
from casework.reports.kinds import ReportKind
from casework.reports.models import ProducedReport, ReportSchedule
from casework.reports.periods import Frequency, Period
from casework.reports.render.response import CONTENT_TYPES
from casework.reports.scheduling import add_schedule, filename, stop_schedule

RECENT = 20


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def schedules(request: AuthedRequest) -> HttpResponse:
    form = ScheduleForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("action") == "stop":
            pk = request.POST.get("schedule", "")
            if not pk.isdigit():
                raise Http404
            schedule = get_object_or_404(ReportSchedule, pk=int(pk))
            stop_schedule(request.user, schedule)
            return redirect("reports:schedules")
        if form.is_valid():
            add_schedule(
                request.user,
                ReportKind(form.cleaned_data["report"]),
                Frequency(form.cleaned_data["frequency"]),
                form.cleaned_data["recipients"],
            )
            return redirect("reports:schedules")
    context = {
        "form": form,
        "schedules": ReportSchedule.objects.filter(active=True),
        "produced": ProducedReport.objects.defer("pdf", "xlsx")[:RECENT],
    }
    return render(request, "reports/schedules.html", context)


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def produced(request: AuthedRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404
    report = get_object_or_404(ProducedReport, pk=pk)
    if report.report not in REPORTS:
        raise Http404
    body = bytes(report.pdf if fmt == "pdf" else report.xlsx)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    name = filename(report.report, Period(report.period_start, report.period_end))
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response
