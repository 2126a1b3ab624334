"""Annex A: the liia-tools sample workbook, CSV lists, both column sets, odd workbooks."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import cache
from pathlib import Path

import openpyxl
import pytest

from casework.interchange import Conversion, ReadFailure, Why, convert
from samples import sample_return as external


def sample() -> Path:
    return external("liia-samples", "Annex_A.xlsx")


@cache
def converted() -> Conversion:
    return convert("annex-a", sample())


def sheet_rows(path: Path) -> list[tuple[str, str, int]]:
    """(file, sheet, row) of every non-blank row under the header of every sheet."""
    book = openpyxl.load_workbook(path)
    rows = []
    for ws in book.worksheets:
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            if number > 1 and any(v not in (None, "") for v in values):
                rows.append((path.name, ws.title, number))
    return rows


def test_every_list_gives_its_events() -> None:
    counts = Counter(e.event for e in converted().events)
    for kind in (
        "contact",  # list 1
        "early_help_start",  # list 2
        "referral",  # list 3
        "assessment_start",  # list 4
        "assessment_complete",
        "s47_start",  # list 5
        "icpc",
        "case_open",  # list 6
        "cp_plan_start",  # list 7
        "cp_visit",
        "rcpc",
        "cp_plan_end",
        "cic_start",  # list 8
        "cic_review",
        "cic_visit",
        "health_assessment",
        "placement_start",
        "adoption_decision",  # list 10
        "placement_order",
        "adoption_match",
        "placed_for_adoption",
        "adoption_order",
        "adopter_enquiry",  # list 11
        "adopter_approved",
    ):
        assert counts[kind] > 0, kind
    assert (counts["contact"], counts["referral"], counts["s47_start"]) == (5, 6, 5)


def test_no_row_is_lost() -> None:
    assert converted().unaccounted(sheet_rows(sample())) == []


def test_unreadable_values_are_in_the_error_report() -> None:
    errors = {(e.sheet, e.row, e.column, e.value, e.why) for e in converted().errors}
    assert ("List 6", 2, "Allocated Worker", "#N/A", Why.EXCEL_ERROR) in errors
    assert ("List 8", 3, "Placement postcode", "nope", Why.BAD_POSTCODE) in errors
    # List 9 of the 2019 column set has no dates: each row is explained.
    assert sum(1 for e in errors if e[0] == "List 9" and e[4] == Why.NO_DATED_FACT) == 6
    # A child in list 1 with no date of birth anywhere: no birth event, and the report says so.
    assert ("List 1", 3, "Date of Birth", "", Why.NO_DOB) in errors


def test_codes_lose_their_prefix_and_names_their_odd_spaces() -> None:
    result = converted()
    births = {e.child_id: e.details for e in result.events if e.event == "birth"}
    assert births["6217392"] == {"sex": "M", "ethnicity": "NOBT"}
    assert births["9212044"]["sex"] == "F"  # "Female", without a prefix
    referral = next(e for e in result.events if e.event == "referral" and e.child_id == "6537810")
    assert referral.worker == "Dustin Hazlett"  # a non-breaking space in the workbook
    assert referral.details == {"referral_source": "8"}  # "s) 8: Other"
    cic = next(e for e in result.events if e.event == "cic_end")
    assert cic.details["reason"] == "E47"  # "k) E47: Special Guardianship Orders - ..."


def test_formulas_are_worked_out() -> None:
    result = converted()
    child = [e for e in result.events if e.child_id == "7961370"]
    dates = {e.event: e.occurred for e in child}
    assert dates["cic_start"] == dt.date(2009, 8, 6)
    assert dates["adoption_decision"] == dt.date(2009, 8, 11)  # =H2+5
    assert dates["adoption_order"] == dt.date(2009, 8, 31)  # =L2+5, a chain of five
    adopter = {e.event for e in result.events if e.child_id == "7105179"}
    assert {"adopter_enquiry", "adopter_matched", "adopter_adoption_order"} <= adopter
    assert not any(e.why == Why.FORMULA_NO_VALUE for e in result.errors)


def test_sources_name_the_sheet_and_row() -> None:
    result = converted()
    i = next(i for i, e in enumerate(result.events) if e.event == "contact")
    assert result.sources[i].startswith("Annex_A.xlsx:List 1:")


# --- CSV lists and the other column sets -------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_list_as_csv_with_the_compact_column_names(tmp_path: Path) -> None:
    path = write(
        tmp_path / "list3.csv",
        "ChildUniqueID,Gender,Ethnicity,DateOfBirth,Age,ReferralDate,ReferralSource,"
        "ReferralNFA,ReferralsLast12Months,AllocatedTeam,AllocatedWorker,Favourite colour\n"
        "A1,b) Female,White British,2015-01-02,9,16/09/2020,q) 6: Police,No,0,Duty,Sam Lee,red\n"
        "A2,Male,k) APKN,44000,9,2020-09-17,Police,,0,Duty,Sam Lee,blue\n",
    )
    result = convert("annex-a", path)
    referrals = [(e.child_id, e.occurred, e.worker) for e in result.events if e.event == "referral"]
    assert referrals == [
        ("A1", dt.date(2020, 9, 16), "Sam Lee"),
        ("A2", dt.date(2020, 9, 17), "Sam Lee"),
    ]
    births = {
        e.child_id: (e.occurred, dict(e.details)) for e in result.events if e.event == "birth"
    }
    assert births["A1"] == (dt.date(2015, 1, 2), {"sex": "F", "ethnicity": "WBRI"})
    assert births["A2"] == (dt.date(2020, 6, 18), {"sex": "M", "ethnicity": "APKN"})
    errors = {(e.row, e.column, e.why) for e in result.errors}
    assert (1, "Favourite colour", Why.UNKNOWN_COLUMN) in errors
    assert (3, "ReferralSource", Why.UNKNOWN_CODE) in errors  # "Police" without its code


def test_the_2024_care_leavers_list_gives_contacts_and_pathway_plan_reviews(tmp_path: Path) -> None:
    path = write(
        tmp_path / "Annex A List 9.csv",
        "Child Unique ID,Sex,Ethnicity,Date of Birth,Age of Child (Years),"
        '"Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",'
        "Does the Child have a Disability,Allocated Team,Allocated Worker,"
        "Allocated Personal Advisor,Eligibility Category,Latest Pathway Plan Review Date,"
        "LA in Touch,Latest Date of Contact,Type of Accommodation,Suitability of Accommodation,"
        "Activity Status\n"
        "C9,a) Male,a) WBRI,01/01/2004,19,a) Yes,b) No,Leaving care,Jo,Al,"
        "b) Former relevant child,01/02/2023,a) Yes,03/03/2023,U: Independent living,"
        "a) Suitable,F3: Full time in training or employment\n",
    )
    result = convert("annex-a", path)
    events = {e.event: e for e in result.events}
    assert events["pathway_plan_review"].occurred == dt.date(2023, 2, 1)
    contact = events["care_leaver_contact"]
    assert contact.occurred == dt.date(2023, 3, 3)
    assert dict(contact.details) == {
        "in_touch": "yes",
        "accommodation_suitable": "yes",
        "activity": "employment",
    }
    assert events["birth"].details == {
        "sex": "M",
        "ethnicity": "WBRI",
        "disability": "no",
        "uasc": "yes",
    }
    assert result.errors == []


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def test_sheets_found_by_their_columns_and_headers_below_a_title(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "a.xlsx",
        {
            "Contacts": [
                ["Annex A contacts, run on 1 April 2024"],
                [],
                [
                    "Child Unique ID",
                    "Sex",
                    "Ethnicity",
                    "Date of Birth",
                    "Date of Contact",
                    "Contact Source",
                ],
                ["X1", "Female", "WBRI", dt.date(2016, 5, 4), "04/03/2024", "1A: Individual"],
                ["X2", "girl", "c) WIRT", None, 45000, "=1/0"],
            ],
            "Notes": [["These lists were run for the inspection."]],
            "List 4": [["Name", "Assessment start"], ["Sam", dt.date(2024, 1, 1)]],
        },
    )
    result = convert("annex-a", path)
    contacts = [(e.child_id, e.occurred) for e in result.events if e.event == "contact"]
    assert contacts == [("X1", dt.date(2024, 3, 4)), ("X2", dt.date(2023, 3, 15))]
    errors = {(e.sheet, e.row, e.column, e.why) for e in result.errors}
    assert ("Notes", 0, "", Why.TABLE_NOT_RECOGNISED) in errors
    assert ("List 4", 0, "", Why.TABLE_NO_ID_COLUMN) in errors
    assert ("Contacts", 5, "Contact Source", Why.FORMULA_NO_VALUE) in errors
    rows = [("a.xlsx", "Contacts", 4), ("a.xlsx", "Contacts", 5), ("a.xlsx", "List 4", 2)]
    assert result.unaccounted(rows) == []


def test_files_that_are_not_workbooks_cannot_be_read(tmp_path: Path) -> None:
    old = tmp_path / "old.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(ReadFailure, match=r"old \.xls workbook"):
        convert("annex-a", old)
    text = tmp_path / "text.xlsx"
    text.write_text("not a workbook")
    with pytest.raises(ReadFailure, match=r"not an Excel \.xlsx workbook"):
        convert("annex-a", text)
    empty = workbook(tmp_path / "empty.xlsx", {"Sheet": [["nothing", "here"]]})
    with pytest.raises(ReadFailure, match="no Annex A list"):
        convert("annex-a", empty)
