"""`casework import`: a return into the database, idempotent and atomic per file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from casework.cli import main
from casework.interchange import ReadFailure, convert
from casework.records.imports import load
from casework.records.imports.load import import_return
from casework.records.imports.models import ImportedEvent
from casework.records.models import Event, EventVersion, Obligation, Person, PersonKind
from samples import sample_return as external

TODAY = dt.date(2024, 6, 28)


@pytest.fixture(autouse=True)
def _fixed_today(settings: SettingsWrapper) -> None:
    settings.CASEWORK_TODAY = TODAY.isoformat()
    settings.CASEWORK_PACK = "national"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def snapshot() -> dict[str, Any]:
    """Everything an import writes, to compare before and after."""
    return {
        "people": list(
            Person.objects.order_by("pk").values_list(
                "pk",
                "reference",
                "kind",
                "date_of_birth",
                "sex",
                "ethnicity",
                "uasc",
                "disability",
                "next_due",
                "overdue_count",
            )
        ),
        "events": list(
            Event.objects.order_by("pk").values_list(
                "pk", "person_id", "type", "occurred", "details", "worker_id", "version"
            )
        ),
        "sources": list(ImportedEvent.objects.order_by("pk").values_list()),
        "versions": EventVersion.objects.count(),
        "obligations": list(Obligation.objects.order_by("pk").values_list()),
    }


LIST3 = (
    "Child Unique ID,Gender,Ethnicity,Date of Birth,Date of Referral,Referral Source\n"
    "C1,b) Female,a) WBRI,02/01/2015,16/09/2023,q) 6: Police\n"
    "C2,a) Male,k) APKN,03/04/2016,17/09/2023,q) 1A: Individual - Family Member\n"
)


def test_a_return_is_imported_with_the_source_of_every_event(db: None) -> None:
    path = external("liia-samples", "Annex_A.xlsx")
    conversion = convert("annex-a", path)
    result = import_return("annex-a", path)
    assert result.events_added == len(conversion.events)
    assert Event.objects.count() == len(conversion.events)
    people = len(set(conversion.children) | set(conversion.adopters))
    assert result.people_added == Person.objects.count() == people
    assert ImportedEvent.objects.count() == len(conversion.events)
    sources = {s.sources for s in ImportedEvent.objects.all()}
    assert sources == set(conversion.sources)
    first = ImportedEvent.objects.order_by("pk").first()
    assert first is not None
    assert first.file == "Annex_A.xlsx"
    assert first.sheet
    assert first.row > 0
    adopter = conversion.adopters[0]
    assert Person.objects.get(reference=adopter).kind == PersonKind.ADULT


def test_importing_the_same_file_twice_changes_nothing(db: None, tmp_path: Path) -> None:
    path = external("liia-samples", "Annex_A.xlsx")
    import_return("annex-a", path)
    before = snapshot()
    again = import_return("annex-a", path)
    assert not again.changed
    assert not again.touched
    assert snapshot() == before


def test_the_front_sheet_and_obligations_come_from_the_return(db: None, tmp_path: Path) -> None:
    import_return("annex-a", write(tmp_path / "list3.csv", LIST3))
    c1 = Person.objects.get(reference="C1")
    assert (c1.date_of_birth, c1.sex, c1.ethnicity) == (dt.date(2015, 1, 2), "F", "WBRI")
    referral = Event.objects.get(person=c1, type="referral")
    assert referral.details == {"referral_source": "6"}
    assert referral.source == "imported"
    assert ImportedEvent.objects.get(event=referral).sources == "list3.csv:2"
    assert c1.evaluated_on == TODAY
    assert Obligation.objects.filter(person=c1).exists()


def test_children_are_matched_across_returns_by_their_identifiers(db: None, tmp_path: Path) -> None:
    import_return("annex-a", write(tmp_path / "list3.csv", LIST3))
    folder = tmp_path / "903"
    folder.mkdir()
    write(
        folder / "header.csv", "CHILD,SEX,DOB,ETHNIC\nC1,2,02/01/2015,WBRI\nC9,1,01/01/2010,WBRI\n"
    )
    write(folder / "reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,02/01/2015,01/03/2024,PN1\n")
    result = import_return("ssda903", folder)
    assert result.people_added == 1  # C9; C1 is the child the Annex A gave
    assert sorted(Person.objects.values_list("reference", flat=True)) == ["C1", "C2", "C9"]
    c1 = Person.objects.get(reference="C1")
    assert set(c1.events.values_list("type", flat=True)) == {"birth", "referral", "cic_review"}
    # The same birth from another return is a second event: matching is within a return.
    assert c1.events.filter(type="birth").count() == 2


def test_a_changed_detail_becomes_a_new_version(db: None, tmp_path: Path) -> None:
    path = write(tmp_path / "list3.csv", LIST3)
    import_return("annex-a", path)
    write(path, LIST3.replace("q) 6: Police", "q) 5A: Schools"))
    result = import_return("annex-a", path)
    assert (result.events_added, result.events_updated) == (0, 1)
    referral = Event.objects.get(person__reference="C1", type="referral")
    assert referral.details == {"referral_source": "5A"}
    assert referral.version == 2
    assert referral.versions.get().details == {"referral_source": "6"}


def test_a_failure_leaves_the_database_as_it_was(
    db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "list3.csv", LIST3)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("evaluation failed")

    monkeypatch.setattr(load, "reevaluate", broken)
    with pytest.raises(RuntimeError):
        import_return("annex-a", path)
    assert not Person.objects.exists()
    assert not Event.objects.exists()
    assert not ImportedEvent.objects.exists()
    with pytest.raises(ReadFailure):
        import_return("annex-a", tmp_path / "missing.xlsx")


def test_the_import_command(db: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "list3.csv", LIST3)
    assert main(["import", "annex-a", str(path), "--errors", str(tmp_path / "e.csv")]) == 0
    assert "events: 4 added" in capsys.readouterr().err
    assert main(["import", "annex-a", str(path)]) == 0
    assert "0 added, 0 updated, 4 already imported" in capsys.readouterr().err
    assert main(["import", "annex-a", str(tmp_path / "nothing.xlsx")]) == 1
