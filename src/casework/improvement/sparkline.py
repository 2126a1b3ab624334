"""A small inline SVG line of a trend, with its text alternative.

The SVG is decorative for assistive technology (`aria-hidden`): the same figures are given
in words beside it, so nothing is known only from the picture."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH = 120
HEIGHT = 32
PAD = 3


def coordinates(values: list[float | None]) -> list[tuple[float, float] | None]:
    """Each value's (x, y) in the box, None for a missing value; higher values sit higher."""
    present = [v for v in values if v is not None]
    if not present:
        return [None for _ in values]
    low, high = min(present), max(present)
    span = high - low
    step = (WIDTH - 2 * PAD) / max(len(values) - 1, 1)
    out: list[tuple[float, float] | None] = []
    for i, v in enumerate(values):
        if v is None:
            out.append(None)
            continue
        share = 0.5 if span == 0 else (v - low) / span
        out.append((PAD + i * step, HEIGHT - PAD - share * (HEIGHT - 2 * PAD)))
    return out


def sparkline(values: list[float | None]) -> SafeString:
    points = [p for p in coordinates(values) if p is not None]
    if not points:
        return mark_safe("")
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    last_x, last_y = points[-1]
    return format_html(
        '<svg class="app-sparkline" width="{}" height="{}" viewBox="0 0 {} {}" '
        'aria-hidden="true" focusable="false">'
        '<polyline points="{}" fill="none" stroke="#1d70b8" stroke-width="2"/>'
        '<circle cx="{}" cy="{}" r="2.5" fill="#0b0c0c"/></svg>',
        WIDTH,
        HEIGHT,
        WIDTH,
        HEIGHT,
        path,
        f"{last_x:.1f}",
        f"{last_y:.1f}",
    )
