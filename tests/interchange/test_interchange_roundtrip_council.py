"""A synthetic council's three returns, exported from the database, imported into an empty
one and exported again: the fields each format carries come back the same."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connection
from pytest_django.fixtures import Settings as SettingsWrapper

from casework.interchange import Conversion, convert
from casework.records.imports.annex_a import export_annex_a
from casework.records.imports.cin_census import export_cin_census
from casework.records.imports.load import import_return
from casework.records.imports.ssda903 import export_ssda903
from casework.records.loader import load_council
from casework.records.models import Episode, Event, Person
from casework.synth import generate

AS_OF = dt.date(2025, 3, 31)
# A few hundred children; more for SSDA903, as few of a council's children are in care.
CHILDREN = {"annex-a": 300, "cin-census": 300, "ssda903": 1000}
# Children in each return, at least (most of a council is never in care).
FEWEST = {"annex-a": 250, "cin-census": 50, "ssda903": 15}
Fact = tuple[str, str, dt.date | None, tuple[tuple[str, str], ...]]


@pytest.fixture(autouse=True)
def _fixed_today(settings: SettingsWrapper) -> None:
    settings.CASEWORK_TODAY = AS_OF.isoformat()
    settings.CASEWORK_PACK = "national"


def facts(c: Conversion) -> list[Fact]:
    """Every event of the conversion as (child, type, date, details), blanks left out."""
    return sorted(
        (e.child_id, e.event, e.occurred, tuple(sorted((k, v) for k, v in e.details.items() if v)))
        for e in c.events
    )


def council(children: int = 300) -> None:
    load_council(generate(children=children, years=3.0, seed=11, end=AS_OF))


def empty() -> None:
    """Remove every person and everything about them, leaving staff and teams, so that an
    import starts from an empty record. Rows are deleted table by table (whatever apps are
    installed), then the people."""
    tables = set(connection.introspection.table_names())
    records = {Person, Event, Episode}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        pointing = any(
            f.is_relation and f.concrete and f.related_model in records for f in meta.get_fields()
        )
        if meta.db_table in tables and model not in records and pointing:
            model._default_manager.all()._raw_delete(DEFAULT_DB_ALIAS)
    for model in (Event, Episode, Person):
        model._default_manager.all()._raw_delete(DEFAULT_DB_ALIAS)
    assert not Person.objects.exists()


Export = Callable[[Path], object]
EXPORTS: dict[str, tuple[str, Export]] = {
    "annex-a": ("Annex_A.xlsx", lambda p: export_annex_a(p, AS_OF, window=False)),
    "cin-census": ("CIN_Census.xml", lambda p: export_cin_census(p, AS_OF)),
    "ssda903": ("ssda903", lambda p: export_ssda903(p, AS_OF)),
}


@pytest.mark.parametrize("kind", list(EXPORTS))
def test_a_council_return_comes_back_the_same(db: None, tmp_path: Path, kind: str) -> None:
    council(CHILDREN[kind])
    name, export = EXPORTS[kind]
    first = tmp_path / "first" / name
    export(first)
    before = convert(kind, first)
    assert len(before.children) >= FEWEST[kind]
    assert not before.errors, before.errors[:5]
    empty()
    imported = import_return(kind, first)
    assert imported.events_added == len(before.events)
    assert set(Person.objects.values_list("reference", flat=True)) == set(before.children)
    second = tmp_path / "second" / name
    export(second)
    after = convert(kind, second)
    assert not after.errors, after.errors[:5]
    assert after.children == before.children
    assert facts(after) == facts(before)


def test_the_census_carries_the_councils_facts(db: None, tmp_path: Path) -> None:
    """Every fact the CIN census carries, dated in the year, is in the export as the
    database has it (an enquiry's `icpc_not_required` comes back on the enquiry's start)."""
    council()
    path = tmp_path / "cin.xml"
    export_cin_census(path, AS_OF)
    got = set(facts(convert("cin-census", path)))
    first = dt.date(AS_OF.year - 1, AS_OF.month, AS_OF.day) + dt.timedelta(days=1)
    carried = {
        "referral": ("referral_source",),
        "assessment_start": (),
        "assessment_complete": (),
        "cin_plan_start": (),
        "cin_plan_end": (),
        "s47_start": ("icpc_target",),
        "icpc": (),
        "cp_plan_start": ("category",),
        "cp_plan_end": (),
        "rcpc": (),
    }
    want: set[Fact] = set()
    for person in Person.objects.prefetch_related("events"):
        events = sorted(person.events.all(), key=lambda e: (e.occurred, e.pk))
        for e in events:
            if e.type in carried and first <= e.occurred <= AS_OF:
                kept = tuple(sorted((k, e.details[k]) for k in carried[e.type] if e.details.get(k)))
                want.add((person.reference, e.type, e.occurred, kept))
    assert len(want) > 100
    missing = want - got
    assert not missing, sorted(missing)[:10]
    # Sex, ethnicity and date of birth of every child in the census.
    births = {f[0]: f for f in got if f[1] == "birth"}
    for person in Person.objects.filter(reference__in=births):
        _, _, born, details = births[person.reference]
        assert born == person.date_of_birth
        assert dict(details)["sex"] == (person.sex if person.sex in ("M", "F") else "U")
        assert dict(details)["ethnicity"] == (person.ethnicity or "NOBT")
