"""`casework export annex-a`: the eleven lists from the database, read back the same."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from pytest_django.fixtures import Settings as SettingsWrapper

from casework.cli import main
from casework.interchange import Conversion, convert
from casework.interchange.annex_a import LISTS
from casework.records.imports.annex_a import TITLES, export_annex_a, headers
from casework.records.imports.facts import people_with_events
from casework.records.imports.lists import ROWS
from casework.records.imports.load import import_return
from casework.records.loader import load_council
from casework.synth import generate
from samples import sample_return as external

AS_OF = dt.date(2024, 6, 28)
Fact = tuple[str, str, dt.date, tuple[tuple[str, str], ...]]


@pytest.fixture(autouse=True)
def _fixed_today(settings: SettingsWrapper) -> None:
    settings.CASEWORK_TODAY = AS_OF.isoformat()
    settings.CASEWORK_PACK = "national"


def facts(c: Conversion) -> list[Fact]:
    """Every event as (child, type, date, details), blank details left out. A child known
    only from an undated row (a 2019 list 9 row) has no row in an export."""
    dated = {e.child_id for e in c.events if e.event != "birth"}
    return sorted(
        (e.child_id, e.event, e.occurred, tuple(sorted((k, v) for k, v in e.details.items() if v)))
        for e in c.events
        if e.child_id in dated
    )


def test_an_exported_annex_a_reads_back_as_the_same_facts(db: None, tmp_path: Path) -> None:
    path = external("liia-samples", "Annex_A.xlsx")
    original = convert("annex-a", path)
    import_return("annex-a", path)
    out = tmp_path / "export.xlsx"
    latest = max(e.occurred for e in original.events)
    written = export_annex_a(out, latest, window=False)
    assert set(written) == set(range(1, 12))
    again = convert("annex-a", out)
    assert facts(again) == facts(original)


def test_the_export_command(db: None, tmp_path: Path) -> None:
    out = tmp_path / "a.xlsx"
    assert main(["export", "annex-a", "--as-of", "2024-06-28", "--out", str(out)]) == 0
    assert out.exists()


def reference_workbook(path: Path, as_of: dt.date) -> None:
    """The eleven lists written the straightforward way: every event of every person, and
    openpyxl's own writer. The export must give the same cells."""
    people = people_with_events(as_of)
    book = Workbook(write_only=True)
    for number in range(1, 12):
        sheet: Any = book.create_sheet(TITLES[number])
        sheet.append(headers(number))
        for person in people.values():
            if person.facts.adult == (number == 11):
                for row in ROWS[number](person.facts, person.events, False):
                    sheet.append([row.get(name) for name in LISTS[number]])
    book.save(path)


def cells(path: Path) -> dict[str, list[list[object]]]:
    book = load_workbook(path, read_only=True)
    out: dict[str, list[list[object]]] = {}
    for name in book.sheetnames:
        rows: list[list[object]] = []
        for row in book[name].iter_rows(values_only=True):
            values: list[object] = list(row)
            while values and values[-1] is None:
                values.pop()
            rows.append(values)
        out[name] = rows
    return out


def test_the_export_writes_the_cells_the_reference_writes(db: None, tmp_path: Path) -> None:
    as_of = dt.date(2025, 3, 31)
    load_council(generate(children=300, years=3.0, seed=5, end=as_of))
    ours, reference = tmp_path / "ours.xlsx", tmp_path / "reference.xlsx"
    written = export_annex_a(ours, as_of, window=False)
    reference_workbook(reference, as_of)
    expected = cells(reference)
    assert cells(ours) == expected
    assert [len(rows) - 1 for rows in expected.values()] == list(written.values())
    assert sum(written.values()) > 1000
