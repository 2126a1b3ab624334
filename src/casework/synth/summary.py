"""Headline figures for a synthetic council, to compare with England's published ones."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from casework.calendar import calendar_for
from casework.engine.types import Event
from casework.synth.model import Council

# England, for comparison (rounded; Children in need census and Children looked after in
# England, 2023-24; Census 2021 for ethnicity).
ENGLAND: dict[str, float] = {
    "referrals per 10,000 a year": 545,
    "re-referrals within 12 months (%)": 22,
    "assessments within 45 working days (%)": 83,
    "assessments ending in no further action (%)": 30,
    "section 47 enquiries per 10,000 a year": 185,
    "initial conferences within 15 working days (%)": 78,
    "child protection plans starting per 10,000 a year": 53,
    "child protection plans at the end per 10,000": 42,
    "children in care at the end per 10,000": 70,
    "children starting care per 10,000 a year": 27,
}


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    england: float | None


def figures(council: Council) -> list[Figure]:
    """Rates for the final 12 months and positions at the end date."""
    end = council.end
    year_start = end - dt.timedelta(days=364)
    cal = calendar_for()
    by_child: dict[str, list[Event]] = defaultdict(list)
    for event in council.events:
        by_child[event.child_id].append(event)
    count: Counter[str] = Counter()
    for events in by_child.values():
        referrals = [e.occurred for e in events if e.event == "referral"]
        for i, day in enumerate(referrals):
            if day < year_start:
                continue
            count["referrals"] += 1
            if any(0 < (day - earlier).days <= 365 for earlier in referrals[:i]):
                count["re-referrals"] += 1
        starts: dict[str, dt.date] = {}
        for e in events:
            if e.event == "referral":
                starts["referral"] = e.occurred
            elif e.event == "s47_start":
                starts["s47"] = e.occurred
                if e.occurred >= year_start:
                    count["s47"] += 1
            elif e.event == "assessment_complete" and e.occurred >= year_start:
                count["assessments"] += 1
                if e.details.get("outcome") == "nfa":
                    count["assessments nfa"] += 1
                referral = starts.get("referral")
                if referral is not None and cal.count_between(referral, e.occurred) <= 45:
                    count["assessments on time"] += 1
            elif e.event == "icpc" and e.occurred >= year_start:
                count["icpc"] += 1
                s47 = starts.get("s47")
                if s47 is not None and cal.count_between(s47, e.occurred) <= 15:
                    count["icpc on time"] += 1
            elif e.event == "cp_plan_start" and e.occurred >= year_start:
                count["cp starts"] += 1
            elif e.event == "cic_start" and e.occurred >= year_start:
                count["cic starts"] += 1
    status = Counter(child.status for child in council.children)
    rate = council.per_10000

    def share(part: str, whole: str) -> float:
        return 100 * count[part] / count[whole] if count[whole] else 0.0

    values = {
        "referrals per 10,000 a year": rate(count["referrals"]),
        "re-referrals within 12 months (%)": share("re-referrals", "referrals"),
        "assessments within 45 working days (%)": share("assessments on time", "assessments"),
        "assessments ending in no further action (%)": share("assessments nfa", "assessments"),
        "section 47 enquiries per 10,000 a year": rate(count["s47"]),
        "initial conferences within 15 working days (%)": share("icpc on time", "icpc"),
        "child protection plans starting per 10,000 a year": rate(count["cp starts"]),
        "child protection plans at the end per 10,000": rate(status["child_protection"]),
        "children in care at the end per 10,000": rate(status["child_in_care"]),
        "children starting care per 10,000 a year": rate(count["cic starts"]),
        "child in need plans at the end per 10,000": rate(status["child_in_need"]),
        "care leavers at the end per 10,000": rate(status["care_leaver"]),
        "early help at the end per 10,000": rate(status["early_help"]),
        "open cases with no allocated worker (%)": 100
        * sum(1 for c in council.children if c.is_open and c.team and not c.worker)
        / max(1, sum(1 for c in council.children if c.is_open)),
    }
    return [Figure(name, round(value, 1), ENGLAND.get(name)) for name, value in values.items()]
