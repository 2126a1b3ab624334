"""Drawing the charts as SVG text.

Only the SVG that fpdf2 can draw is used (rect, line, polyline, circle, text with a core
font, solid and dashed strokes), so a chart reads the same on the page and in a PDF.
Numbers are rounded to two decimals so the output is the same on every machine.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from casework.charts.model import (
    COLOURS,
    FONT,
    GRID,
    TEXT,
    Chart,
    DataTable,
    Point,
    Series,
    chart_id,
    format_value,
)


def _n(x: float) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _text(
    x: float,
    y: float,
    content: str,
    *,
    size: int = 12,
    anchor: str = "start",
    fill: str = TEXT,
    bold: bool = False,
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-family="{FONT}" font-size="{size}" '
        f'text-anchor="{anchor}" fill="{fill}"{weight}>{escape(content, quote=False)}</text>'
    )


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, *, dash: bool = False) -> str:
    dashed = ' stroke-dasharray="6 4"' if dash else ""
    return (
        f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
        f'stroke="{colour}" stroke-width="{2 if colour != GRID else 1}"{dashed}/>'
    )


def _svg(ident: str, width: int, height: int, title: str, description: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cw-chart" id="{ident}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc">'
        f'<title id="{ident}-title">{escape(title, quote=False)}</title>'
        f'<desc id="{ident}-desc">{escape(description, quote=False)}</desc>'
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>'
        + "".join(body)
        + "</svg>"
    )


def _nice_top(largest: float, *, percent: bool) -> tuple[float, float]:
    """The top of the value axis and the step between its four or five gridlines."""
    if percent:
        return 1.0, 0.25
    if not largest > 1e-6:  # nothing (or next to nothing) to show: a plain 0 to 4 axis
        return 4.0, 1.0
    rough = largest / 4
    power = 10 ** math.floor(math.log10(rough))
    step = next(s * power for s in (1, 2, 2.5, 5, 10) if s * power >= rough)
    if step < 1:
        step = 1.0
    return step * math.ceil(largest / step), step


def _values(series: Sequence[Series]) -> list[float]:
    return [p.value for s in series for p in s.points if p.value is not None]


def _table(
    title: str, series: Sequence[Series], *, percent: bool, first: str, extra: dict[str, str]
) -> DataTable:
    labels: list[str] = []
    for s in series:
        for p in s.points:
            if p.label not in labels:
                labels.append(p.label)
    lookup = {(s.name, p.label): p.value for s in series for p in s.points}
    headers = (first, *(s.name for s in series), *extra)
    rows = [
        (
            label,
            *(
                format_value(lookup.get((s.name, label)), percent=percent) or "no data"
                for s in series
            ),
            *extra.values(),
        )
        for label in labels
    ]
    return DataTable(title, headers, tuple(rows))


def trend(values: Sequence[float | None]) -> tuple[float, float] | None:
    """The least-squares line (intercept, slope per step) through the values that are
    present, by position; None with fewer than two."""
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(known) < 2:
        return None
    mean_x = sum(i for i, _ in known) / len(known)
    mean_y = sum(v for _, v in known) / len(known)
    spread = sum((i - mean_x) ** 2 for i, _ in known)
    slope = sum((i - mean_x) * (v - mean_y) for i, v in known) / spread
    return mean_y - slope * mean_x, slope


def _describe_line(title: str, s: Series, *, percent: bool, slope: float | None) -> str:
    known = [p for p in s.points if p.value is not None]
    if not known:
        return f"{title}: no figures for the periods shown."
    first, last = s.points[0].label, s.points[-1].label
    latest = known[-1]
    text = (
        f"{title}, from {first} to {last}. The latest figure is "
        f"{format_value(latest.value, percent=percent)} ({latest.label})."
    )
    if slope is not None:
        span = max(_values([s]) or [0]) - min(_values([s]) or [0])
        flat = abs(slope) * max(len(s.points) - 1, 1) <= 0.02 * (span or 1) or slope == 0
        text += " The trend is " + ("level." if flat else "rising." if slope > 0 else "falling.")
    return text


def line_chart(
    title: str,
    series: Sequence[Series],
    *,
    percent: bool = False,
    show_trend: bool = True,
    reference: tuple[str, float] | None = None,
    description: str = "",
    label_heading: str = "Period",
    id: str = "",
    width: int = 640,
    height: int = 300,
) -> Chart:
    """Values over time, one line per series, with a dashed least-squares trend line for
    the first series and, optionally, a labelled reference line (England's figure)."""
    series = tuple(series)
    ident = id or chart_id("line", title, series)
    left, right, top, bottom = 64, 16, 16, 64
    plot_w, plot_h = width - left - right, height - top - bottom
    values = _values(series) + ([reference[1]] if reference else [])
    top_value, step = _nice_top(max(values, default=0), percent=percent)
    count = max((len(s.points) for s in series), default=0)

    def x_at(i: int) -> float:
        return left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y_at(v: float) -> float:
        return top + plot_h * (1 - min(max(v, 0), top_value) / top_value)

    body: list[str] = []
    tick = 0.0
    while tick <= top_value + 1e-9:
        y = y_at(tick)
        body.append(_line(left, y, left + plot_w, y, GRID))
        body.append(_text(left - 6, y + 4, format_value(tick, percent=percent), anchor="end"))
        tick += step
    labels = series[0].points if series else ()
    every = max(1, math.ceil(len(labels) / 8))
    for i, p in enumerate(labels):
        if i % every == 0 or i == len(labels) - 1:
            body.append(_text(x_at(i), top + plot_h + 18, p.label, size=11, anchor="middle"))
    slope = None
    for k, s in enumerate(series):
        colour = COLOURS[k % len(COLOURS)]
        run: list[str] = []
        for i, p in enumerate(s.points):
            if p.value is None:
                if len(run) > 1:
                    body.append(_polyline(run, colour))
                run = []
                continue
            run.append(f"{_n(x_at(i))},{_n(y_at(p.value))}")
            body.append(
                f'<circle cx="{_n(x_at(i))}" cy="{_n(y_at(p.value))}" r="3" fill="{colour}"/>'
            )
        if len(run) > 1:
            body.append(_polyline(run, colour))
        if k == 0 and show_trend:
            fitted = trend([p.value for p in s.points])
            if fitted is not None:
                intercept, slope = fitted
                last = len(s.points) - 1
                body.append(
                    _line(
                        x_at(0),
                        y_at(intercept),
                        x_at(last),
                        y_at(intercept + slope * last),
                        COLOURS[-1],
                        dash=True,
                    )
                )
    legend = [(s.name, COLOURS[k % len(COLOURS)], False) for k, s in enumerate(series)]
    if show_trend and slope is not None:
        legend.append(("Trend", COLOURS[-1], True))
    extra: dict[str, str] = {}
    if reference is not None:
        name, value = reference
        body.append(_line(left, y_at(value), left + plot_w, y_at(value), TEXT, dash=True))
        legend.append((f"{name}: {format_value(value, percent=percent)}", TEXT, True))
        extra[name] = format_value(value, percent=percent)
    body += _legend(legend, left, height - 20)
    if not description and series:
        description = _describe_line(title, series[0], percent=percent, slope=slope)
        if reference is not None:
            description += f" {reference[0]}: {format_value(reference[1], percent=percent)}."
    table = _table(title, series, percent=percent, first=label_heading, extra=extra)
    return Chart(title, description, _svg(ident, width, height, title, description, body), table)


def _polyline(points: list[str], colour: str) -> str:
    return f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="2"/>'


def _legend(entries: list[tuple[str, str, bool]], x: float, y: float) -> list[str]:
    out = []
    for name, colour, dashed in entries:
        out.append(_line(x, y - 4, x + 18, y - 4, colour, dash=dashed))
        out.append(_text(x + 24, y, name, size=11))
        x += 24 + 6.5 * len(name) + 20
    return out


def bar_chart(
    title: str,
    points: Sequence[Point] | Series,
    *,
    percent: bool = False,
    description: str = "",
    label_heading: str = "Group",
    value_heading: str = "Value",
    id: str = "",
    width: int = 640,
) -> Chart:
    """One horizontal bar per group, its value written at the end of the bar."""
    s = points if isinstance(points, Series) else Series(value_heading, tuple(points))
    return grouped_bar_chart(
        title,
        [s],
        percent=percent,
        description=description,
        label_heading=label_heading,
        id=id or chart_id("bar", title, (s,)),
        width=width,
        legend=False,
    )


def grouped_bar_chart(
    title: str,
    series: Sequence[Series],
    *,
    percent: bool = False,
    description: str = "",
    label_heading: str = "Group",
    id: str = "",
    width: int = 640,
    legend: bool = True,
) -> Chart:
    """Horizontal bars, one group per label and one bar per series within it (for
    example each team's figure this year and last)."""
    series = tuple(series)
    ident = id or chart_id("grouped", title, series)
    table = _table(title, series, percent=percent, first=label_heading, extra={})
    labels = [row[0] for row in table.rows]
    lookup = {(s.name, p.label): p.value for s in series for p in s.points}
    left, right, top = 200, 64, 16
    bar, gap = 16, 12
    group_h = bar * len(series) + gap
    plot_h = max(group_h * len(labels), bar)
    height = top + plot_h + (40 if legend and len(series) > 1 else 24)
    plot_w = width - left - right
    top_value, step = _nice_top(max(_values(series), default=0), percent=percent)
    body: list[str] = []
    tick = 0.0
    while tick <= top_value + 1e-9:
        x = left + plot_w * tick / top_value
        body.append(_line(x, top, x, top + plot_h, GRID))
        body.append(
            _text(
                x, top + plot_h + 16, format_value(tick, percent=percent), size=11, anchor="middle"
            )
        )
        tick += step
    for g, label in enumerate(labels):
        y0 = top + g * group_h
        shown = label if len(label) <= 30 else label[:29] + "…"
        body.append(_text(left - 8, y0 + group_h / 2, shown, anchor="end"))
        for k, s in enumerate(series):
            value = lookup.get((s.name, label))
            y = y0 + k * bar
            colour = COLOURS[k % len(COLOURS)]
            if value is None:
                body.append(_text(left + 4, y + bar - 4, "no data", size=11))
                continue
            w = plot_w * min(max(value, 0), top_value) / top_value
            body.append(
                f'<rect x="{_n(left)}" y="{_n(y + 1)}" width="{_n(w)}" height="{bar - 2}" '
                f'fill="{colour}"/>'
            )
            body.append(
                _text(left + w + 4, y + bar - 4, format_value(value, percent=percent), size=11)
            )
    if legend and len(series) > 1:
        body += _legend(
            [(s.name, COLOURS[k % len(COLOURS)], False) for k, s in enumerate(series)],
            left,
            height - 8,
        )
    if not description:
        parts = []
        for s in series:
            known = [p for p in s.points if p.value is not None]
            if known:
                high = max(known, key=lambda p: p.value or 0)
                low = min(known, key=lambda p: p.value or 0)
                most = format_value(high.value, percent=percent)
                least = format_value(low.value, percent=percent)
                parts.append(
                    f"{s.name}: highest {high.label} ({most}), lowest {low.label} ({least})."
                )
        description = f"Bar chart of {title.lower()} for {len(labels)} groups. " + " ".join(parts)
    return Chart(title, description, _svg(ident, width, height, title, description, body), table)


def sparkline(
    title: str,
    points: Sequence[Point] | Series,
    *,
    percent: bool = False,
    description: str = "",
    id: str = "",
    width: int = 120,
    height: int = 32,
) -> Chart:
    """A small line with no axes, for a tile; the latest point is marked."""
    s = points if isinstance(points, Series) else Series("Value", tuple(points))
    ident = id or chart_id("spark", title, (s,))
    values = _values([s])
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if percent:
        low, high = min(low, 0.0), max(high, 1.0) if high > 0.5 else max(high, 0.5)
    span = (high - low) or 1.0
    pad = 3
    count = len(s.points)

    def xy(i: int, v: float) -> tuple[float, float]:
        x = pad + (width - 2 * pad) * (i / (count - 1) if count > 1 else 0.5)
        return x, pad + (height - 2 * pad) * (1 - (v - low) / span)

    body: list[str] = []
    run: list[str] = []
    last: tuple[float, float] | None = None
    for i, p in enumerate(s.points):
        if p.value is None:
            if len(run) > 1:
                body.append(_polyline(run, COLOURS[0]))
            run = []
            continue
        last = xy(i, p.value)
        run.append(f"{_n(last[0])},{_n(last[1])}")
    if len(run) > 1:
        body.append(_polyline(run, COLOURS[0]))
    if last is not None:
        body.append(f'<circle cx="{_n(last[0])}" cy="{_n(last[1])}" r="3" fill="{COLOURS[0]}"/>')
    if not description:
        description = _describe_line(title, s, percent=percent, slope=None)
    table = _table(title, [s], percent=percent, first="Period", extra={})
    return Chart(title, description, _svg(ident, width, height, title, description, body), table)


def table_html(table: DataTable, *, caption_class: str = "govuk-table__caption--s") -> str:
    """The data table as GOV.UK table HTML (every text escaped), for pages without a
    template of their own. Numbers are right-aligned."""
    numeric = " govuk-table__header--numeric"
    head = "".join(
        f'<th scope="col" class="govuk-table__header{numeric if i else ""}">{escape(h)}</th>'
        for i, h in enumerate(table.headers)
    )
    rows = "".join(
        '<tr class="govuk-table__row">'
        + f'<th scope="row" class="govuk-table__header">{escape(row[0])}</th>'
        + "".join(
            f'<td class="govuk-table__cell govuk-table__cell--numeric">{escape(c)}</td>'
            for c in row[1:]
        )
        + "</tr>"
        for row in table.rows
    )
    return (
        f'<table class="govuk-table"><caption class="govuk-table__caption {caption_class}">'
        f"{escape(table.caption)}</caption>"
        f'<thead class="govuk-table__head"><tr class="govuk-table__row">{head}</tr></thead>'
        f'<tbody class="govuk-table__body">{rows}</tbody></table>'
    )


__all__ = [
    "Point",
    "Series",
    "bar_chart",
    "grouped_bar_chart",
    "line_chart",
    "sparkline",
    "table_html",
    "trend",
]
