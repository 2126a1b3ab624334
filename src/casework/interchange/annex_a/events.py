"""One row of each Annex A list to events (see the mapping table in docs/interchange.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from casework.interchange import codes
from casework.interchange.builder import Builder
from casework.interchange.errors import Why
from casework.interchange.tables import (
    Record,
)


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
