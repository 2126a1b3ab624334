"""The tiles for every headline indicator, and compliance with each standard."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render

from casework.accounts.access import AuthedRequest, requires
from casework.accounts.roles import Ability
from casework.insight import PeriodKind
from casework.performance import catalogue
from casework.performance.figures import (
    PERIOD_WORDS,
    label_of,
    latest_refresh,
    period_kind,
    shown,
    tile,
)
from casework.performance.models import IndicatorFigure

# Files of the bundled indicators, in order, and the heading each is shown under.
SECTIONS = {
    "10-children-in-need.yaml": "Referrals, assessments and child protection",
    "20-national-indicators-2008.yaml": "The former national indicators (NI 59 and NI 60)",
    "30-climbie-29.yaml": "Children referred, assessed and served (Laming, recommendation 29)",
    "40-compliance.yaml": "Compliance with the practice standards",
    "45-visits-and-reviews.yaml": "Visits and reviews in timescale",
    "50-children-in-care.yaml": "Children in care and care leavers",
}


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def overview(request: AuthedRequest) -> HttpResponse:
    kind = period_kind(request.GET.get("period"))
    headline = catalogue.headline()
    rows: dict[str, list[IndicatorFigure]] = defaultdict(list)
    for row in IndicatorFigure.objects.filter(
        period_kind=kind.value, indicator__in=[i.id for i in headline]
    ).defer("cuts"):
        rows[row.indicator].append(row)
    sections: dict[str, list[object]] = {}
    for indicator in headline:
        heading = SECTIONS.get(indicator.file.rsplit("/", 1)[-1], "Other indicators")
        sections.setdefault(heading, []).append(tile(indicator, rows[indicator.id]))
    return render(
        request,
        "performance/overview.html",
        {
            "refresh": latest_refresh(),
            "kind": kind,
            "kinds": [(k.value, PERIOD_WORDS[k]) for k in PeriodKind],
            "sections": sections,
        },
    )


def _worst_first(entry: dict[str, Any]) -> tuple[float, str]:
    row: IndicatorFigure = entry["row"]
    return (row.value or 0.0, str(entry["title"]))


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def standards(request: AuthedRequest) -> HttpResponse:
    """Compliance with each standard of the active pack in one period: on time, late, overdue."""
    kind = period_kind(request.GET.get("period"), PeriodKind.QUARTER)
    indicators = {i.id: i for i in catalogue.per_standard()}
    rows = list(
        IndicatorFigure.objects.filter(period_kind=kind.value, indicator__in=list(indicators))
        .defer("cuts")
        .order_by("indicator", "start")
    )
    keys = sorted({(r.start, r.period_key) for r in rows})
    wanted = request.GET.get("at") or ""
    chosen = next((k for _, k in keys if k == wanted), "")
    if not chosen:
        complete = sorted({(r.start, r.period_key) for r in rows if r.complete}) or keys
        chosen = complete[-1][1] if complete else ""
    table = []
    for row in rows:
        if row.period_key != chosen or not row.denominator:
            continue
        indicator = indicators[row.indicator]
        table.append(
            {
                "indicator": indicator,
                "title": indicator.title.rsplit(":", 1)[0],
                "row": row,
                "on_time": shown(indicator, row.value),
            }
        )
    table.sort(key=_worst_first)
    labels = {r.period_key: r for r in rows}
    return render(
        request,
        "performance/standards.html",
        {
            "refresh": latest_refresh(),
            "kind": kind,
            "kinds": [(k.value, PERIOD_WORDS[k]) for k in PeriodKind],
            "periods": [(k, label_of(labels[k])) for _, k in keys][::-1],
            "chosen": chosen,
            "table": table,
        },
    )
