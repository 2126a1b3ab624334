"""One row of each SSDA903 table to events (see the mapping table in docs/interchange.md)."""

from __future__ import annotations

from collections.abc import Callable

from casework.interchange import codes
from casework.interchange.builder import Builder
from casework.interchange.errors import Why
from casework.interchange.tables import (
    Record,
)
from casework.interchange.values import Unreadable, code, to_date


def _child(rec: Record, b: Builder) -> str:
    child_id = rec.identifier("CHILD")
    if not child_id:
        if not rec.was_reported("CHILD"):
            rec.report("CHILD", Why.NO_CHILD_ID, "")
        return ""
    b.child(child_id)
    return child_id


def _header(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    sex = rec.sex("SEX")
    ethnicity = rec.ethnicity("ETHNIC")
    uasc = "yes" if rec.has("UASC") and rec.text("UASC") not in ("", "0") else ""
    rec.date("MC_DOB")
    b.birth(
        child_id,
        rec,
        "DOB",
        sex=sex,
        ethnicity=ethnicity,
        uasc=uasc,
        required=True,
        keep_source=True,
    )


def _uasc(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    sex = rec.sex("SEX")
    rec.date("DUC")
    b.birth(child_id, rec, "DOB", sex=sex, uasc="yes", keep_source=True)


def _episode(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    start = rec.date("DECOM", required=True)
    rne = rec.code("RNE", codes.RNE)
    legal_status = rec.code("LS")
    need = rec.code("CIN", codes.NEED_CODES)
    place = rec.code("PLACE")
    provider = rec.code("PLACE_PROVIDER", codes.PROVIDERS)
    end = rec.date("DEC")
    ending_text = rec.text("REC")
    ending = rec.code("REC", codes.ENDINGS | {codes.EPISODE_CONTINUES})
    placed_at = rec.read("PL_POST", codes.postcode)
    rec.text("HOME_POST")
    rec.text("URN")
    rec.text("REASON_PLACE_CHANGE")

    at = rec.source("DECOM")
    if rne == "S":
        details = {"legal_status": legal_status, "reason": need}
        b.add(child_id, "cic_start", start, at, details=details)
    if rne in codes.PLACEMENT_RNE:
        b.add(
            child_id,
            "placement_start",
            start,
            at,
            details={
                "placement_type": place,
                "provider": provider,
                "postcode": placed_at,
                "first": "yes" if rne == "S" else "",
                "foster_care": "yes" if place.startswith("U") else "",
                "with_parents": "yes" if place == "P1" else "",
            },
        )
        if place in codes.ADOPTION_PLACEMENTS:
            b.add(child_id, "placed_for_adoption", start, at)
    if rne in ("L", "U", "B"):
        b.add(child_id, "legal_status_change", start, at, details={"legal_status": legal_status})
    ends_care = bool(ending_text) and code(ending_text) != codes.EPISODE_CONTINUES
    if ends_care:
        if end is None:
            if not rec.was_reported("DEC"):
                rec.report("REC", Why.REC_WITHOUT_DEC, ending_text)
        else:
            b.add(child_id, "cic_end", end, rec.source("DEC"), details={"reason": ending})
            b.add(child_id, "placement_end", end, rec.source("DEC"), details={"reason": ending})
    elif not ending_text and end is not None:
        rec.report("DEC", Why.DEC_WITHOUT_REC)
    if start and end and end < start:
        rec.report("DEC", Why.END_BEFORE_START)


def _review(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    b.birth(child_id, rec, "DOB")
    when = rec.date("REVIEW", required=True)
    participation = rec.code("REVIEW_CODE", codes.REVIEW_CODES)
    details = {"participation": participation}
    b.add(child_id, "cic_review", when, rec.source("REVIEW"), details=details)


def _missing(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    b.birth(child_id, rec, "DOB")
    kind = codes.MISSING.get(rec.code("MISSING", frozenset(codes.MISSING)), "")
    start = rec.date("MIS_START", required=True)
    end = rec.date("MIS_END")
    b.add(child_id, "missing_start", start, rec.source("MIS_START"), details={"kind": kind})
    b.add(child_id, "missing_end", end, rec.source("MIS_END"))
    if start and end and end < start:
        rec.report("MIS_END", Why.END_BEFORE_START)


def _ad1(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    b.birth(child_id, rec, "DOB")
    decided = rec.date("DATE_INT", required=True)
    matched = rec.date("DATE_MATCH")
    rec.yes_no("FOSTER_CARE")
    rec.text("NB_ADOPTR")
    rec.text("SEX_ADOPTR")
    rec.text("LS_ADOPTR")
    b.add(child_id, "adoption_decision", decided, rec.source("DATE_INT"))
    b.add(child_id, "adoption_match", matched, rec.source("DATE_MATCH"))


def _placed(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    b.birth(child_id, rec, "DOB")
    decided = rec.date("DATE_PLACED", required=True)
    reversed_on = rec.date("DATE_PLACED_CEASED")
    reason = rec.code("REASON_PLACED_CEASED", codes.ADOPTION_REVERSED)
    b.add(child_id, "adoption_decision", decided, rec.source("DATE_PLACED"))
    b.add(
        child_id,
        "adoption_decision_reversed",
        reversed_on,
        rec.source("DATE_PLACED_CEASED"),
        details={"reason": reason},
    )


def _social_worker(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    b.birth(child_id, rec, "DOB")
    worker = rec.identifier("SW_ID")
    start = rec.date("SW_DECOM", required=True)
    rec.date("SW_DEC")
    rec.text("SW_REASON")
    b.add(child_id, "allocation", start, rec.source("SW_DECOM"), worker=worker)


def _previous_permanence(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    b.birth(child_id, rec, "DOB")
    rec.code("PREV_PERM", frozenset({"P1", "P2", "P3", "P4", "Z1"}))
    text = rec.text("DATE_PERM")
    if text and not text.lower().startswith("zz"):
        try:
            to_date(text)
        except Unreadable as exc:
            if str(exc) != Why.PARTIAL_DATE:
                rec.report("DATE_PERM", str(exc))


def _checked_only(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if child_id:
        b.birth(child_id, rec, "DOB")
    for name in rec.cells:
        if name not in ("CHILD", "DOB"):
            rec.text(name)


CONVERTERS: dict[str, Callable[[Record, Builder], None]] = {
    "header": _header,
    "uasc": _uasc,
    "episodes": _episode,
    "reviews": _review,
    "missing": _missing,
    "ad1": _ad1,
    "placed_for_adoption": _placed,
    "social_worker_episodes": _social_worker,
    "previous_permanence": _previous_permanence,
    "oc2": _checked_only,
    "oc3": _checked_only,
}
