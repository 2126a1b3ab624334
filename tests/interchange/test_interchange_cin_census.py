"""CIN census: the sample files (2021, 2022 and 2024 shapes) and the 2025/2026 changes."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from casework.interchange import ReadFailure, Why, convert
from samples import sample_return as external

BLOCKS = (
    "Child",
    "ChildIdentifiers",
    "CINdetails",
    "Assessments",
    "CINPlanDates",
    "Section47",
    "ChildProtectionPlans",
    "CPPreviewDate",
    "PreProceedingsandFGDM",
)


def xml_blocks(text: str, tags: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """(tag, first line, last line) of every element with one of these tags."""
    lines = text.splitlines()
    found = []
    for i, line in enumerate(lines, start=1):
        for tag in tags:
            if f"<{tag}>" in line:
                end = next((j for j in range(i, len(lines) + 1) if f"</{tag}>" in lines[j - 1]), i)
                found.append((tag, i, end))
    return found


SAMPLES = [
    ("liia-samples", "cin-2022.xml"),
    ("cin-fake", "CIN_Census_2021.xml"),
    ("cin-fake", "CIN_Census_2024.xml"),
]


@pytest.mark.parametrize(("folder", "name"), SAMPLES)
def test_no_element_is_lost(folder: str, name: str) -> None:
    path = external(folder, name)
    result = convert("cin-census", path)
    blocks = xml_blocks(path.read_text(encoding="utf-8"), BLOCKS)
    assert len(blocks) >= 8
    assert result.unaccounted_spans(name, [(s, e) for _, s, e in blocks]) == []


def test_the_2022_sample_gives_every_event_the_census_carries() -> None:
    result = convert("cin-census", external("liia-samples", "cin-2022.xml"))
    got = {(e.event, e.occurred.isoformat()): dict(e.details) for e in result.events}
    assert got == {
        ("birth", "1966-03-24"): {"sex": "M", "ethnicity": "WBRI", "disability": "yes"},
        ("referral", "1970-10-06"): {"referral_source": "1A"},
        ("assessment_start", "1970-06-03"): {},
        ("assessment_complete", "1971-07-18"): {},
        ("cin_plan_start", "1971-01-24"): {},
        ("cin_plan_end", "1971-01-26"): {},
        ("s47_start", "1970-06-02"): {"icpc_target": "1970-06-23"},
        ("icpc", "1970-06-17"): {},
        ("icpc", "1970-12-06"): {},
        ("cp_plan_start", "1970-02-17"): {"category": "physical"},
        ("rcpc", "1971-02-15"): {},
        ("cp_plan_end", "1971-03-14"): {},
        ("case_closed", "1971-02-27"): {"reason": "RC1"},
    }
    assert result.errors == []
    assert result.children == ["DfEX0000001"]


def test_gender_current_before_2025_and_sex_after() -> None:
    old = convert("cin-census", external("cin-fake", "CIN_Census_2021.xml"))
    new = convert("cin-census", external("cin-fake", "CIN_Census_2024.xml"))
    assert {e.child_id: e.details["sex"] for e in old.events if e.event == "birth"} == {
        "DfEX0000001": "M"  # <GenderCurrent>1</GenderCurrent>
    }
    assert {e.child_id: e.details["sex"] for e in new.events if e.event == "birth"} == {
        "DfEX0000001": "M",  # <Sex>1</Sex>, read as the older code
        "child_fails_assessments": "M",  # <Sex>M</Sex>
    }


def test_the_deliberate_mistakes_are_reported() -> None:
    old = convert("cin-census", external("cin-fake", "CIN_Census_2021.xml"))
    assert {(e.row, e.column, e.value, e.why) for e in old.errors} == {
        (23, "ChildIdentifiers", "PersonBirthDate", Why.STRAY_TEXT),
        (25, "ExpectedPersonBirthDate", "1066-04-13", Why.DATE_OUT_OF_RANGE),
    }
    new = convert("cin-census", external("cin-fake", "CIN_Census_2024.xml"))
    reasons = {(e.column, e.value, e.why) for e in new.errors}
    assert ("AssessmentAuthorisationDate", "2020-09-19", Why.END_BEFORE_START) in reasons
    assert ("AssessmentActualStartDate", "2028-04-28", Why.AFTER_REFERENCE_DATE) in reasons


# --- files written here --------------------------------------------------------------------

CHILD_2026 = """<?xml version="1.0" encoding="UTF-8"?>
<Message xmlns="http://www.example.org/cin">
  <Header><CollectionDetails><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header>
  <Children>
    <Child>
      <ChildIdentifiers>
        <LAchildID> C26 </LAchildID>
        <PersonBirthDate>2014-05-06</PersonBirthDate>
        <Sex>f</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>a) WBRI</Ethnicity>
        <Disabilities><Disability>NONE</Disability></Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <ReferralSource>6</ReferralSource>
        <cinreferraldate>2025-04-01</cinreferraldate>
        <Section47>
          <S47ActualStartDate>2025-04-03</S47ActualStartDate>
          <ICPCnotRequired>true</ICPCnotRequired>
        </Section47>
        <PreProceedingsandFGDM>
          <PPStartDate>2025-06-01</PPStartDate>
          <LBPSentDate>2025-06-02</LBPSentDate>
          <FGDMMeetingOffer>1</FGDMMeetingOffer>
          <FGDMMeetingFac>0</FGDMMeetingFac>
          <InitialPPMeetingDate>2025-06-10</InitialPPMeetingDate>
          <StepDecisionDate>2025-09-01</StepDecisionDate>
          <PPOutcome>A</PPOutcome>
          <CourtAppDate>2025-09-15</CourtAppDate>
        </PreProceedingsandFGDM>
        <Favourite>blue</Favourite>
      </CINdetails>
    </Child>
  </Children>
