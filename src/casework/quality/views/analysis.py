"""The six-monthly audit analysis, as a page and as PDF and Excel downloads."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpResponse
from django.shortcuts import render

from casework.accounts.access import AuthedRequest, signed_in
from casework.quality.analysis import Period, analyse
from casework.quality.analysis_document import NO_AUDITS, NO_THEMES, analysis_document, grades_chart
from casework.quality.views.common import check_quality_user, nav_context
from casework.records.evaluation import today
from casework.reports.render.response import Format
from casework.reports.render.response import download as download_response


def _period(key: str) -> Period:
    day = today()
    if not key:
        return Period.containing(day)
    try:
        return Period.from_key(key)
    except ValueError as exc:
        raise Http404("No such period") from exc


@signed_in
def analysis(request: AuthedRequest) -> HttpResponse:
    check_quality_user(request.user)
    period = _period(request.GET.get("period", ""))
    report = analyse(period, today())
    context = {
        "report": report,
        "chart": grades_chart(report),
        "no_audits": NO_AUDITS,
        "no_themes": NO_THEMES,
        "previous": period.previous(),
        "following": Period.containing(period.end + dt.timedelta(days=1)),
        **nav_context(request.user),
    }
    return render(request, "quality/analysis.html", context)


@signed_in
def analysis_download(request: AuthedRequest, period: str, fmt: Format) -> HttpResponse:
    """The same analysis as the page, as a PDF or an Excel workbook. The file is named by
    the period only."""
    check_quality_user(request.user)
    report = analyse(_period(period), today())
    return download_response(analysis_document(report), fmt, f"audit-analysis-{report.period.key}")
