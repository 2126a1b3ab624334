"""One indicator: its definition and source, its trend against England, its cuts for a
period, and the children behind any figure."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from casework.accounts.access import AuthedRequest, requires
from casework.accounts.policy import policy
from casework.accounts.roles import Ability, Scope
from casework.charts import bar_chart
from casework.charts.model import Point
from casework.insight import Indicator, PeriodKind, england_figures
from casework.performance import catalogue
from casework.performance.drilldown import children_behind
from casework.performance.figures import (
    PERIOD_WORDS,
    label_of,
    latest_refresh,
    period_kind,
    shown,
    trend_chart,
)
from casework.performance.models import IndicatorFigure

CHARTED_CUTS = ("team", "age_band", "case_type")


def _indicator(indicator_id: str) -> Indicator:
    found = catalogue.find(indicator_id)
    if found is None:
        raise Http404("No such indicator")
    return found


def _chosen(rows: list[IndicatorFigure], wanted: str | None) -> IndicatorFigure | None:
    for row in rows:
        if row.period_key == wanted:
            return row
    complete = [r for r in rows if r.complete] or rows
    return complete[-1] if complete else None


def _value(numerator: int, denominator: int | None) -> float | None:
    if denominator is None:
        return float(numerator)
    return numerator / denominator if denominator else None


def _drill(indicator: Indicator, row: IndicatorFigure, cut: str = "", group: str = "") -> str:
    query = {"period": row.period_kind, "at": row.period_key}
    if cut:
        query |= {"cut": cut, "group": group}
    return reverse("performance:children", args=[indicator.id]) + "?" + urlencode(query)


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def indicator_page(request: AuthedRequest, indicator_id: str) -> HttpResponse:
    indicator = _indicator(indicator_id)
    kind = period_kind(request.GET.get("period"))
    rows = list(
        IndicatorFigure.objects.filter(indicator=indicator.id, period_kind=kind.value).order_by(
            "start"
        )
    )
    row = _chosen(rows, request.GET.get("at"))
    cuts: list[dict[str, Any]] = []
    if row is not None:
        for cut in catalogue.cuts_for(indicator):
            groups = row.cuts.get(cut, {})
            entries = [
                {
                    "group": group,
                    "numerator": num,
                    "denominator": den,
                    "value": _value(num, den),
                    "shown": shown(indicator, _value(num, den)),
                    "href": _drill(indicator, row, cut, group),
                }
                for group, (num, den) in sorted(groups.items())
            ]
            chart = None
            if cut in CHARTED_CUTS and entries:
                chart = bar_chart(
                    f"{indicator.title}, {label_of(row)}, by {catalogue.CUT_NAMES[cut].lower()}",
                    [Point(e["group"], e["value"]) for e in entries],
                    percent=not indicator.is_count,
                    label_heading=catalogue.CUT_NAMES[cut],
                    value_heading=indicator.title,
                    id=f"cut-{cut}",
                )
            cuts.append(
                {"cut": cut, "name": catalogue.CUT_NAMES[cut], "entries": entries, "chart": chart}
            )
    return render(
        request,
        "performance/indicator.html",
        {
            "indicator": indicator,
            "refresh": latest_refresh(),
            "kind": kind,
            "kinds": [(k.value, PERIOD_WORDS[k]) for k in PeriodKind],
            "periods": [(r.period_key, label_of(r)) for r in rows][::-1],
            "row": row,
            "value": shown(indicator, row.value) if row else "no data",
            "label": label_of(row) if row else "",
            "drill": _drill(indicator, row) if row else "",
            "chart": trend_chart(indicator, rows, kind) if rows else None,
            "england": [
                (figure, shown(indicator, figure.value))
                for figure in england_figures().get(indicator.id, ())
            ],
            "cuts": cuts,
        },
    )


@requires(Ability.SEE_MANAGEMENT_INFORMATION)
def children(request: AuthedRequest, indicator_id: str) -> HttpResponse:
    """The children behind a figure: only those whose records the user may open are named;
    someone who may open no record sees the count alone."""
    indicator = _indicator(indicator_id)
    kind = period_kind(request.GET.get("period"))
    rows = list(
        IndicatorFigure.objects.filter(indicator=indicator.id, period_kind=kind.value).order_by(
            "start"
        )
    )
    row = _chosen(rows, request.GET.get("at"))
    refresh = latest_refresh()
    if row is None or refresh is None:
        raise Http404("No figures yet")
    cut = request.GET.get("cut", "")
    group = request.GET.get("group", "")
    if cut and cut not in catalogue.cuts_for(indicator):
        raise Http404("No such cut")
    found = children_behind(row, cut, group)
    if found is None:
        raise Http404("No such group")
    counts_only = request.user.access.see is Scope.NONE
    people = []
    if not counts_only and found:
        people = list(
            policy.viewable(request.user)
            .filter(pk__in=found)
            .select_related("team", "worker")
            .order_by("family_name", "given_name", "pk")
        )
    stored = row.group(cut, group) if cut else (row.numerator, row.denominator)
    return render(
        request,
        "performance/children.html",
        {
            "indicator": indicator,
            "row": row,
            "label": label_of(row),
            "cut_name": catalogue.CUT_NAMES.get(cut, ""),
            "group": group,
            "total": len(found),
            "stored": stored[0] if stored else 0,
            "people": people,
            "hidden": len(found) - len(people),
            "counts_only": counts_only,
            "back": reverse("performance:indicator", args=[indicator.id])
            + "?"
            + urlencode({"period": row.period_kind, "at": row.period_key}),
        },
    )