</Message>
"""


def test_the_2026_shape_with_pre_proceedings(tmp_path: Path) -> None:
    path = tmp_path / "cin-2026.xml"
    path.write_text(CHILD_2026, encoding="utf-8")
    result = convert("cin-census", path)
    got = {e.event: (e.occurred, dict(e.details)) for e in result.events}
    assert got["birth"] == (
        dt.date(2014, 5, 6),
        {"sex": "F", "ethnicity": "WBRI", "disability": "no"},
    )
    assert got["icpc_not_required"] == (dt.date(2025, 4, 3), {})
    assert got["pre_proceedings_start"] == (
        dt.date(2025, 6, 1),
        {"fgdm_offered": "yes", "fgdm_held": "no"},
    )
    assert got["letter_before_proceedings"][0] == dt.date(2025, 6, 2)
    assert got["pre_proceedings_end"] == (dt.date(2025, 9, 1), {"outcome": "A"})
    assert got["proceedings_start"][0] == dt.date(2025, 9, 15)
    assert result.children == ["C26"]
    assert [(e.column, e.why) for e in result.errors] == [("Favourite", Why.UNKNOWN_ELEMENT)]


def test_a_file_that_breaks_off_keeps_what_was_read(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    text = external("liia-samples", "cin-2022.xml").read_text(encoding="utf-8")
    cut = text.index("</CPPstartDate>") + len("</CPPstartDate>") + 10
    path.write_text(text[:cut], encoding="utf-8")
    result = convert("cin-census", path)
    kinds = Counter(e.event for e in result.events)
    assert (kinds["referral"], kinds["s47_start"], kinds["cp_plan_start"]) == (1, 1, 1)
    assert any(e.why == Why.READING_STOPPED for e in result.errors)


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    cases = {
        "text.xml": ("just some text", "is not XML"),
        "903.xml": ("<EXPSSDA903><HEADER/></EXPSSDA903>", "not a CIN census"),
        "entities.xml": (
            '<!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><Message>&b;</Message>',
            "cannot be read safely",
        ),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ReadFailure, match=message):
            convert("cin-census", path)
