"""`casework export cin-census`: the year's episodes of need from the database, in the
2025-26 shape and the schema's element order, read back as the same facts."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from casework.cli import main
from casework.interchange import Conversion, convert
from casework.records.imports.cin_census import export_cin_census
from casework.records.imports.load import import_return

AS_OF = dt.date(2025, 3, 31)
Fact = tuple[str, str, dt.date | None, tuple[tuple[str, str], ...]]

# A 2024 (GenderCurrent) census of two children, written in an order the schema does not
# use, with an episode that closed before the collection year and a review before it.
CENSUS = """<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header><CollectionDetails><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails></Header>
  <Children>
    <Child>
      <ChildIdentifiers>
        <GenderCurrent>2</GenderCurrent>
        <PersonBirthDate>2012-02-03</PersonBirthDate>
        <LAchildID>K1</LAchildID>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>BAFR</Ethnicity>
        <Disabilities><Disability>AUT</Disability></Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2023-05-02</CINreferralDate>
        <ReferralSource>2A</ReferralSource>
        <CINclosureDate>2023-09-01</CINclosureDate>
        <ReasonForClosure>RC8</ReasonForClosure>
        <ReferralNFA>false</ReferralNFA>
        <Assessments><AssessmentActualStartDate>2023-05-03</AssessmentActualStartDate></Assessments>
      </CINdetails>
      <CINdetails>
        <ChildProtectionPlans>
          <Reviews>
            <CPPreviewDate>2024-10-01</CPPreviewDate>
            <CPPreviewDate>2024-03-20</CPPreviewDate>
          </Reviews>
          <CPPstartDate>2024-01-10</CPPstartDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
        </ChildProtectionPlans>
        <Section47>
          <S47ActualStartDate>2023-12-01</S47ActualStartDate>
          <InitialCPCtarget>2023-12-22</InitialCPCtarget>
          <DateOfInitialCPC>2023-12-20</DateOfInitialCPC>
          <ICPCnotRequired>false</ICPCnotRequired>
        </Section47>
        <Section47>
          <S47ActualStartDate>2024-06-03</S47ActualStartDate>
          <ICPCnotRequired>true</ICPCnotRequired>
        </Section47>
        <CINPlanDates>
          <CINPlanStartDate>2024-04-20</CINPlanStartDate>
          <CINPlanEndDate>2024-11-30</CINPlanEndDate>
        </CINPlanDates>
        <Assessments>
          <AssessmentActualStartDate>2023-11-20</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2024-01-05</AssessmentAuthorisationDate>
        </Assessments>
        <CINreferralDate>2023-11-15</CINreferralDate>
        <ReferralSource>5A</ReferralSource>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers>
        <LAchildID>K2</LAchildID>
        <PersonBirthDate>2019-07-08</PersonBirthDate>
        <GenderCurrent>0</GenderCurrent>
      </ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2024-08-01</CINreferralDate>
        <ReferralSource>1A</ReferralSource>
        <CINclosureDate>2024-08-01</CINclosureDate>
        <ReasonForClosure>RC8</ReasonForClosure>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers>
        <LAchildID>K3</LAchildID>
        <PersonBirthDate>2010-01-01</PersonBirthDate>
        <Sex>M</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>AIND</Ethnicity></ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2024-03-01</CINreferralDate>
        <ReferralSource>3A</ReferralSource>
        <CINclosureDate>2024-05-01</CINclosureDate>
        <Assessments>
          <AssessmentActualStartDate>2024-03-02</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2024-03-20</AssessmentAuthorisationDate>
        </Assessments>
      </CINdetails>
    </Child>
  </Children>
