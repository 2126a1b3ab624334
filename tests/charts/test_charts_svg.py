"""The charts: accessible SVG, the same every time, and drawn by fpdf2 into a PDF."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from fpdf import FPDF
from hypothesis import given
from hypothesis import strategies as st

from casework.charts import (
    Chart,
    Point,
    Series,
    bar_chart,
    grouped_bar_chart,
    line_chart,
    sparkline,
    table_html,
    trend,
)

NS = "{http://www.w3.org/2000/svg}"
MONTHS = [("Jan 2026", 0.5), ("Feb 2026", 0.6), ("Mar 2026", None), ("Apr 2026", 0.8)]


def every_kind() -> list[Chart]:
    teams = [Point("North & East <team>", 0.4), Point("South", 0.9)]
    return [
        line_chart(
            "Visits on time",
            [Series.of("Council", MONTHS)],
            percent=True,
            reference=("England 2024", 0.7),
        ),
        bar_chart("Referrals by team", [Point("North", 12), Point("South", 30)]),
        grouped_bar_chart(
            "Visits on time by team",
            [Series("This year", tuple(teams)), Series("Last year", (Point("South", 0.5),))],
            percent=True,
        ),
        sparkline("Visits on time", Series.of("Council", MONTHS), percent=True),
    ]


@pytest.mark.parametrize("chart", every_kind(), ids=lambda c: c.svg[:0] or c.title)
def test_each_chart_is_an_image_labelled_by_its_title_and_description(chart: Chart) -> None:
    root = ET.fromstring(chart.svg)
    assert root.get("role") == "img"
    title = root.find(f"{NS}title")
    desc = root.find(f"{NS}desc")
    assert title is not None
    assert desc is not None
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == chart.title
    assert desc.text == chart.description
    assert "<script" not in chart.svg


@pytest.mark.parametrize("chart", every_kind(), ids=lambda c: c.title)
def test_fpdf2_draws_each_chart_kind_with_its_text(chart: Chart) -> None:
    pdf = FPDF()
    pdf.set_compression(False)
    pdf.add_page()
    pdf.image(io.BytesIO(chart.svg_bytes()), x=10, y=10, w=150)
    out = bytes(pdf.output())
    assert out.startswith(b"%PDF")
    # the lines are drawn in the chart's blue, and any text with the core font
    assert b"0.1137 0.4392 0.7216 RG" in out.replace(b"rg", b"RG")
    assert (b"/Helvetica" in out) == ("<text" in chart.svg)


def test_the_same_input_draws_the_same_svg() -> None:
    assert [c.svg for c in every_kind()] == [c.svg for c in every_kind()]


def test_text_in_labels_is_escaped() -> None:
    chart = every_kind()[2]
    assert "North &amp; East &lt;team&gt;" in chart.svg
    assert "<team>" not in chart.svg
    assert "&lt;team&gt;" in table_html(chart.table)


def test_the_data_table_holds_every_figure_and_marks_gaps() -> None:
    chart = every_kind()[0]
    assert chart.table.headers == ("Period", "Council", "England 2024")
    assert chart.table.rows[0] == ("Jan 2026", "50%", "70%")
    assert chart.table.rows[2][1] == "no data"
    grouped = every_kind()[2]
    assert grouped.table.rows == (
        ("North & East <team>", "40%", "no data"),
        ("South", "90%", "50%"),
    )


def test_the_description_says_the_latest_figure_and_the_trend() -> None:
    chart = every_kind()[0]
    assert "80% (Apr 2026)" in chart.description
    assert "rising" in chart.description
    falling = line_chart("x", [Series.of("a", [("1", 9), ("2", 5), ("3", 1)])])
    assert "falling" in falling.description


def test_the_trend_is_the_least_squares_line() -> None:
    assert trend([1.0, 3.0, 5.0]) == (1.0, 2.0)
    assert trend([None, 2.0, None, 2.0]) == (2.0, 0.0)
    assert trend([1.0, None]) is None


@given(
    st.lists(
        st.one_of(st.none(), st.floats(min_value=0, max_value=1e6, allow_nan=False)),
        min_size=0,
        max_size=30,
    )
)
def test_any_values_draw_well_formed_svg_inside_the_frame(values: list[float | None]) -> None:
    series = Series.of("s", [(f"p{i}", v) for i, v in enumerate(values)])
    for chart in (line_chart("t", [series]), bar_chart("t", series), sparkline("t", series)):
        root = ET.fromstring(chart.svg)
        width, height = float(root.get("width", 0)), float(root.get("height", 0))
        for el in root.iter():
            for attr in ("x", "y", "cx", "cy", "x1", "x2", "y1", "y2"):
                if el.get(attr) is not None:
                    value = float(el.get(attr, 0))
                    limit = width if attr.startswith(("x", "cx")) else height
                    assert -1 <= value <= limit + 1, (attr, value)
