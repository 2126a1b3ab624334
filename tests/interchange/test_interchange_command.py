"""`casework convert` on every sample return: exit 0, an events file, an error report."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from casework.engine.events_io import OPTIONAL, REQUIRED, read_events
from casework.interchange import convert
from casework.interchange.commands import main as convert_main
from casework.interchange.errors import COLUMNS
from casework.standards.vocabulary import vocabulary
from samples import sample_return, samples_root


def real_returns() -> list[tuple[str, Path]]:
    """Every sample return there, with its kind: folders of SSDA903 CSV files, Annex A
    workbooks, CIN census XML files (and SSDA903 XML files)."""
    root = samples_root()
    if not root.is_dir():
        return []
    found: list[tuple[str, Path]] = []
    for path in sorted(root.rglob("*")):
        if path.is_dir() and (path / "episodes.csv").exists():
            found.append(("ssda903", path))
        elif path.suffix.lower() == ".xlsx":
            found.append(("annex-a", path))
        elif path.suffix.lower() == ".xml":
            head = path.read_bytes()[:2000].lower()
            found.append(("ssda903" if b"<expssda903" in head else "cin-census", path))
    return found


RETURNS = real_returns()


def test_the_samples_are_all_found() -> None:
    sample_return()  # skipped where the samples are absent, failing in CI
    names = sorted(p.name for _, p in RETURNS)
    assert names == [
        "Annex_A.xlsx",
        "CIN_Census_2021.xml",
        "CIN_Census_2024.xml",
        "cin-2022.xml",
        "ssda903-fake",
    ]


@pytest.mark.parametrize(("kind", "path"), RETURNS, ids=[p.name for _, p in RETURNS])
def test_convert_writes_events_and_an_error_report(
    kind: str, path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from casework.cli import main

    out, errors = tmp_path / "events.csv", tmp_path / "errors.csv"
    code = main(["convert", kind, str(path), "--out", str(out), "--errors", str(errors)])
    assert code == 0
    summary = capsys.readouterr().err
    assert f"{path}:" in summary
    assert " child" in summary
    # The events file is in the CLI contract's format, with every event type known.
    events = read_events(out)
    conversion = convert(kind, path)
    assert len(events) == len(conversion.events) > 0
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert all(row["source"] for row in rows)
    with errors.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        assert tuple(next(reader)) == COLUMNS
        assert sum(1 for _ in reader) == len(conversion.errors)


@pytest.mark.parametrize(("kind", "path"), RETURNS, ids=[p.name for _, p in RETURNS])
def test_every_event_and_detail_is_in_the_vocabulary(kind: str, path: Path) -> None:
    known = vocabulary().events
    for event in convert(kind, path).events:
        assert event.event in known, event.event
        details = known[event.event].details
        for name, value in event.details.items():
            assert name in details, (event.event, name)
            assert name not in (*REQUIRED, *OPTIONAL), name  # an events file's own columns
            if details[name].type == "choice":
                assert value in details[name].values, (event.event, name, value)
            elif details[name].type == "yes_no":
                assert value in ("yes", "no"), (event.event, name, value)


def test_the_module_runs_on_its_own(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "list1.csv"
    path.write_text(
        "Child Unique ID,Gender,Ethnicity,Date of Birth,Date of Contact,Contact Source\n"
        "1,a) Male,a) WBRI,01/01/2015,02/02/2024,q) 6: Police\n"
        "2,b) Female,zz,,31/02/2024,q) 6: Police\n",
        encoding="utf-8",
    )
    assert convert_main(["annex-a", str(path)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].startswith("child_id,event,occurred,recorded,episode_id,worker,source")
    assert len(lines) == 3  # the header, a birth and a contact
    assert "3 error rows" in captured.err  # the ethnicity, the contact date, no birth date
    assert "give --errors FILE" in captured.err


@pytest.mark.parametrize(
    ("kind", "name", "content", "message"),
    [
        ("annex-a", "missing.xlsx", None, "does not exist"),
        ("annex-a", "words.xlsx", "not a workbook", "is not an Excel .xlsx workbook"),
        ("cin-census", "census.xml", "<<<", "is not XML"),
        ("ssda903", "notes.csv", "a,b\n1,2\n", "no SSDA903 tables"),
    ],
)
def test_a_file_that_cannot_be_read_exits_non_zero_naming_it(
    kind: str,
    name: str,
    content: str | None,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code = convert_main([kind, str(path), "--out", str(tmp_path / "out.csv")])
    assert code == 1
    err = capsys.readouterr().err
    assert str(path) in err
    assert message in err
    assert not (tmp_path / "out.csv").exists()
