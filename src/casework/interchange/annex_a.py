"""Ofsted's Annex A (lists 1 to 11) to events, from a workbook or from CSV files.

Sheets are recognised by their name (`List 3`, `list_3`, `L3 Referrals`) or, failing that,
by their columns. Column names are matched leniently, and both the 2019 column set and the
2024 one (which adds the care leaver's personal adviser, pathway plan review and latest
contact to list 9, calls the age column `Age of Child (Years)`, and may say `Sex` for
`Gender`) are read, as are the compact names of the Standard Safeguarding Dataset's
Annex A extract (`ChildUniqueID`, `DateOfContact`...).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from casework.interchange import codes, formulas
from casework.interchange.builder import Builder, Conversion
from casework.interchange.errors import Problems, Why
from casework.interchange.tables import (
    Field,
    Layout,
    RawTable,
    ReadFailure,
    Record,
    data_rows,
    fields,
    find_header,
    read_csv,
    read_workbook,
    report_columns,
)

# --- the columns of each list -----------------------------------------------------------

_CHILD = {
    "child_id": [
        "Child Unique ID",
        "ChildUniqueID",
        "Child ID",
        "Unique ID",
        "Child Identifier",
        "Child Unique Identifier",
        "Person ID",
    ],
    "sex": ["Gender", "Sex", "Legal sex", "Gender/Sex"],
    "ethnicity": ["Ethnicity", "Ethnic origin", "Ethnic group"],
    "dob": ["Date of Birth", "DateOfBirth", "DOB", "Birth date"],
    "age": ["Age", "Age of Child (Years)", "Age of Child", "Age (years)", "Age in years"],
}
_DISABILITY = {"disability": ["Does the Child have a Disability", "HasDisability", "Disability"]}
_ALLOCATED = {
    "team": ["Allocated Team", "AllocatedTeam", "Team"],
    "worker": ["Allocated Worker", "AllocatedWorker", "Worker", "Social worker"],
}

LISTS: dict[int, dict[str, list[str]]] = {
    1: {
        **_CHILD,
        "contact_date": ["Date of Contact", "DateOfContact", "Contact Date"],
        "contact_source": ["Contact Source", "ContactSource", "Source of contact"],
    },
    2: {
        **_CHILD,
        "start": [
            "Assessment start date",
            "AssessmentStartDate",
            "Early help assessment start date",
        ],
        "end": [
            "Assessment completion date",
            "AssessmentCompletionDate",
            "Early help assessment completion date",
        ],
        "organisation": [
            "Organisation completing assessment",
            "OrganisationCompletingAssessment",
        ],
    },
    3: {
        **_CHILD,
        "referral_date": ["Date of Referral", "ReferralDate", "Referral date"],
        "referral_source": ["Referral Source", "ReferralSource", "Source of referral"],
        "referral_nfa": [
            "Referral NFA?",
            "Referral NFA",
            "ReferralNFA",
            "Referral resulting in NFA",
        ],
        "referrals_12m": [
            "Number of Referrals in Last 12 Months",
            "ReferralsLast12Months",
            "Number of referrals in the last 12 months",
        ],
        **_ALLOCATED,
    },
    4: {
        **_CHILD,
        **_DISABILITY,
        "start": [
            "Continuous Assessment Start Date",
            "ContinuousAssessmentStart",
            "ContinuousAssessmentStartDate",
            "Assessment start date",
        ],
        "seen": [
            "Child Seen During Continuous Assessment",
            "ContinuousAssessmentChildSeen",
            "Child seen during assessment",
        ],
        "authorised": [
            "Continuous Assessment Date of Authorisation",
            "ContinuousAssessmentAuthDate",
            "Assessment date of authorisation",
            "Assessment authorisation date",
        ],
        "support_needed": [
            "Was the child assessed as requiring LA children's social care support?",
            "CSCSupportRequired",
            "Child assessed as requiring children's social care support",
        ],
        **_ALLOCATED,
    },
    5: {
        **_CHILD,
        **_DISABILITY,
        "s47_start": [
            "Strategy discussion initiating Section 47 Enquiry Start Date",
            "StratDiscussionDate",
            "Section 47 enquiry start date",
            "S47 start date",
        ],
        "icpc_unnecessary": [
            "Was an Initial Child Protection Conference deemed unnecessary?",
            "InitialCPConfUnnecessary",
            "ICPC deemed unnecessary",
        ],
        "icpc_date": [
            "Date of Initial Child Protection Conference",
            "InitialCPConfDate",
            "Date of ICPC",
        ],
        "icpc_plan": [
            "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            "CPConfResultInCPPlan",
            "Did the ICPC result in a child protection plan",
        ],
        "s47_12m": ["Number of Section 47 Enquiries in the last 12 months", "NumberS47s12m"],
        "icpc_12m": ["Number of ICPCs in the last 12 months", "NumberICPCs12m"],
        **_ALLOCATED,
    },
    6: {
        **_CHILD,
        **_DISABILITY,
        "cin_start": ["CIN Start Date", "CINStartDate", "Child in need start date"],
        "primary_need": ["Primary Need Code", "PrimaryNeedCode", "Primary need"],
        "last_seen": ["Date Child Was Last Seen", "DateChildLastSeen", "Date child last seen"],
        "cin_closure": ["CIN Closure Date", "CINClosureDate", "Child in need closure date"],
        "closure_reason": ["Reason for Closure", "ReasonForClosure", "Closure reason"],
        "case_status": ["Case Status", "CaseStatus"],
        "plan_start": ["CIN Plan Start Date", "CINPlanStartDate", "Child in need plan start date"],
        "plan_end": ["CIN Plan End Date", "CINPlanEndDate", "Child in need plan end date"],
        **_ALLOCATED,
    },
    7: {
        **_CHILD,
        **_DISABILITY,
        "plan_start": [
            "Child Protection Plan Start Date",
            "ChildProtectionPlanStartDate",
            "CP plan start date",
        ],
        "initial_category": ["Initial Category of Abuse", "InitialCategoryOfAbuse"],
        "latest_category": ["Latest Category of Abuse", "LatestCategoryOfAbuse"],
        "last_visit": [
            "Date of the Last Statutory Visit",
            "DateOfLastStatutoryVisit",
            "Date of last statutory visit",
        ],
        "seen_alone": ["Was the Child Seen Alone?", "ChildSeenAlone", "Child seen alone"],
        "last_review": [
            "Date of latest review conference",
            "DateOfLatestReviewConf",
            "Date of latest review child protection conference",
        ],
        "plan_end": [
            "Child Protection Plan End Date",
            "ChildProtectionPlanEndDate",
            "CP plan end date",
        ],
        "protected": [
            "Subject to Emergency Protection Order or Protected Under Police Powers in Last "
            "Six Months (Y/N)",
            "ProtectionLastSixMonths",
        ],
        "previous_plans": [
            "Number of Previous Child Protection Plans",
            "NumberOfPreviousChildProtectionPlans",
        ],
        **_ALLOCATED,
    },
    8: {
        **_CHILD,
        **_DISABILITY,
        "uasc": [
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
            "UASC",
        ],
        "cla_start": [
            "Date Started to be Looked After",
            "LoookedAfterStartDate",
            "LookedAfterStartDate",
            "Date started to be looked after",
        ],
        "need": ["Child's Category of Need", "ChildCategoryOfNeed", "Category of need"],
        "subsequent": [
            "Is this a second or subsequent period of being a Looked After Child within the "
            "last 12 months (Y/N)",
            "SubsequentLACEpisodeLast12Months",
        ],
        "legal_status_start": ["Start date of current legal status", "MostRecentLegalStatusStart"],
        "legal_status": ["Child's Legal Status", "LegalStatus"],
        "last_review": ["Date of Latest Statutory Review", "LatestStatutoryReviewDate"],
        "last_visit": ["Date of Last Social Work Visit", "LastSocialWorkVisitDate"],
        "permanence_plan": ["What is the permanence plan for this child?", "PermanencePlan"],
        "last_iro_contact": [
            "Date of Last IRO Visit / Contact to the Child",
            "LastIROVisitDate",
            "Date of last IRO visit",
        ],
        "last_health": ["Date of Last Health Assessment", "LastHealthAssessmentDate"],
        "last_dental": ["Date of Last Dental Check", "LastDentalCheckDate"],
        "placements_12m": ["Number of Placements in the Last 12 months", "PlacementsLast12Months"],
        "cla_end": ["Date Ceased to be Looked After", "CeasedLookedAfterDate"],
        "cla_end_reason": ["Reason Ceased to be Looked After", "ReasonCeasedLookedAfter"],
        "placement_start": ["Start Date of Most Recent Placement", "MostRecentPlacementStartDate"],
        "placement_type": ["Placement Type", "PlacementType"],
        "placement_provider": ["Placement Provider", "PlacementProvider"],
        "placement_postcode": ["Placement postcode", "PlacementPostcode"],
        "placement_urn": ["URN of Placement", "PlacementURN"],
        "placement_location": ["Placement Location", "PlacementLocation"],
        "placement_la": ["LA of Placement", "PlacementLA"],
        "missing_12m": [
            "Number of Episodes the Child has been Missing from their Placement in the last "
            "12 months",
            "EpisodesChildMissingFromPlacement",
        ],
        "absent_12m": [
            "Number of Episodes the Child has been Absent from their Placement in the last "
            "12 months",
            "EpisodesChildAbsentFromPlacement",
        ],
        "return_offered": [
            "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            "ChildOfferedReturnInterviewAfterLastMFH",
        ],
        "return_accepted": [
            "Did the child accept a Return Interview after their last missing episode (Y/N)?",
            "ChildAcceptedReturnInterviewAfterLastMFH",
        ],
        **_ALLOCATED,
    },
    9: {
        **_CHILD,
        **_DISABILITY,
        "uasc": [
            "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
            "UASC",
        ],
        **_ALLOCATED,
        "adviser": [
            "Allocated Personal Advisor",
            "Allocated Personal Adviser",
            "AllocatedPersonalAdvisor",
            "Personal adviser",
        ],
        "eligibility": ["Eligibility Category", "EligibilityCategory"],
        "pathway_review": [
            "Latest Pathway Plan Review Date",
            "LatestPathwayPlan",
            "Date of latest pathway plan review",
        ],
        "in_touch": ["LA in Touch", "LAInTouch", "In touch"],
        "latest_contact": ["Latest Date of Contact", "LatestContact", "Date of latest contact"],
        "accommodation": ["Type of Accommodation", "TypeOfAccommodation"],
        "suitable": ["Suitability of Accommodation", "SuitabilityOfAccommodation"],
        "activity": ["Activity Status", "ActivityStatus"],
    },
    10: {
        **_CHILD,
        **_DISABILITY,
        "family_id": ["Family identifier", "FamilyID", "Family ID"],
        "entered_care": ["Date the Child Entered Care", "EnteredCareDate"],
        "decision": [
            "Date of Decision that Child Should be Placed for Adoption",
            "ADMSHOBPADecisionDate",
        ],
        "placement_order": ["Date of Placement Order", "PlacementOrderDate"],
        "matched": ["Date of Matching Child and Prospective Adopters", "MatchedForAdoptionDate"],
        "placed": ["Date Placed for Adoption", "PlacedForAdoptionDate"],
        "adoption_order": ["Date of Adoption Order", "AdoptionOrderDate"],
        "reversed": [
            "Date of Decision that Child Should No Longer be Placed for Adoption",
            "DecisionReversedDate",
        ],
        "reversed_reason": [
            "Reason Why Child No Longer Placed for Adoption",
            "DecisionReversedReason",
        ],
        "ffa": [
            "Date the child was placed for fostering in FFA or concurrent planning placement",
            "DateFFAConsurrencyPlacement",
            "DateFFAConcurrencyPlacement",
        ],
    },
    11: {
        "adopter_id": ["Individual adopter identifier", "AdopterID", "Adopter identifier"],
        "family_id": ["Family identifier", "FamilyID", "Family ID"],
        "sex": _CHILD["sex"],
        "ethnicity": _CHILD["ethnicity"],
        "dob": _CHILD["dob"],
        "age": _CHILD["age"],
        "disability": ["Disability", "HasDisability"],
        "ffa": ["Is the (prospective) adopter fostering for adoption?", "AdoptedByCarer"],
        "enquiry": ["Date enquiry received", "EnquiryDate"],
        "stage1_start": ["Date Stage 1 started", "Stage1StartDate"],
        "stage1_end": ["Date Stage 1 ended", "Stage1EndDate"],
        "stage2_start": ["Date Stage 2 started", "Stage2StartDate"],
        "stage2_end": ["Date Stage 2 ended", "Stage2EndDate"],
        "application": ["Date application submitted", "ApplicationDate"],
        "approved": ["Date application approved", "ApplicationApprDate"],
        "matched": ["Date adopter matched with child(ren)", "MatchedDate"],
        "placed": ["Date child/children placed with adopter(s)", "PlacedDate"],
        "children_placed": ["No. of children placed", "NumSiblingsPlaced"],
        "adoption_order": ["Date of Adoption Order", "AdoptionOrderDate"],
        "left": ["Date of leaving adoption process", "AdoptionLeaveDate"],
        "left_reason": ["Reason for leaving adoption process", "AdoptingLeaveReason"],
    },
}
SPECS: dict[int, tuple[Field, ...]] = {n: fields(spec) for n, spec in LISTS.items()}
TITLES = {
    1: "contacts",
    2: "early help assessments",
    3: "referrals",
    4: "assessments",
    5: "section 47 enquiries and ICPCs",
    6: "children in need",
    7: "child protection",
    8: "children in care",
    9: "care leavers",
    10: "adoption",
    11: "adopters",
}

# --- one row of each list ---------------------------------------------------------------


def _who(rec: Record, b: Builder, *, id_field: str = "child_id") -> str:
    person = rec.identifier(id_field)
    if not person:
        if not rec.was_reported(id_field):
            why = Why.NO_ADOPTER_ID if id_field == "adopter_id" else Why.NO_CHILD_ID
            rec.report(id_field, why, "")
        return ""
    return person


def _child(rec: Record, b: Builder, *, uasc: str = "") -> str:
    """The child's id, with the facts about them every list gives (sex, ethnicity, date of
    birth, disability)."""
    child_id = _who(rec, b)
    if not child_id:
        return ""
    disability = rec.yes_no("disability") if rec.has("disability") else ""
    b.birth(
        child_id,
        rec,
        "dob",
        sex=rec.sex("sex"),
        ethnicity=rec.ethnicity("ethnicity"),
        disability=disability,
        uasc=uasc,
    )
    rec.text("age")
    rec.text("team")
    return child_id


def _worker(rec: Record) -> str:
    return rec.text("worker") if rec.has("worker") else ""


def _order(rec: Record, start: dt.date | None, field: str, end: dt.date | None) -> None:
    if start is not None and end is not None and end < start:
        rec.report(field, Why.END_BEFORE_START)


def _list1(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    day = rec.date("contact_date", required=True)
    source = rec.code("contact_source", codes.REFERRAL_SOURCES)
    b.add(child_id, "contact", day, rec.source(), details={"referral_source": source})


def _list2(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    start = rec.date("start", required=True)
    end = rec.date("end")
    rec.text("organisation")
    b.add(child_id, "early_help_start", start, rec.source())
    b.add(child_id, "early_help_assessment", end, rec.source())
    _order(rec, start, "end", end)


def _list3(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    day = rec.date("referral_date", required=True)
    source = rec.code("referral_source", codes.REFERRAL_SOURCES)
    rec.yes_no("referral_nfa")
    rec.text("referrals_12m")
    details = {"referral_source": source}
    b.add(child_id, "referral", day, rec.source(), worker=_worker(rec), details=details)


def _list4(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    worker = _worker(rec)
    start = rec.date("start", required=True)
    rec.yes_no("seen")
    done = rec.date("authorised")
    rec.text("support_needed")
    b.add(child_id, "assessment_start", start, rec.source(), worker=worker)
    b.add(child_id, "assessment_complete", done, rec.source(), worker=worker)
    _order(rec, start, "authorised", done)


def _list5(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    worker = _worker(rec)
    start = rec.date("s47_start", required=True)
    unnecessary = rec.yes_no("icpc_unnecessary")
    icpc = rec.date("icpc_date")
    plan = rec.yes_no("icpc_plan")
    rec.text("s47_12m")
    rec.text("icpc_12m")
    outcome = {"yes": "plan", "no": "no_plan"}.get(plan, "")
    b.add(child_id, "s47_start", start, rec.source(), worker=worker)
    b.add(child_id, "icpc", icpc, rec.source(), worker=worker, details={"outcome": outcome})
    if unnecessary == "yes":
        # The list gives no date for this decision: it is put on the enquiry's start.
        b.add(child_id, "icpc_not_required", start, rec.source(), worker=worker)
    _order(rec, start, "icpc_date", icpc)


def _list6(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    worker = _worker(rec)
    start = rec.date("cin_start", required=True)
    rec.code("primary_need")
    seen = rec.date("last_seen")
    closed = rec.date("cin_closure")
    reason = rec.code("closure_reason", codes.CLOSURE_REASONS)
    status = rec.text("case_status")
    plan_start = rec.date("plan_start")
    plan_end = rec.date("plan_end")
    on_plan = "child in need plan" in status.lower()
    at = rec.source()
    b.add(child_id, "case_open", start, at, worker=worker)
    b.add(child_id, "case_closed", closed, at, worker=worker, details={"reason": reason})
    b.add(child_id, "cin_plan_start", plan_start, at, worker=worker)
    b.add(child_id, "cin_plan_end", plan_end, at, worker=worker)
    if on_plan:
        b.add(child_id, "cin_visit", seen, at, worker=worker, details={"seen": "yes"})
    _order(rec, start, "cin_closure", closed)
    _order(rec, plan_start, "plan_end", plan_end)


def _list7(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    worker = _worker(rec)
    start = rec.date("plan_start", required=True)
    category = rec.read("initial_category", codes.abuse_category)
    rec.read("latest_category", codes.abuse_category)
    visit = rec.date("last_visit")
    alone = rec.yes_no("seen_alone")
    review = rec.date("last_review")
    end = rec.date("plan_end")
    rec.yes_no("protected")
    rec.text("previous_plans")
    at = rec.source()
    b.add(child_id, "cp_plan_start", start, at, worker=worker, details={"category": category})
    b.add(child_id, "cp_visit", visit, at, worker=worker, details={"seen_alone": alone})
    b.add(child_id, "rcpc", review, at, worker=worker)
    b.add(child_id, "cp_plan_end", end, at, worker=worker)
    _order(rec, start, "plan_end", end)


def _list8(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b, uasc=rec.yes_no("uasc"))
    worker = _worker(rec)
    start = rec.date("cla_start", required=True)
    need = rec.code("need", codes.NEED_CODES)
    rec.yes_no("subsequent")
    status_from = rec.date("legal_status_start")
    status = rec.code("legal_status")
    review = rec.date("last_review")
    visit = rec.date("last_visit")
    rec.text("permanence_plan")
    rec.date("last_iro_contact")
    health = rec.date("last_health")
    dental = rec.date("last_dental")
    rec.text("placements_12m")
    end = rec.date("cla_end")
    reason = rec.code("cla_end_reason", codes.ENDINGS | {codes.EPISODE_CONTINUES})
    placed = rec.date("placement_start")
    kind = rec.code("placement_type")
    provider = rec.code("placement_provider", codes.PROVIDERS)
    postcode = rec.read("placement_postcode", codes.postcode)
    for name in ("placement_urn", "placement_location", "placement_la", "missing_12m"):
        rec.text(name)
    for name in ("absent_12m", "return_offered", "return_accepted"):
        rec.text(name)
    at = rec.source()
    care = {"reason": need, "legal_status": status if status_from == start else ""}
    b.add(child_id, "cic_start", start, at, worker=worker, details=care)
    b.add(child_id, "cic_review", review, at, worker=worker)
    b.add(child_id, "cic_visit", visit, at, worker=worker)
    b.add(child_id, "health_assessment", health, at, worker=worker)
    b.add(child_id, "dental_check", dental, at, worker=worker)
    placement = {
        "placement_type": kind,
        "provider": provider,
        "postcode": postcode,
        "first": "yes" if placed is not None and placed == start else "",
        "foster_care": "yes" if kind.startswith("U") else "",
        "with_parents": "yes" if kind == "P1" else "",
    }
    b.add(child_id, "placement_start", placed, at, worker=worker, details=placement)
    if b.add(child_id, "cic_end", end, at, worker=worker, details={"reason": reason}):
        b.add(child_id, "placement_end", end, at, worker=worker, details={"reason": reason})
    _order(rec, start, "cla_end", end)


def _list9(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b, uasc=rec.yes_no("uasc"))
    worker = _worker(rec)
    rec.text("adviser")
    rec.text("eligibility")
    review = rec.date("pathway_review")
    in_touch = codes.IN_TOUCH.get(rec.code("in_touch", frozenset(codes.IN_TOUCH)), "")
    contact = rec.date("latest_contact")
    rec.code("accommodation")
    suitable = codes.SUITABLE.get(rec.code("suitable", frozenset(codes.SUITABLE)), "")
    activity = codes.ACTIVITY.get(rec.code("activity", frozenset(codes.ACTIVITY)), "")
    at = rec.source()
    details = {"in_touch": in_touch, "accommodation_suitable": suitable, "activity": activity}
    reviewed = b.add(child_id, "pathway_plan_review", review, at, worker=worker)
    contacted = b.add(child_id, "care_leaver_contact", contact, at, worker=worker, details=details)
    if child_id and not (reviewed or contacted):
        rec.report_row(Why.NO_DATED_FACT)


def _list10(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    rec.text("family_id")
    entered = rec.date("entered_care")
    decided = rec.date("decision", required=True)
    order = rec.date("placement_order")
    matched = rec.date("matched")
    placed = rec.date("placed")
    adopted = rec.date("adoption_order")
    reversed_on = rec.date("reversed")
    reason = rec.code("reversed_reason", codes.ADOPTION_REVERSED)
    ffa = rec.date("ffa")
    at = rec.source()
    b.add(child_id, "cic_start", entered, at)
    b.add(child_id, "adoption_decision", decided, at)
    b.add(child_id, "placement_order", order, at)
    b.add(child_id, "adoption_match", matched, at)
    b.add(child_id, "placed_for_adoption", placed, at)
    b.add(child_id, "adoption_order", adopted, at)
    b.add(child_id, "adoption_decision_reversed", reversed_on, at, details={"reason": reason})
    b.add(child_id, "placement_start", ffa, at, details={"foster_care": "yes"})


_ADOPTER_EVENTS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("enquiry", "adopter_enquiry", {}),
    ("stage1_start", "adopter_stage_start", {"stage": "one"}),
    ("stage1_end", "adopter_stage_end", {"stage": "one"}),
    ("stage2_start", "adopter_stage_start", {"stage": "two"}),
    ("stage2_end", "adopter_stage_end", {"stage": "two"}),
    ("application", "adopter_application", {}),
    ("approved", "adopter_approved", {}),
    ("matched", "adopter_matched", {}),
    ("placed", "adopter_child_placed", {}),
    ("adoption_order", "adopter_adoption_order", {}),
)


def _list11(rec: Record, b: Builder) -> None:
    adopter = _who(rec, b, id_field="adopter_id")
    if adopter:
        b.adopters.add(adopter)
    rec.text("family_id")
    rec.sex("sex")
    rec.ethnicity("ethnicity")
    rec.date("dob")
    rec.text("age")
    rec.yes_no("disability")
    rec.text("ffa")
    rec.text("children_placed")
    at = rec.source()
    for name, kind, details in _ADOPTER_EVENTS:
        day = rec.date(name, required=name == "enquiry")
        b.add(adopter, kind, day, at, details=details)
    left = rec.date("left")
    reason = rec.code("left_reason", frozenset({"1", "2", "3"}))
    b.add(adopter, "adopter_left", left, at, details={"reason": reason})


CONVERTERS: dict[int, Callable[[Record, Builder], None]] = {
    1: _list1,
    2: _list2,
    3: _list3,
    4: _list4,
    5: _list5,
    6: _list6,
    7: _list7,
    8: _list8,
    9: _list9,
    10: _list10,
    11: _list11,
}

# --- which list a sheet or file holds ---------------------------------------------------

_NAMED = re.compile(r"(?:^|[^a-z])(?:list|l)[\s_\-.]*0?(\d{1,2})(?!\d)", re.IGNORECASE)
_ID_FIELD = {n: ("adopter_id" if n == 11 else "child_id") for n in LISTS}


def list_number(table: RawTable) -> tuple[int, Layout] | None:
    """The list a sheet (or CSV file) holds: by its name, else by its columns."""
    name = table.sheet or Path(table.file).stem
    m = _NAMED.search(name)
    if m and 1 <= int(m[1]) <= 11:
        number = int(m[1])
        return number, find_header(table, SPECS[number])
    best: tuple[int, int, Layout] | None = None
    for number, spec in SPECS.items():
        layout = find_header(table, spec)
        # Dates and codes particular to the list, beyond the child's own columns.
        own = len(set(layout.index) - set(_CHILD) - set(_DISABILITY) - set(_ALLOCATED))
        if own < 2:
            continue
        if best is None or (own, layout.score) > (best[0], best[2].score):
            best = (own, number, layout)
    return (best[1], best[2]) if best else None


def _tables(path: Path, problems: Problems) -> list[RawTable]:
    if path.is_dir():
        files = sorted(
            p
            for p in path.iterdir()
            if p.is_file() and p.suffix.lower() in (".xlsx", ".xlsm", ".csv")
        )
        if not files:
            raise ReadFailure(path, "holds no .xlsx or .csv files")
        found: list[RawTable] = []
        for file in files:
            found.extend(_tables(file, problems))
        return found
    if path.suffix.lower() in (".csv", ".txt"):
        return [read_csv(path, problems)]
    return read_workbook(path, problems)


def convert(path: Path) -> Conversion:
    """Convert an Annex A: a workbook, one list as CSV, or a folder of those."""
    if not path.exists():
        raise ReadFailure(path, "does not exist")
    problems = Problems()
    # A child in care appears in list 8 and, when adoption is the plan, in list 10 too.
    builder = Builder(problems, merge={"cic_start", "placement_start"})
    tables = _tables(path, problems)
    recognised: list[tuple[int, RawTable, Layout]] = []
    for table in tables:
        if not any(c is not None and str(c).strip() for _, cells in table.rows for c in cells):
            continue  # an empty sheet
        found = list_number(table)
        if found is None:
            problems.add(table.file, table.sheet, 0, "", "", Why.TABLE_NOT_RECOGNISED)
            continue
        recognised.append((found[0], table, found[1]))
    if not recognised:
        raise ReadFailure(path, "holds no Annex A list (no sheet has the columns of lists 1 to 11)")
    recognised.sort(key=lambda r: r[0])
    rows: dict[str, int] = {}
    for number, table, layout in recognised:
        formulas.resolve(table)
        rows[table.label()] = _convert_list(number, table, layout, builder, problems)
    return builder.finish("annex-a", path, rows)


def _convert_list(
    number: int, table: RawTable, layout: Layout, builder: Builder, problems: Problems
) -> int:
    count = sum(1 for _ in data_rows(table, layout))
    if _ID_FIELD[number] not in layout.index:
        if count:
            problems.add(table.file, table.sheet, 0, "", "", Why.TABLE_NO_ID_COLUMN)
        return count
    report_columns(table, layout, problems)
    convert_row = CONVERTERS[number]
    for row_number, cells in data_rows(table, layout):
        record = Record.from_row(table, layout, row_number, cells, problems)
        builder.convert_row(record, convert_row)
    return count