</Message>
"""

# The schema's order (2025-26) of the elements the export writes.
ORDER = {
    "ChildIdentifiers": ["LAchildID", "PersonBirthDate", "Sex"],
    "ChildCharacteristics": ["Ethnicity", "Disabilities"],
    "CINdetails": [
        "CINreferralDate",
        "ReferralSource",
        "CINclosureDate",
        "ReasonForClosure",
        "DateOfInitialCPC",
        "Assessments",
        "CINPlanDates",
        "Section47",
        "ReferralNFA",
        "ChildProtectionPlans",
    ],
    "Section47": ["S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"],
    "ChildProtectionPlans": [
        "CPPstartDate",
        "CPPendDate",
        "InitialCategoryOfAbuse",
        "LatestCategoryOfAbuse",
        "NumberOfPreviousCPP",
        "Reviews",
    ],
}


@pytest.fixture(autouse=True)
def _fixed_today(settings: SettingsWrapper) -> None:
    settings.CASEWORK_TODAY = AS_OF.isoformat()
    settings.CASEWORK_PACK = "national"


def facts(c: Conversion) -> set[Fact]:
    return {
        (e.child_id, e.event, e.occurred, tuple(sorted((k, v) for k, v in e.details.items() if v)))
        for e in c.events
    }


def exported(db_path: Path, tmp_path: Path) -> tuple[Conversion, ET.Element]:
    import_return("cin-census", db_path)
    out = tmp_path / "export.xml"
    export_cin_census(out, AS_OF)
    return convert("cin-census", out), ET.parse(out).getroot()


def test_an_exported_census_reads_back_as_the_same_facts(db: None, tmp_path: Path) -> None:
    source = tmp_path / "census.xml"
    source.write_text(CENSUS, encoding="utf-8")
    original = convert("cin-census", source)
    assert not original.errors
    again, _ = exported(source, tmp_path)
    assert not again.errors
    left_out = {
        ("K1", "referral", dt.date(2023, 5, 2), (("referral_source", "2A"),)),
        ("K1", "assessment_start", dt.date(2023, 5, 3), ()),
        ("K1", "case_closed", dt.date(2023, 9, 1), (("reason", "RC8"),)),
        ("K1", "rcpc", dt.date(2024, 3, 20), ()),
        # Over before the year: an assessment, and an enquiry whose conference was held.
        ("K1", "assessment_start", dt.date(2023, 11, 20), ()),
        ("K1", "assessment_complete", dt.date(2024, 1, 5), ()),
        ("K1", "s47_start", dt.date(2023, 12, 1), (("icpc_target", "2023-12-22"),)),
        ("K3", "assessment_start", dt.date(2024, 3, 2), ()),
        ("K3", "assessment_complete", dt.date(2024, 3, 20), ()),
    }
    assert left_out <= facts(original)
    # The sex written as the 2025 code: F for 2, U for 0 (not known).
    births = {f[0]: dict(f[3]) for f in facts(again) if f[1] == "birth"}
    assert births == {
        "K1": {"sex": "F", "ethnicity": "BAFR", "disability": "yes"},
        "K2": {"sex": "U", "ethnicity": "WBRI"},
        "K3": {"sex": "M", "ethnicity": "AIND"},
    }
    assert facts(again) == facts(original) - left_out


def test_the_census_is_in_the_schemas_shape(db: None, tmp_path: Path) -> None:
    source = tmp_path / "census.xml"
    source.write_text(CENSUS, encoding="utf-8")
    _, root = exported(source, tmp_path)
    assert root.tag == "Message"
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2025-03-31"
    children = root.findall("Children/Child")
    assert [c.findtext("ChildIdentifiers/LAchildID") for c in children] == ["K1", "K2", "K3"]
    assert root.find(".//GenderCurrent") is None
    for node in root.iter():
        if node.tag in ORDER:
            tags = [c.tag for c in node]
            assert tags == sorted(tags, key=ORDER[node.tag].index), (node.tag, tags)
    k1, k2, k3 = children
    (episode,) = k1.findall("CINdetails")  # the one that closed in 2023 is left out
    # The conference of an enquiry over before the year stays as the episode's own.
    assert episode.findtext("DateOfInitialCPC") == "2023-12-20"
    assert episode.findtext("ReferralNFA") == "false"
    assert episode.findall("Assessments") == []
    (enquiry,) = episode.findall("Section47")
    assert enquiry.findtext("S47ActualStartDate") == "2024-06-03"
    assert enquiry.findtext("ICPCnotRequired") == "true"
    plan = episode.find("ChildProtectionPlans")
    assert plan is not None
    assert plan.findtext("InitialCategoryOfAbuse") == "NEG"
    assert plan.findtext("NumberOfPreviousCPP") == "0"
    assert [r.text for r in plan.iter("CPPreviewDate")] == ["2024-10-01"]
    # Closed on the day of referral with nothing else: no further action.
    assert k2.findtext("CINdetails/ReferralNFA") == "true"
    assert k2.findtext("ChildCharacteristics/Disabilities") is None
    # An assessment over before the year is left out, but it was not "no further action".
    assert k3.findall("CINdetails/Assessments") == []
    assert k3.findtext("CINdetails/ReferralNFA") == "false"


def test_an_empty_database_gives_a_census_with_no_children(db: None, tmp_path: Path) -> None:
    out = tmp_path / "cin.xml"
    assert export_cin_census(out, AS_OF)["Child"] == 0
    root = ET.parse(out).getroot()
    assert root.findall("Children/Child") == []


def test_the_export_command(db: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "census.xml"
    source.write_text(CENSUS, encoding="utf-8")
    import_return("cin-census", source)
    out = tmp_path / "out" / "CIN.xml"
    assert main(["export", "cin-census", "--as-of", "2025-03-31", "--out", str(out)]) == 0
    assert "3 Child, 3 CINdetails" in capsys.readouterr().err
    assert out.read_bytes().startswith(b"<?xml")
