"""`casework evaluate --annex-a/--cin-census/--ssda903`: compliance straight from a return."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from casework.cli import main
from samples import sample_return as external


def statuses(path: Path) -> Counter[tuple[str, str]]:
    return Counter((r["standard"], r["status"]) for r in csv.DictReader(path.open()))


def test_an_ssda903_return_gives_review_compliance_with_the_national_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, errors = tmp_path / "out.csv", tmp_path / "errors.csv"
    code = main(
        ["evaluate", "--ssda903", str(external() / "ssda903-fake"), "--as-of", "2022-03-31",
         "--out", str(out), "--errors", str(errors)]
    )  # fmt: skip
    assert code == 0
    found = statuses(out)
    assert {s for s, _ in found} == {"cic-review", "adoption-review"}
    assert found[("cic-review", "met")] > 0
    assert found[("cic-review", "late")] > 0
    err = capsys.readouterr().err
    assert "2675 children" in err
    assert "standards left out" in err
    assert errors.read_text().startswith("file,")


def test_all_standards_includes_those_the_return_cannot_show(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    code = main(
        ["evaluate", "--ssda903", str(external() / "ssda903-fake"), "--as-of", "2022-03-31",
         "--out", str(out), "--all-standards"]
    )  # fmt: skip
    assert code == 0
    assert "cic-visit" in {s for s, _ in statuses(out)}


@pytest.mark.parametrize(
    ("option", "name"),
    [
        ("--annex-a", "liia-samples/Annex_A.xlsx"),
        ("--cin-census", "liia-samples/cin-2022.xml"),
        ("--cin-census", "cin-fake/CIN_Census_2021.xml"),
        ("--cin-census", "cin-fake/CIN_Census_2024.xml"),
    ],
)
def test_each_sample_return_evaluates_in_one_command(
    tmp_path: Path, option: str, name: str
) -> None:
    out = tmp_path / "out.csv"
    code = main(["evaluate", option, str(external() / name), "--as-of", "2024-03-31",
                 "--out", str(out)])  # fmt: skip
    assert code == 0
    rows = list(csv.DictReader(out.open()))
    assert rows
    assert {r["status"] for r in rows} <= {"met", "late", "overdue", "open"}


def test_a_return_that_cannot_be_read_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"\x00\x01 not xml at all")
    assert main(["evaluate", "--cin-census", str(broken)]) == 1
    assert "broken.xml" in capsys.readouterr().err


def test_events_need_a_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = tmp_path / "e.csv"
    events.write_text("child_id,event,occurred\nC1,referral,2024-01-02\n")
    assert main(["evaluate", "--events", str(events)]) == 2
    assert "give --pack" in capsys.readouterr().err
