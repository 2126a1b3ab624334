"""`casework export annex-a`: the eleven lists from the database, read back the same."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from casework.cli import main
from casework.interchange import Conversion, convert
from casework.records.imports.annex_a import export_annex_a
from casework.records.imports.load import import_return

AS_OF = dt.date(2024, 6, 28)
Fact = tuple[str, str, dt.date, tuple[tuple[str, str], ...]]


@pytest.fixture(autouse=True)
def _fixed_today(settings: SettingsWrapper) -> None:
    settings.CASEWORK_TODAY = AS_OF.isoformat()
    settings.CASEWORK_PACK = "national"


def external(*parts: str) -> Path:
    root = os.environ.get("CASEWORK_EXTERNAL") or (
        Path(__file__).resolve().parents[2] / ".." / "shared" / "external"
    )
    path = Path(root).resolve().joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (set CASEWORK_EXTERNAL to the sample returns)")
    return path


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
