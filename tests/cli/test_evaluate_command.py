"""The CLI contract of `casework evaluate` (DESIGN.md)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from casework.cli import main

EXAMPLE = """child_id,event,occurred,recorded,worker,seen_alone
C1,cp_plan_start,2024-01-08,2024-01-08,Sam,
C1,cp_visit,2024-01-19,2024-01-19,Sam,yes
C1,cp_visit,2024-02-02,2024-02-05,Sam,no
C1,cp_visit,2024-02-20T15:30,2024-02-20T18:00,Sam,yes
"""


def write(tmp_path: Path, text: str, name: str = "events.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str | Path) -> int:
    return main([str(a) for a in args])


def test_it_writes_one_row_per_obligation_with_the_contract_columns(tmp_path: Path) -> None:
    events = write(tmp_path, EXAMPLE)
    out = tmp_path / "out.csv"
    code = run(
        "evaluate", "--pack", "wokingham-2020", "--events", events,
        "--as-of", "2024-03-01", "--out", out, "--standard", "cp-visit",
    )  # fmt: skip
    assert code == 0
    rows = list(csv.DictReader(out.open()))
    assert {"child_id", "standard", "due", "status", "met_on"} <= set(rows[0])
    table = [(r["due"], r["status"], r["met_on"]) for r in rows]
    assert table == [
        ("2024-01-22", "met", "2024-01-19"),
        ("2024-02-02", "met", "2024-02-02"),
        ("2024-02-16", "late", "2024-02-20"),
        ("2024-03-05", "open", ""),
    ]


def test_it_writes_json_when_asked(tmp_path: Path) -> None:
    events = write(tmp_path, EXAMPLE)
    out = tmp_path / "out.json"
    code = run(
        "evaluate", "--pack", "wokingham-2020", "--events", events,
        "--as-of", "2024-03-01", "--out", out, "--format", "json",
    )  # fmt: skip
    assert code == 0
    rows = json.loads(out.read_text())
    statuses = {(r["standard"], r["sequence"]): r["status"] for r in rows}
    assert statuses[("cp-visit", 3)] == "late"
    assert statuses[("core-group", 1)] == "overdue"


def test_it_prints_to_stdout_without_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = write(tmp_path, EXAMPLE)
    assert (
        run("evaluate", "--pack", "wokingham-2020", "--events", events, "--as-of", "2024-03-01")
        == 0
    )
    assert capsys.readouterr().out.startswith("child_id,standard,")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("child_id,event,occurred\nC1,cp_visit,2024-13-01\n", "events.csv:2: column 'occurred'"),
        ("child_id,event,occurred\nC1,cp_vist,2024-01-01\n", "events.csv:2: column 'event'"),
        ("child_id,event\nC1,cp_visit\n", "events.csv:1: column 'occurred'"),
        ("child_id,event,occurred\n,cp_visit,2024-01-01\n", "events.csv:2: column 'child_id'"),
        (
            "child_id,event,occurred,recorded\nC1,cp_visit,2024-01-01,yesterday\n",
            "events.csv:2: column 'recorded'",
        ),
        ("child_id,event,occurred\nC1,cp_visit\n", "events.csv:2: has 2 fields"),
    ],
)
def test_bad_input_exits_non_zero_naming_file_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    events = write(tmp_path, text)
    out = tmp_path / "out.csv"
    code = run("evaluate", "--pack", "wokingham-2020", "--events", events, "--out", out)
    assert code != 0
    assert expected in capsys.readouterr().err
    assert not out.exists()


def test_a_missing_events_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run("evaluate", "--pack", "wokingham-2020", "--events", tmp_path / "nope.csv")
    assert code != 0
    assert "nope.csv" in capsys.readouterr().err


def test_an_unknown_pack_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = write(tmp_path, EXAMPLE)
    assert run("evaluate", "--pack", "no-such-pack", "--events", events) != 0
    assert "bundled packs are" in capsys.readouterr().err


def test_the_demo_prints_what_is_due_and_late(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("demo") == 0
    out = capsys.readouterr().out
    assert "OVERDUE" in out
    assert "Due 24 June 2024: 10 working days after the child protection visit" in out


def test_a_time_with_an_offset_is_read_as_the_time_in_england() -> None:
    from casework.engine.events_io import parse_when

    day, at = parse_when("2024-07-01T23:30:00Z")
    assert day.isoformat() == "2024-07-02"
    assert at is not None
    assert at.isoformat() == "2024-07-02T00:30:00"


def test_a_header_with_no_rows_gives_no_obligations(tmp_path: Path) -> None:
    events = write(tmp_path, "child_id,event,occurred\n")
    out = tmp_path / "out.csv"
    assert run("evaluate", "--pack", "wokingham-2020", "--events", events, "--out", out) == 0
    assert out.read_text().splitlines() == [
        "child_id,standard,sequence,trigger,trigger_event,due,due_at,status,met_on,met_event,episode_id"
    ]
