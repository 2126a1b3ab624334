"""The equality monitoring page and its downloads (small numbers suppressed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import render

from casework.accounts.access import AuthedRequest, requires
from casework.accounts.roles import Ability
from casework.equality.data import monitoring
from casework.equality.groups import CHARACTERISTIC_TITLES
from casework.equality.presenters import (
    METHOD,
    SUPPRESSION,
    equality_document,
    rate_chart,
    stage_rows,
    timeliness_rows,
)
from casework.records.evaluation import today
from casework.reports.render.response import download as download_response

PERIODS = {"6": "The last 6 months", "12": "The last 12 months", "24": "The last 2 years"}
DEFAULT_PERIOD = "12"
DEFAULT_CHARACTERISTIC = "ethnic_group"


@dataclass(frozen=True)
class Choice:
    characteristic: str
    months: str
    start: dt.date
    end: dt.date

    @property
    def query(self) -> str:
        return f"characteristic={self.characteristic}&months={self.months}"


def months_before(day: dt.date, months: int) -> dt.date:
    """The day after the same date `months` earlier (so 12 months ending on `day`)."""
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d) + dt.timedelta(days=1)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _choice(request: AuthedRequest) -> Choice:
    # Unknown values fall back to the defaults: a hand-edited address never breaks the page.
    characteristic = request.GET.get("characteristic", DEFAULT_CHARACTERISTIC)
    if characteristic not in CHARACTERISTIC_TITLES:
        characteristic = DEFAULT_CHARACTERISTIC
    months = request.GET.get("months", DEFAULT_PERIOD)
    if months not in PERIODS:
        months = DEFAULT_PERIOD
    end = today()
    return Choice(characteristic, months, months_before(end, int(months)), end)


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def equality(request: AuthedRequest) -> HttpResponse:
    choice = _choice(request)
    m = monitoring(choice.start, choice.end, choice.characteristic)
    stages = []
    for table in m.stages:
        rows, total = stage_rows(table, suppress=False)
        chart = rate_chart(table, suppress=False)
        stages.append({"table": table, "rows": rows, "total": total, "chart": chart})
    context = {
        "m": m,
        "baseline_total": f"{m.baseline.total:,}",
        "choice": choice,
        "characteristics": CHARACTERISTIC_TITLES.items(),
        "periods": PERIODS.items(),
        "characteristic_title": CHARACTERISTIC_TITLES[choice.characteristic],
        "stages": stages,
        "timeliness": timeliness_rows(m.timeliness, suppress=False),
        "method": METHOD,
        "suppression": SUPPRESSION,
    }
    return render(request, "equality/equality.html", context)


def _download(request: AuthedRequest, fmt: str) -> HttpResponse:
    choice = _choice(request)
    m = monitoring(choice.start, choice.end, choice.characteristic)
    doc = equality_document(m, produced=today())
    name = f"equality-{choice.characteristic.replace('_', '-')}-{choice.start}-to-{choice.end}"
    return download_response(doc, "pdf" if fmt == "pdf" else "xlsx", name)


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def download_pdf(request: AuthedRequest) -> HttpResponse:
    return _download(request, "pdf")


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def download_xlsx(request: AuthedRequest) -> HttpResponse:
    return _download(request, "xlsx")
