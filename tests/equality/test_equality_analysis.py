"""Equality monitoring from plain rows: rates, ratios against the rest of the population,
timeliness by group, and the baseline file's checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casework.equality.analysis import Assessment, Child, monitor
from casework.equality.baseline import BUNDLED, Baseline, BaselineError, load_baseline
from casework.equality.groups import NOT_RECORDED, age_band, ethnic_group

END = dt.date(2026, 9, 30)
START = dt.date(2026, 4, 1)
BASELINE = Baseline(
    area="Test council",
    source="Hand-made",
    year=2021,
    note="",
    populations={"ethnic_group": {"White": 6000, "Black": 1000}},
)


def _children() -> dict[int, Child]:
    born = dt.date(2015, 1, 1)
    rows = [Child(i, "WBRI", "F", born, "") for i in range(60)]
    rows += [Child(100 + i, "BAFR", "M", born, "") for i in range(30)]
    rows += [Child(200, "NOBT", "M", born, "")]
    return {c.id: c for c in rows}


def test_each_group_is_compared_with_the_rest_of_the_population() -> None:
    kids = _children()
    referred = set(kids)  # 60 White, 30 Black, 1 not recorded
    m = monitor(kids, {"referral": referred}, [], BASELINE, "ethnic_group", START, END)
    table = next(t for t in m.stages if t.stage.key == "referral")
    rows = {r.group: r for r in table.rows}
    assert rows["White"].children == 60
    assert rows["Black"].children == 30
    assert rows["Black"].rate == pytest.approx(300.0)  # 30 per 1,000 = 300 per 10,000
    black_ratio = rows["Black"].ratio
    assert black_ratio is not None
    # The hand-worked example in test_equality_stats: 30/1000 against 60/6000.
    assert black_ratio.estimate == pytest.approx(3.0)
    assert black_ratio.low == pytest.approx(1.9454, abs=5e-4)
    # The child whose ethnicity is not recorded is counted but not compared.
    assert rows[NOT_RECORDED].children == 1
    assert rows[NOT_RECORDED].ratio is None
    assert table.total == 91


def test_timeliness_is_compared_between_groups() -> None:
    kids = _children()
    done = [Assessment(i, 30) for i in range(40)] + [Assessment(i, 60) for i in range(40, 50)]
    done += [Assessment(100 + i, 50 if i < 10 else 20) for i in range(20)]
    m = monitor(kids, {}, done, BASELINE, "ethnic_group", START, END)
    rows = {r.group: r for r in m.timeliness.rows}
    assert (rows["White"].completed, rows["White"].in_time) == (50, 40)
    assert (rows["Black"].completed, rows["Black"].in_time) == (20, 10)
    ratio = rows["Black"].ratio
    assert ratio is not None
    assert ratio.estimate == pytest.approx(0.5 / 0.8)


def test_groups_follow_the_census() -> None:
    assert ethnic_group("CHNE") == "Asian"
    assert ethnic_group("WROM") == "White"
    assert ethnic_group("REFU") == NOT_RECORDED
    assert age_band(dt.date(2010, 10, 1), dt.date(2026, 9, 30)) == "10 to 15"
    assert age_band(dt.date(2010, 9, 30), dt.date(2026, 9, 30)) == "16 and over"
    assert age_band(dt.date(2000, 1, 1), dt.date(2026, 9, 30)) == NOT_RECORDED


def test_the_bundled_baseline_loads_and_adds_up() -> None:
    b = load_baseline(BUNDLED)
    assert b.year == 2021
    assert b.source
    totals = {sum(groups.values()) for groups in b.populations.values()}
    assert totals == {b.total}


def test_a_baseline_that_does_not_add_up_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "area: X\nsource: Y\nyear: 2021\npopulations:\n"
        "  sex: {F: 10, M: 10}\n  disability: {'yes': 1, 'no': 10}\n",
        encoding="utf-8",
    )
    with pytest.raises(BaselineError, match="same total"):
        load_baseline(path)


def test_a_baseline_with_a_bad_count_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "area: X\nsource: Y\nyear: 2021\npopulations:\n  sex: {F: many}\n", encoding="utf-8"
    )
    with pytest.raises(BaselineError, match=r"populations\.sex\.F"):
        load_baseline(path)
