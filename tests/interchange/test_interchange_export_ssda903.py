"""`casework export ssda903`: the year's episodes, reviews and missing episodes from the
database, read back as the same facts."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from casework.cli import main
from casework.interchange import Conversion, convert
from casework.records.imports.load import import_return
from casework.records.imports.ssda903 import export_ssda903, year_start
from samples import sample_return as external

AS_OF = dt.date(2018, 3, 31)
KINDS = {"cic_start", "cic_end", "placement_start", "cic_review"}
Fact = tuple[str, str, dt.date, tuple[tuple[str, str], ...]]


@pytest.fixture(autouse=True)
def _fixed_today(settings: SettingsWrapper) -> None:
    settings.CASEWORK_TODAY = AS_OF.isoformat()
    settings.CASEWORK_PACK = "national"


def year_facts(c: Conversion, kinds: set[str] = KINDS) -> set[Fact]:
    """The events of these kinds dated in the collection year, with their details
    (blank ones left out). A set: the database keeps one event per child, type and day."""
    first = year_start(AS_OF)
    return {
        (e.child_id, e.event, e.occurred, tuple(sorted((k, v) for k, v in e.details.items() if v)))
        for e in c.events
        if e.event in kinds and e.occurred is not None and first <= e.occurred <= AS_OF
    }


def births(c: Conversion, children: set[str]) -> dict[str, tuple[object, ...]]:
    return {
        e.child_id: (e.occurred, e.details.get("sex", ""), e.details.get("ethnicity", ""))
        for e in c.events
        if e.event == "birth" and e.child_id in children
    }


def test_an_exported_ssda903_reads_back_as_the_same_facts(db: None, tmp_path: Path) -> None:
    path = external("ssda903-fake")
    original = convert("ssda903", path)
    import_return("ssda903", path)
    out = tmp_path / "ssda903"
    written = export_ssda903(out, AS_OF)
    assert sorted(p.name for p in out.iterdir()) == [
        "episodes.csv",
        "header.csv",
        "missing.csv",
        "reviews.csv",
    ]
    assert all(written.values())
    again = convert("ssda903", out)
    expected = year_facts(original)
    assert year_facts(again) == expected
    children = {fact[0] for fact in expected}
    assert children <= set(again.children)
    assert births(again, children) == births(original, children)
    missing = {"missing_start", "missing_end"}
    assert year_facts(again, missing) <= year_facts(original, missing)
    assert not [e for e in again.errors if "REC" in e.column or "DEC" in e.column]


def day(text: str) -> dt.date:
    d, m, y = text.split("/")
    return dt.date(int(y), int(m), int(d))


def test_an_export_holds_only_the_year(db: None, tmp_path: Path) -> None:
    import_return("ssda903", external("ssda903-fake"))
    out = tmp_path / "ssda903"
    export_ssda903(out, AS_OF)
    first = year_start(AS_OF)
    with (out / "reviews.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            assert first <= day(row["REVIEW"]) <= AS_OF
    with (out / "episodes.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            assert day(row["DECOM"]) <= AS_OF
            if row["DEC"]:
                assert day(row["DEC"]) >= first


def test_year_start() -> None:
    assert year_start(dt.date(2018, 3, 31)) == dt.date(2017, 4, 1)
    assert year_start(dt.date(2024, 2, 29)) == dt.date(2023, 3, 1)


def test_the_export_command(db: None, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["export", "ssda903", "--as-of", "2018-03-31", "--out", str(out)]) == 0
    assert (out / "episodes.csv").read_text(encoding="utf-8").startswith("CHILD,DECOM,RNE")
