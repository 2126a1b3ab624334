"""The trend line: every value inside the box, higher values higher, gaps left out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from casework.improvement.sparkline import HEIGHT, PAD, WIDTH, coordinates, sparkline

values = st.lists(
    st.one_of(st.none(), st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)),
    min_size=1,
    max_size=12,
)


@given(values)
def test_every_point_is_inside_the_box_and_missing_values_have_none(
    found: list[float | None],
) -> None:
    points = coordinates(found)
    assert len(points) == len(found)
    for value, point in zip(found, points, strict=True):
        assert (point is None) == (value is None)
        if point is not None:
            x, y = point
            assert PAD - 1e-9 <= x <= WIDTH - PAD + 1e-9
            assert PAD - 1e-9 <= y <= HEIGHT - PAD + 1e-9


@given(values)
def test_a_higher_value_is_never_drawn_lower(found: list[float | None]) -> None:
    pairs = [(v, p) for v, p in zip(found, coordinates(found), strict=True) if p is not None]
    for a, pa in pairs:
        for b, pb in pairs:
            assert a is not None
            assert b is not None
            if a > b:
                # SVG's y grows downwards: a higher value has a smaller (or equal) y.
                assert pa[1] <= pb[1]


def test_the_highest_and_lowest_values_touch_the_top_and_bottom() -> None:
    points = coordinates([1.0, 3.0, 2.0])
    assert points[1] is not None
    assert points[1][1] == PAD
    assert points[0] is not None
    assert points[0][1] == HEIGHT - PAD


def test_the_svg_is_hidden_from_assistive_technology_and_holds_only_numbers() -> None:
    svg = str(sparkline([0.5, 0.7, None, 0.9]))
    assert 'aria-hidden="true"' in svg
    assert svg.count("<polyline") == 1
    assert str(sparkline([None, None])) == ""
