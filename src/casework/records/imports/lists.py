"""The rows of each Annex A list, built from one person's events (see `annex_a`).

A row is a dict from the reader's field names (`casework.interchange.annex_a.LISTS`) to
cell values: dates as dates, codes as the codes the reader knows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from casework.interchange import codes

Row = dict[str, object]


@dataclass
class PersonFacts:
    reference: str
    adult: bool
    born: dt.date | None
    details: dict[str, str]
    as_of: dt.date


@dataclass(frozen=True)
class Found:
    occurred: dt.date
    details: dict[str, str]
    worker: str


Events = Mapping[str, Sequence[Found]]
OTHER_ENDING = "E8"  # period of care ceased for any other reason
SEX = {"M": "Male", "F": "Female", "U": "Unknown", "I": "Indeterminate"}
ACTIVITY = {"education": "F1", "employment": "F3", "training": "F4", "neet": "G1"}
IN_TOUCH = {"yes": "YES", "no": "NO"}
SUITABLE = {"yes": "SUITABLE", "no": "UNSUITABLE"}
YES_NO = {"yes": "Yes", "no": "No"}
CATEGORY = {
    "neglect": "Neglect",
    "physical": "Physical abuse",
    "emotional": "Emotional abuse",
    "sexual": "Sexual abuse",
    "multiple": "Multiple",
}


def _age(facts: PersonFacts) -> int | None:
    born = facts.born
    if born is None:
        return None
    day = facts.as_of
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _child(facts: PersonFacts, worker: str = "") -> Row:
    d = facts.details
    return {
        "child_id": facts.reference,
        "sex": SEX.get(d.get("sex", ""), ""),
        "ethnicity": d.get("ethnicity", ""),
        "dob": facts.born,
        "age": _age(facts),
        "disability": YES_NO.get(d.get("disability", ""), ""),
        "worker": worker,
    }


def _first(events: Events, kind: str, start: dt.date, before: dt.date | None) -> Found | None:
    """The first event of `kind` on or after `start` and before `before`."""
    for e in events.get(kind, ()):
        if e.occurred >= start and (before is None or e.occurred < before):
            return e
    return None


def _last(events: Events, kind: str, start: dt.date, end: dt.date | None) -> Found | None:
    """The latest event of `kind` from `start` to `end` (inclusive)."""
    found = None
    for e in events.get(kind, ()):
        if e.occurred >= start and (end is None or e.occurred <= end):
            found = e
    return found


def _spans(events: Events, start: str) -> list[tuple[Found, dt.date | None]]:
    """Each event of `start` with the date of the next one (None for the last)."""
    found = list(events.get(start, ()))
    nexts: list[dt.date | None] = [e.occurred for e in found[1:]]
    return list(zip(found, [*nexts, None][: len(found)], strict=True))


def _day(e: Found | None) -> dt.date | None:
    return e.occurred if e is not None else None


def _detail(e: Found | None, name: str) -> str:
    return e.details.get(name, "") if e is not None else ""


def ending_code(e: Found | None) -> str:
    """The SSDA903 code (E11 to E9) for why a period of care ended: the event's reason when
    it is one, E8 (ceased for any other reason) for a reason in words, blank for none."""
    reason = _detail(e, "reason")
    return reason if reason in codes.ENDINGS or not reason else OTHER_ENDING


def closure_code(e: Found | None) -> str:
    """The census code (RC1 to RC9) for why a case closed, when the reason is one."""
    reason = _detail(e, "reason")
    return reason if reason in codes.CLOSURE_REASONS else ""


def _recent(
    facts: PersonFacts, window: bool, start: dt.date, end: dt.date | None, days: int = 365
) -> bool:
    if not window:
        return True
    cutoff = facts.as_of - dt.timedelta(days=days)
    return start >= cutoff or end is None or end >= cutoff


def _list1(facts: PersonFacts, ev: Events, window: bool) -> list[Row]:
    return [
        {
            **_child(facts),
            "contact_date": e.occurred,
            "contact_source": _detail(e, "referral_source"),
        }
        for e in ev.get("contact", ())
        if _recent(facts, window, e.occurred, e.occurred, 183)
    ]


def _list2(facts: PersonFacts, ev: Events, window: bool) -> list[Row]:
    rows = []
    for e, nxt in _spans(ev, "early_help_start"):
        end = _day(_first(ev, "early_help_assessment", e.occurred, nxt))
        if _recent(facts, window, e.occurred, end):
            rows.append({**_child(facts), "start": e.occurred, "end": end})
    return rows


def _list3(facts: PersonFacts, ev: Events, window: bool) -> list[Row]:
    return [
        {
            **_child(facts, e.worker),
            "referral_date": e.occurred,
            "referral_source": _detail(e, "referral_source"),
        }
        for e in ev.get("referral", ())
        if _recent(facts, window, e.occurred, e.occurred)
    ]


def _list4(facts: PersonFacts, ev: Events, window: bool) -> list[Row]:
    rows = []
    for e, nxt in _spans(ev, "assessment_start"):
        done = _day(_first(ev, "assessment_complete", e.occurred, nxt))
        if _recent(facts, window, e.occurred, done):
            rows.append({**_child(facts, e.worker), "start": e.occurred, "authorised": done})
    return rows


def _list5(facts: PersonFacts, ev: Events, window: bool) -> list[Row]:
    rows = []
    for e, nxt in _spans(ev, "s47_start"):
        icpc = _first(ev, "icpc", e.occurred, nxt)
        unnecessary = any(x.occurred == e.occurred for x in ev.get("icpc_not_required", ()))
        outcome = _detail(icpc, "outcome")
        if _recent(facts, window, e.occurred, _day(icpc) or e.occurred):
            rows.append(
                {
                    **_child(facts, e.worker),
                    "s47_start": e.occurred,
                    "icpc_unnecessary": "Yes" if unnecessary else "",
                    "icpc_date": _day(icpc),
                    "icpc_plan": {"plan": "Yes", "no_plan": "No"}.get(outcome, ""),
                }
            )
    return rows


def _list6(facts: PersonFacts, ev: Events, window: bool) -> list[Row]:
    rows = []
    for e, nxt in _spans(ev, "case_open"):
        closed = _first(ev, "case_closed", e.occurred, nxt)
        end = _day(closed)
        plan_start = _first(ev, "cin_plan_start", e.occurred, nxt)
        plan_end = _first(ev, "cin_plan_end", e.occurred, nxt)
        seen = _last(ev, "cin_visit", e.occurred, nxt - dt.timedelta(days=1) if nxt else None)
        if _recent(facts, window, e.occurred, end):
            rows.append(
                {
                    **_child(facts, e.worker),
                    "cin_start": e.occurred,
                    "last_seen": _day(seen),
                    "cin_closure": end,
                    "closure_reason": closure_code(closed),
                    "case_status": "Child in need plan" if seen is not None else "",
                    "plan_start": _day(plan_start),
                    "plan_end": _day(plan_end),
                }
            )
    return rows


def _list7(facts: PersonFacts, ev: Events, window: bool) -> list[Row]:
    rows = []
    for e, nxt in _spans(ev, "cp_plan_start"):
        end = _day(_first(ev, "cp_plan_end", e.occurred, nxt))
        until = nxt - dt.timedelta(days=1) if nxt else None
        visit = _last(ev, "cp_visit", e.occurred, until)
        if _recent(facts, window, e.occurred, end):
            rows.append(
                {
                    **_child(facts, e.worker),
                    "plan_start": e.occurred,
                    "initial_category": CATEGORY.get(_detail(e, "category"), ""),
                    "last_visit": _day(visit),
                    "seen_alone": YES_NO.get(_detail(visit, "seen_alone"), ""),
                    "last_review": _day(_last(ev, "rcpc", e.occurred, until)),
                    "plan_end": end,
                }
            )
    return rows


def _list8(facts: PersonFacts, ev: Events, window: bool) -> list[Row]:
    rows = []
    for e, nxt in _spans(ev, "cic_start"):
        ended = _first(ev, "cic_end", e.occurred, nxt)
        end = _day(ended)
        until = nxt - dt.timedelta(days=1) if nxt else None
        placements = [p for p in ev.get("placement_start", ()) if p.details.get("placement_type")]
        placed = _last({"p": placements}, "p", e.occurred, until)
        status = _detail(e, "legal_status")
        if not _recent(facts, window, e.occurred, end):
            continue
        rows.append(
            {
                **_child(facts, e.worker),
                "uasc": YES_NO.get(facts.details.get("uasc", ""), ""),
                "cla_start": e.occurred,
                "need": _detail(e, "reason"),
                "legal_status_start": e.occurred if status else None,
                "legal_status": status,
                "last_review": _day(_last(ev, "cic_review", e.occurred, until)),
                "last_visit": _day(_last(ev, "cic_visit", e.occurred, until)),
                "last_health": _day(_last(ev, "health_assessment", e.occurred, until)),
                "last_dental": _day(_last(ev, "dental_check", e.occurred, until)),
                "cla_end": end,
                "cla_end_reason": ending_code(ended),
                "placement_start": _day(placed),
                "placement_type": _detail(placed, "placement_type"),
                "placement_provider": _detail(placed, "provider"),
                "placement_postcode": _detail(placed, "postcode"),
            }
        )
    return rows


def _list9(facts: PersonFacts, ev: Events, window: bool) -> list[Row]:
    reviews, contacts = ev.get("pathway_plan_review", ()), ev.get("care_leaver_contact", ())
    review = reviews[-1] if reviews else None
    contact = contacts[-1] if contacts else None
    if review is None and contact is None:
        return []
    latest = contact or review
    worker = latest.worker if latest is not None else ""
    return [
        {
            **_child(facts, worker),
            "uasc": YES_NO.get(facts.details.get("uasc", ""), ""),
            "pathway_review": _day(review),
            "latest_contact": _day(contact),
            "in_touch": IN_TOUCH.get(_detail(contact, "in_touch"), ""),
            "suitable": SUITABLE.get(_detail(contact, "accommodation_suitable"), ""),
            "activity": ACTIVITY.get(_detail(contact, "activity"), ""),
        }
    ]


def _list10(facts: PersonFacts, ev: Events, window: bool) -> list[Row]:
    rows = []
    for e, nxt in _spans(ev, "adoption_decision"):
        entered = _last(ev, "cic_start", dt.date.min, e.occurred)
        adopted = _day(_first(ev, "adoption_order", e.occurred, nxt))
        reversed_ = _first(ev, "adoption_decision_reversed", e.occurred, nxt)
        ffa = [p for p in ev.get("placement_start", ()) if not p.details.get("placement_type")]
        if not _recent(facts, window, e.occurred, adopted or _day(reversed_)):
            continue
        rows.append(
            {
                **_child(facts),
                "entered_care": _day(entered),
                "decision": e.occurred,
                "placement_order": _day(_first(ev, "placement_order", e.occurred, nxt)),
                "matched": _day(_first(ev, "adoption_match", e.occurred, nxt)),
                "placed": _day(_first(ev, "placed_for_adoption", e.occurred, nxt)),
                "adoption_order": adopted,
                "reversed": _day(reversed_),
                "reversed_reason": _detail(reversed_, "reason"),
                "ffa": _day(_first({"f": ffa}, "f", e.occurred, nxt)),
            }
        )
    return rows


_ADOPTER = (
    ("enquiry", "adopter_enquiry", ""),
    ("stage1_start", "adopter_stage_start", "one"),
    ("stage1_end", "adopter_stage_end", "one"),
    ("stage2_start", "adopter_stage_start", "two"),
    ("stage2_end", "adopter_stage_end", "two"),
    ("application", "adopter_application", ""),
    ("approved", "adopter_approved", ""),
    ("matched", "adopter_matched", ""),
    ("placed", "adopter_child_placed", ""),
    ("adoption_order", "adopter_adoption_order", ""),
)


def _list11(facts: PersonFacts, ev: Events, window: bool) -> list[Row]:
    rows = []
    for e, nxt in _spans(ev, "adopter_enquiry"):
        row: Row = {"adopter_id": facts.reference}
        for name, kind, stage in _ADOPTER:
            found = [x for x in ev.get(kind, ()) if not stage or x.details.get("stage") == stage]
            row[name] = _day(_first({"x": found}, "x", e.occurred, nxt))
        left = _first(ev, "adopter_left", e.occurred, nxt)
        row["left"] = _day(left)
        row["left_reason"] = _detail(left, "reason")
        if _recent(facts, window, e.occurred, _day(left) or row["adoption_order"]):  # type: ignore[arg-type]
            rows.append(row)
    return rows


# The kinds of event the lists read.
TYPES = frozenset(
    [
        "contact",
        "early_help_start",
        "early_help_assessment",
        "referral",
        "assessment_start",
        "assessment_complete",
        "s47_start",
        "icpc",
        "icpc_not_required",
        "case_open",
        "case_closed",
        "cin_plan_start",
        "cin_plan_end",
        "cin_visit",
        "cp_plan_start",
        "cp_plan_end",
        "cp_visit",
        "rcpc",
        "cic_start",
        "cic_end",
        "placement_start",
        "cic_review",
        "cic_visit",
        "health_assessment",
        "dental_check",
        "pathway_plan_review",
        "care_leaver_contact",
        "adoption_decision",
        "placement_order",
        "adoption_match",
        "placed_for_adoption",
        "adoption_order",
        "adoption_decision_reversed",
    ]
    + [kind for _, kind, _ in _ADOPTER]
    + ["adopter_left"]
)

ROWS: dict[int, Callable[[PersonFacts, Events, bool], list[Row]]] = {
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
