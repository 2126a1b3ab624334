"""The CIN census (children in need, XML) to events.

Reads the 2022 to 2026 shapes: the child's sex is `<GenderCurrent>` (0, 1, 2, 9) up to
2024 and `<Sex>` (M, F, U) from 2025; `<CINPlanDates>` came in 2022 and
`<PreProceedingsandFGDM>` in 2026. Elements are matched without regard to case or
namespace, in any order.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casework.interchange import codes
from casework.interchange.builder import Builder, Conversion
from casework.interchange.errors import Problems, Why
from casework.interchange.tables import Cell, ReadFailure, Record
from casework.interchange.values import to_yes_no
from casework.interchange.xmltree import Node, leaf_record, parse


def _known(*tags: str) -> dict[str, str]:
    return {t.lower(): t for t in tags}


IDENTIFIERS = _known(
    "LAchildID",
    "UPN",
    "FormerUPN",
    "UPNunknown",
    "PersonBirthDate",
    "ExpectedPersonBirthDate",
    "GenderCurrent",
    "Sex",
    "PersonDeathDate",
)
CHARACTERISTICS = _known("Ethnicity")
DETAILS = _known(
    "CINreferralDate",
    "ReferralSource",
    "PrimaryNeedCode",
    "CINclosureDate",
    "ReasonForClosure",
    "DateOfInitialCPC",
    "ReferralNFA",
)
ASSESSMENT = _known(
    "AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate"
)
PLAN = _known("CINPlanStartDate", "CINPlanEndDate")
SECTION_47 = _known("S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired")
CP_PLAN = _known(
    "CPPstartDate",
    "CPPendDate",
    "InitialCategoryOfAbuse",
    "LatestCategoryOfAbuse",
    "NumberOfPreviousCPP",
)
PRE_PROCEEDINGS = _known(
    "PPStartDate",
    "LBPSentDate",
    "FGDMMeetingOffer",
    "FGDMMeetingFac",
    "InitialPPMeetingDate",
    "ReviewMeetingsCount",
    "StepDecisionDate",
    "PPOutcome",
    "CourtAppDate",
    "LetterInitCPDate",
)
_CHILD_BLOCKS = ("ChildIdentifiers", "ChildCharacteristics", "CINdetails")
_DETAIL_BLOCKS = (
    "Assessments",
    "CINPlanDates",
    "Section47",
    "ChildProtectionPlans",
    "PreProceedingsandFGDM",
)


class _Census:
    def __init__(self, file: str, problems: Problems, builder: Builder) -> None:
        self.file = file
        self.problems = problems
        self.b = builder
        self.rows: dict[str, int] = {}
        self.reference: dt.date | None = None

    def date(self, rec: Record, name: str, *, required: bool = False) -> dt.date | None:
        return rec.date(name, required=required, latest=self.reference)

    def record(self, node: Node, known: dict[str, str], containers: tuple[str, ...] = ()) -> Record:
        self.rows[node.tag] = self.rows.get(node.tag, 0) + 1
        return leaf_record(node, self.file, node.tag, self.problems, known, containers=containers)

    def unknown(self, parent: Node, allowed: tuple[str, ...]) -> None:
        """Report the child elements of a container that are not known blocks."""
        keys = {a.lower() for a in allowed}
        for node in parent.children:
            if node.key not in keys and node.children:
                self.problems.add(
                    self.file, parent.tag, node.line, node.tag, "", Why.UNKNOWN_ELEMENT
                )

    # --- one child ----------------------------------------------------------------

    def child(self, node: Node) -> None:
        self.rows["Child"] = self.rows.get("Child", 0) + 1
        for line, text in node.stray:
            self.problems.add(self.file, node.tag, line, node.tag, text, Why.STRAY_TEXT)
        for leaf in node.children:
            if not leaf.children and leaf.key not in {b.lower() for b in _CHILD_BLOCKS}:
                self.problems.add(
                    self.file, node.tag, leaf.line, leaf.tag, leaf.text, Why.UNKNOWN_ELEMENT
                )
        self.unknown(node, _CHILD_BLOCKS)
        ids_node = node.find("ChildIdentifiers")
        ids = self.record(ids_node, IDENTIFIERS) if ids_node else None
        child_id = ids.identifier("LAchildID") if ids else ""
        if not child_id:
            self.problems.add(
                self.file,
                "ChildIdentifiers" if ids_node else node.tag,
                (ids_node or node).line,
                "LAchildID",
                "",
                Why.NO_CHILD_ID,
            )
            return
        self.b.child(child_id)
        assert ids is not None
        self.birth(child_id, ids, node.find("ChildCharacteristics"))
        for details in node.find_all("CINdetails"):
            self.details(child_id, details)

    def birth(self, child_id: str, ids: Record, characteristics: Node | None) -> None:
        sex = ids.sex("Sex") if ids.has("Sex") else ids.sex("GenderCurrent")
        if ids.has("Sex") and ids.has("GenderCurrent"):
            ids.sex("GenderCurrent")
        ids.date("ExpectedPersonBirthDate")
        ids.date("PersonDeathDate")
        ids.text("UPN")
        ids.text("FormerUPN")
        ids.text("UPNunknown")
        ethnicity = disability = ""
        if characteristics is not None:
            chars = self.record(characteristics, CHARACTERISTICS, ("Disabilities",))
            ethnicity = chars.ethnicity("Ethnicity")
            disability = self.disabilities(characteristics)
            self.unknown(characteristics, ("Disabilities",))
        self.b.birth(
            child_id, ids, "PersonBirthDate", sex=sex, ethnicity=ethnicity, disability=disability
        )

    def disabilities(self, characteristics: Node) -> str:
        found: list[str] = []
        for block in characteristics.find_all("Disabilities"):
            for line, text in block.stray:
                self.problems.add(self.file, block.tag, line, block.tag, text, Why.STRAY_TEXT)
            for leaf in block.children:
                if leaf.key != "disability":
                    self.problems.add(
                        self.file, block.tag, leaf.line, leaf.tag, leaf.text, Why.UNKNOWN_ELEMENT
                    )
                    continue
                value = leaf.text.strip().upper()
                if value in codes.DISABILITIES:
                    found.append(value)
                elif value:
                    self.problems.add(
                        self.file, block.tag, leaf.line, leaf.tag, leaf.text, Why.UNKNOWN_CODE
                    )
        if not found:
            return ""
        return "no" if set(found) == {"NONE"} else "yes"

    # --- one episode of need ------------------------------------------------------

    def details(self, child_id: str, node: Node) -> None:
        rec = self.record(node, DETAILS, _DETAIL_BLOCKS)
        self.unknown(node, _DETAIL_BLOCKS)
        b = self.b
        referral = self.date(rec, "CINreferralDate", required=True)
        source = rec.code("ReferralSource", codes.REFERRAL_SOURCES)
        rec.code("PrimaryNeedCode", codes.NEED_CODES)
        closed = self.date(rec, "CINclosureDate")
        reason = rec.code("ReasonForClosure", codes.CLOSURE_REASONS)
        icpc = self.date(rec, "DateOfInitialCPC")
        _boolean(rec, "ReferralNFA")
        b.add(
            child_id,
            "referral",
            referral,
            rec.source("CINreferralDate"),
            details={"referral_source": source},
        )
        b.add(
            child_id,
            "case_closed",
            closed,
            rec.source("CINclosureDate"),
            details={"reason": reason},
        )
        b.add(child_id, "icpc", icpc, rec.source("DateOfInitialCPC"))
        _order(rec, referral, "CINclosureDate", closed)
        for block in node.find_all("Assessments"):
            self.assessment(child_id, block)
        for block in node.find_all("CINPlanDates"):
            self.plan(child_id, block)
        for block in node.find_all("Section47"):
            self.section_47(child_id, block)
        for block in node.find_all("ChildProtectionPlans"):
            self.cp_plan(child_id, block)
        for block in node.find_all("PreProceedingsandFGDM"):
            self.pre_proceedings(child_id, block)

    def assessment(self, child_id: str, node: Node) -> None:
        rec = self.record(node, ASSESSMENT, ("FactorsIdentifiedAtAssessment",))
        self.unknown(node, ("FactorsIdentifiedAtAssessment",))
        start = self.date(rec, "AssessmentActualStartDate", required=True)
        self.date(rec, "AssessmentInternalReviewDate")
        done = self.date(rec, "AssessmentAuthorisationDate")
        self.b.add(child_id, "assessment_start", start, rec.source("AssessmentActualStartDate"))
        self.b.add(child_id, "assessment_complete", done, rec.source("AssessmentAuthorisationDate"))
        _order(rec, start, "AssessmentAuthorisationDate", done)

    def plan(self, child_id: str, node: Node) -> None:
        rec = self.record(node, PLAN)
        start = self.date(rec, "CINPlanStartDate", required=True)
        end = self.date(rec, "CINPlanEndDate")
        self.b.add(child_id, "cin_plan_start", start, rec.source("CINPlanStartDate"))
        self.b.add(child_id, "cin_plan_end", end, rec.source("CINPlanEndDate"))
        _order(rec, start, "CINPlanEndDate", end)

    def section_47(self, child_id: str, node: Node) -> None:
        rec = self.record(node, SECTION_47)
        start = self.date(rec, "S47ActualStartDate", required=True)
        target = rec.date("InitialCPCtarget")  # a target may fall after the reference date
        icpc = self.date(rec, "DateOfInitialCPC")
        not_required = _boolean(rec, "ICPCnotRequired")
        at = rec.source("S47ActualStartDate")
        details = {"icpc_target": target.isoformat() if target else ""}
        self.b.add(child_id, "s47_start", start, at, details=details)
        self.b.add(child_id, "icpc", icpc, rec.source("DateOfInitialCPC"))
        if not_required == "yes":
            # The census gives no date for this decision: it is put on the enquiry's start.
            self.b.add(child_id, "icpc_not_required", start, rec.source("ICPCnotRequired"))
        _order(rec, start, "DateOfInitialCPC", icpc)

    def cp_plan(self, child_id: str, node: Node) -> None:
        rec = self.record(node, CP_PLAN, ("Reviews",))
        self.unknown(node, ("Reviews",))
        start = self.date(rec, "CPPstartDate", required=True)
        end = self.date(rec, "CPPendDate")
        category = rec.read("InitialCategoryOfAbuse", codes.abuse_category)
        rec.read("LatestCategoryOfAbuse", codes.abuse_category)
        rec.text("NumberOfPreviousCPP")
        b = self.b
        b.add(
            child_id,
            "cp_plan_start",
            start,
            rec.source("CPPstartDate"),
            details={"category": category},
        )
        b.add(child_id, "cp_plan_end", end, rec.source("CPPendDate"))
        _order(rec, start, "CPPendDate", end)
        for reviews in node.find_all("Reviews"):
            self.rows["Reviews"] = self.rows.get("Reviews", 0) + 1
            for line, text in reviews.stray:
                self.problems.add(self.file, reviews.tag, line, reviews.tag, text, Why.STRAY_TEXT)
            for leaf in reviews.children:
                if leaf.key != "cppreviewdate" or leaf.children:
                    self.problems.add(
                        self.file, reviews.tag, leaf.line, leaf.tag, leaf.text, Why.UNKNOWN_ELEMENT
                    )
                    continue
                review = Record(
                    self.file,
                    reviews.tag,
                    leaf.line,
                    {"CPPreviewDate": Cell(leaf.tag, leaf.text, leaf.line)},
                    self.problems,
                )
                when = self.date(review, "CPPreviewDate", required=True)
                b.add(child_id, "rcpc", when, review.source("CPPreviewDate"))

    def pre_proceedings(self, child_id: str, node: Node) -> None:
        rec = self.record(node, PRE_PROCEEDINGS)
        b = self.b
        start = self.date(rec, "PPStartDate", required=True)
        offered = _boolean(rec, "FGDMMeetingOffer")
        held = _boolean(rec, "FGDMMeetingFac")
        letter = self.date(rec, "LBPSentDate")
        meeting = self.date(rec, "InitialPPMeetingDate")
        rec.text("ReviewMeetingsCount")
        decided = self.date(rec, "StepDecisionDate")
        outcome = rec.code("PPOutcome")
        court = self.date(rec, "CourtAppDate")
        self.date(rec, "LetterInitCPDate")
        details = {"fgdm_offered": offered, "fgdm_held": held}
        b.add(child_id, "pre_proceedings_start", start, rec.source("PPStartDate"), details=details)
        b.add(child_id, "letter_before_proceedings", letter, rec.source("LBPSentDate"))
        b.add(child_id, "pre_proceedings_meeting", meeting, rec.source("InitialPPMeetingDate"))
        b.add(
            child_id,
            "pre_proceedings_end",
            decided,
            rec.source("StepDecisionDate"),
            details={"outcome": outcome},
        )
        b.add(child_id, "proceedings_start", court, rec.source("CourtAppDate"))
        _order(rec, start, "StepDecisionDate", decided)


def _reference_date(root: Node, file: str, problems: Problems) -> dt.date | None:
    """The census's reference date (the end of the collection year), if it can be read."""
    for node in root.iter():
        if node.key == "referencedate" and not node.children:
            rec = Record(
                file,
                "Header",
                node.line,
                {"ReferenceDate": Cell(node.tag, node.text, node.line)},
                problems,
            )
            return rec.date("ReferenceDate")
    return None


def _boolean(rec: Record, name: str) -> str:
    return rec.read(name, to_yes_no)


def _order(rec: Record, start: dt.date | None, second: str, end: dt.date | None) -> None:
    """Report an end (the field `second`) that comes before its start."""
    if start is not None and end is not None and end < start:
        rec.report(second, Why.END_BEFORE_START)


def convert(path: Path) -> Conversion:
    """Convert a CIN census XML file."""
    if not path.is_file():
        raise ReadFailure(path, "does not exist" if not path.exists() else "is not a file")
    problems = Problems()
    builder = Builder(problems, merge={"icpc", "referral", "case_closed", "icpc_not_required"})
    root = parse(path, problems)
    children = [n for n in root.iter() if n.key == "child" and n is not root]
    if not children and root.key != "message":
        raise ReadFailure(path, f"is not a CIN census: its root element is <{root.tag}>")
    census = _Census(path.name, problems, builder)
    census.reference = _reference_date(root, path.name, problems)
    for node in children:
        census.child(node)
    return builder.finish("cin-census", path, census.rows)
