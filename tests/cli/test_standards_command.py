"""`casework standards list|check|packs`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from casework.cli import main
from casework.standards import available_packs


def test_list_as_csv_has_the_required_columns(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["standards", "list", "--pack", "wokingham-2020", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {"id", "title", "source", "checkable"} <= set(rows[0])
    by_id = {r["id"]: r for r in rows}
    assert by_id["cp-visit"]["timescale"] == "every 10 working days"
    assert by_id["cp-visit"]["ends"] == "cp_plan_end"
    assert by_id["cic-review"]["timescale"] == (
        "first 20 working days, second 3 months (91 days), then every 6 months"
    )
    assert by_id["icpc"]["source"].startswith("002 · Child Protection Conferences")


def test_check_accepts_every_bundled_pack(capsys: pytest.CaptureFixture[str]) -> None:
    from casework.standards.loader import pack_path

    for name in available_packs():
        assert main(["standards", "check", str(pack_path(name))]) == 0
    assert "ok" in capsys.readouterr().out


def test_check_names_the_file_and_line_of_each_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        """pack: bad
title: A bad pack
version: "1"
standards:
  - id: visits
    title: Visits
    kind: recurring
    anchor: cp_plan_start
    every: 10 fortnights
    met_by: cp_visit
    source: {document: "002", section: Visits}
  - id: visits
    title: Visits again
    kind: one-off
    trigger: cp_plan_begin
    within: 5 working days
    met_by: cp_visit
    source: {document: "002", section: Visits}
""",
        encoding="utf-8",
    )
    assert main(["standards", "check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:9: standard 'visits': cannot read timescale '10 fortnights'" in err
    assert f"{bad}:15: standard 'visits': 'trigger' names unknown event 'cp_plan_begin'" in err


def test_check_accepts_a_single_section_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    section = tmp_path / "section.yaml"
    section.write_text(
        """document: "002"
standards:
  - id: cin-visit-x
    title: Visit
    kind: recurring
    anchor: cin_plan_start
    every: 15 working days
    met_by: cin_visit
    source: {section: Child in Need Plans and Reviews, number: 1}
""",
        encoding="utf-8",
    )
    assert main(["standards", "check", str(section)]) == 0
    assert "ok, 1 standards" in capsys.readouterr().out


def test_the_event_vocabulary_page_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/events.md is generated; regenerate it with `casework standards events`."""
    assert main(["standards", "events"]) == 0
    page = Path(__file__).resolve().parents[2] / "docs" / "events.md"
    assert page.read_text(encoding="utf-8") == capsys.readouterr().out
