"""Children's journeys through the service, one child at a time.

Each child starts with a contact at the front door. Contacts end in no further action,
advice, early help or a referral; referrals lead to an assessment (with a strategy
discussion and section 47 enquiry for some), and from there to closure, early help, a
child in need plan, a child protection plan or care; care leads to leaving care. Plans
carry visits, meetings, reviews, supervision and case notes at realistic intervals, most
on time and some late or missed.

The simulation works in day numbers and records who did each thing as a reference to an
allocation "slot" (a period in which one worker of one kind of team holds the child);
`staff` turns slots into teams and workers once the whole council's workload is known.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from casework.synth import tables as T
from casework.synth.days import SATURDAY, Days, weekday
from casework.synth.rand import Stream, Weighted

FAR: Final = 10**9

# Slot kinds (the team kind that holds the child).
MASH, ASSESS, CIN, CP, CIC, CL, CWD, EH, IRO = range(9)
SLOT_TEAM_KIND: Final = (
    "duty_mash",
    "assessment",
    "child_in_need",
    "child_protection",
    "children_in_care",
    "care_leavers",
    "disabled_children",
    "early_help",
    "safeguarding_review",
)

Details = Mapping[str, str]
NONE: Final[Details] = {}

# A raw event: (day, time-of-day order, sequence, type, minute or -1, recorded day,
# recorded minute or -1, episode id, who (slot * 2 + 1 for the slot's manager; -1 for
# nobody), details, team reference (slot whose team the details name, or -1)).
Raw = tuple[int, int, int, str, int, int, int, str, int, Details, int]

# How long after the event it is written up.
LAG_VISIT, LAG_MEETING, LAG_ADMIN, LAG_NOTE, LAG_CONTACT = range(5)
LAG: Final[dict[str, int]] = {"contact": LAG_CONTACT}
for _kind in (
    "assessment_visit",
    "s47_child_seen",
    "cp_visit",
    "cin_visit",
    "cic_visit",
    "early_help_visit",
    "care_leaver_contact",
    "care_leaver_visit",
    "direct_work",
    "return_interview",
):
    LAG[_kind] = LAG_VISIT
for _kind in (
    "strategy_discussion",
    "core_group",
    "cin_review",
    "cic_review",
    "early_help_review",
    "supervision",
    "placement_planning_meeting",
    "permanence_planning_meeting",
    "pathway_plan_review",
    "short_breaks_review",
    "transfer_meeting",
):
    LAG[_kind] = LAG_MEETING
for _kind in ("case_note", "chronology_update", "case_summary", "child_views_recorded"):
    LAG[_kind] = LAG_NOTE

# Events whose write-up is still pending at the end date are missing from the extract;
# these, which open and close things, are written up by then.
KEEP_AT_END: Final = frozenset(
    {
        "contact",
        "contact_outcome",
        "referral",
        "case_open",
        "case_closed",
        "allocation",
        "transfer",
        "assessment_start",
        "assessment_complete",
        "strategy_discussion",
        "s47_start",
        "s47_end",
        "icpc",
        "rcpc",
        "cp_plan_start",
        "cp_plan_end",
        "cin_plan_start",
        "cin_plan_end",
        "cic_start",
        "cic_end",
        "placement_start",
        "placement_end",
        "care_leaver_start",
        "care_leaver_end",
        "early_help_start",
        "early_help_end",
        "cwd_start",
        "cwd_end",
        "short_breaks_start",
        "short_breaks_end",
        "proceedings_start",
        "proceedings_end",
        "missing_start",
        "missing_end",
        "cic_review",
    }
)

# Episode end events sort after everything else recorded that day.
LAST_IN_DAY: Final = frozenset(
    {
        "case_closed",
        "assessment_complete",
        "s47_end",
        "cp_plan_end",
        "cin_plan_end",
        "cic_end",
        "placement_end",
        "care_leaver_end",
        "early_help_end",
        "cwd_end",
        "short_breaks_end",
        "proceedings_end",
        "closure_letter",
    }
)

YES, NO = T.YES, T.NO


def yn(flag: bool) -> str:
    return YES if flag else NO


# Chains still running at the end date that lapse in their final weeks (a worker off
# sick, a family not engaging), leaving the next visit or meeting overdue.
LAPSE: Final = 0.07

# How reliably a plan's visits or meetings keep to time: (chance a gap is late, chance it
# is missed), weighted by the share of plans.
VISIT_QUALITY: Final[Weighted[tuple[float, float]]] = Weighted.of(
    {(0.025, 0.004): 55, (0.07, 0.012): 32, (0.16, 0.04): 13}
)

# Hours of the working day visits and meetings happen in (weights).
OFFICE_HOURS: Final[Weighted[int]] = Weighted.of(
    {8: 2, 9: 10, 10: 15, 11: 14, 12: 8, 13: 11, 14: 14, 15: 13, 16: 9, 17: 4}
)
VISIT_HOURS: Final[Weighted[int]] = Weighted.of(
    {9: 6, 10: 12, 11: 11, 12: 6, 13: 9, 14: 11, 15: 14, 16: 15, 17: 10, 18: 5, 19: 1}
)
NIGHT_HOURS: Final[Weighted[int]] = Weighted.of(
    {0: 2, 1: 2, 2: 1, 7: 2, 8: 3, 10: 3, 14: 3, 17: 3, 18: 4, 19: 5, 20: 5, 21: 5, 22: 4, 23: 3}
)


@dataclass(slots=True)
class Kid:
    """One child's state while their journey is simulated."""

    index: int
    id: str
    dob: int
    disabled: bool
    uasc: bool
    eighteen: int
    out: list[Raw] = field(default_factory=list)
    episodes: dict[str, int] = field(default_factory=dict)
    # Where the case stands (as of the latest event simulated).
    status: str = "closed"
    legal: str = ""
    slot: int = -1
    in_cwd: bool = False
    escalate: bool = False
    referrals: int = 0
    contacts: int = 0

    def age(self, day: int) -> float:
        return (day - self.dob) / 365.25


class Slots:
    """Periods in which one worker (of a team of a kind) holds a child."""

    def __init__(self) -> None:
        self.kind: list[int] = []
        self.start: list[int] = []
        self.end: list[int] = []
        self.follow: list[int] = []  # an earlier slot whose team this one stays in
        self.child: list[int] = []
        self.unallocated_from: list[int] = []
        self.successor: list[int] = []  # the slot that takes over (a change of worker)

    def new(self, kind: int, start: int, child: int, follow: int = -1) -> int:
        self.kind.append(kind)
        self.start.append(start)
        self.end.append(FAR)
        self.follow.append(follow)
        self.child.append(child)
        self.unallocated_from.append(FAR)
        self.successor.append(-1)
        index = len(self.kind) - 1
        if follow >= 0:
            self.successor[follow] = index
        return index

    def __len__(self) -> int:
        return len(self.kind)


class Simulation:
    def __init__(
        self, stream: Stream, days: Days, start: int, end: int, paperwork: bool = False
    ) -> None:
        self.r = stream
        self.days = days
        self.start = start
        self.end = end
        self.paperwork = paperwork
        self.slots = Slots()
        # The day the current episode started (paperwork is not dated before it) and the
        # worker holding the plan (for paperwork around reviews that an IRO chairs).
        self._floor = 0
        self._plan_who = -1
        self._details: dict[tuple[str, ...], Details] = {}
        self._seq = 0
        self._day_t: dict[int, int] = {}
        self.kid: Kid = Kid(0, "", 0, False, False, 0)

    # --- small helpers -------------------------------------------------------------

    def det(self, *pairs: str) -> Details:
        """A details mapping from name, value pairs (shared between events)."""
        found = self._details.get(pairs)
        if found is None:
            found = {pairs[i]: pairs[i + 1] for i in range(0, len(pairs), 2)}
            self._details[pairs] = found
        return found

    def wd(self, day: int, n: int) -> int:
        return self.days.add(day, n)

    def work_day(self, day: int) -> int:
        return self.days.on_or_after(day)

    def ep(self, prefix: str) -> str:
        kid = self.kid
        n = kid.episodes.get(prefix, 0) + 1
        kid.episodes[prefix] = n
        return f"{kid.id}-{prefix}{n}"

    def minute(self, hours: Weighted[int] = OFFICE_HOURS) -> int:
        return self.r.pick_weighted(hours) * 60 + 5 * self.r.between(0, 11)

    def later_minute(self, day: int, hours: Weighted[int] = OFFICE_HOURS) -> int:
        """A time of day after anything already recorded for the child that day."""
        minute = self.minute(hours)
        floor = self._day_t.get(day, -1)
        if minute <= floor:
            minute = min(floor + 15 * self.r.between(2, 8), 23 * 60 + 30)
        return minute

    def new_slot(self, kind: int, start: int, follow: int = -1) -> int:
        return self.slots.new(kind, start, self.kid.index, follow)

    def close_slot(self, slot: int, day: int) -> None:
        if slot >= 0 and day <= self.end and self.slots.end[slot] == FAR:
            self.slots.end[slot] = max(day, self.slots.start[slot])

    # --- recording -----------------------------------------------------------------

    def ev(
        self,
        day: int,
        kind: str,
        who: int,
        ep: str = "",
        details: Details = NONE,
        minute: int = -1,
        ref: int = -1,
    ) -> None:
        """Record an event (nothing after the end date is recorded)."""
        if day > self.end or day < self.kid.dob:
            return
        r = self.r
        lag = LAG.get(kind, LAG_ADMIN)
        u = r.u()
        if lag == LAG_VISIT:
            if u < 0.60:
                rday = day
            elif u < 0.85:
                rday = day + 1
            elif u < 0.95:
                rday = day + r.between(2, 3)
            elif u < 0.99:
                rday = day + r.between(4, 10)
            else:
                rday = day + r.between(11, 30)
        elif lag == LAG_MEETING:
            if u < 0.45:
                rday = day
            elif u < 0.75:
                rday = day + 1
            elif u < 0.93:
                rday = day + r.between(2, 5)
            else:
                rday = day + r.between(6, 15)
        elif lag == LAG_NOTE:
            if u < 0.72:
                rday = day
            elif u < 0.92:
                rday = day + 1
            else:
                rday = day + r.between(2, 7)
        else:
            rday = day if u < 0.86 else (day + 1 if u < 0.97 else day + r.between(2, 4))
        if rday > day:
            rday = self.days.on_or_after(rday)
        rminute = -1
        if lag == LAG_CONTACT:
            # Contacts are logged as they come in, most within the hour.
            rday = day
            if minute >= 0:
                rminute = minute + (r.between(2, 55) if u < 0.86 else r.between(56, 600))
                if rminute >= 1440:
                    rday, rminute = day + 1, rminute - 1440
        elif minute >= 0:
            if rday == day:
                rminute = min(minute + 15 * r.between(1, 24), 23 * 60 + 55)
            else:
                rminute = self.minute()
        if rday > self.end:
            if kind not in KEEP_AT_END:
                return
            rday = self.end
            if rminute >= 0 and rday == day:
                rminute = max(rminute, minute)
        # Order within a day: by time where there is one; an event without a time comes
        # after what was recorded before it that day (ends come last).
        if minute >= 0:
            t = minute
        elif kind in LAST_IN_DAY:
            t = 1440
        else:
            t = self._day_t.get(day, 0)
        if t > self._day_t.get(day, -1):
            self._day_t[day] = t
        self._seq += 1
        self.kid.out.append((day, t, self._seq, kind, minute, rday, rminute, ep, who, details, ref))
        if kind in EPISODE_STARTS:
            self._floor = day
        if self.paperwork and kind in T.PAPERWORK:
            self._paper(day, kind, who, ep)

    def _paper(self, day: int, kind: str, who: int, ep: str) -> None:
        """The forms, minutes and sign-offs that go with an event, mostly on time."""
        r = self.r
        for name, role, low, high, late_low, late_high, late, pairs in T.PAPERWORK[kind]:
            offset = r.between(late_low, late_high) if r.u() < late else r.between(low, high)
            when = self.wd(day, offset) if offset >= 0 else self.days.back(day, -offset)
            when = max(when, self._floor)
            if role == "m":
                by = who | 1
            elif role == "p" and self._plan_who >= 0:
                by = self._plan_who
            else:
                by = who
            details = self.det(*pairs) if pairs else NONE
            if name == "iro_child_meeting" and r.u() < 0.1:
                details = self.det("in_private", NO)
            self.ev(when, name, by, ep, details)

    # --- recurring work --------------------------------------------------------------

    def chain_working(
        self,
        anchor: int,
        stop: int,
        every: int,
        kind: str,
        who: int,
        ep: str,
        details: Details | None = None,
        weekend: float = 0.01,
        first: int = 0,
    ) -> None:
        """Visits or meetings due at least every `every` working days from `anchor` until
        `stop` (exclusive), mostly on time."""
        r = self.r
        late, missed = r.pick_weighted(VISIT_QUALITY)
        low = max(1, math.ceil(every * 0.4))
        limit = min(stop, self.end + 1)
        interval = first or every
        lapse = self.end - 3 * every // 2 if stop > self.end and r.u() < LAPSE else FAR
        while True:
            u = r.u()
            if u < late:
                day = self.wd(self.wd(anchor, interval), r.between(1, max(2, every // 2)))
            elif u < late + missed:
                day = self.wd(self.wd(anchor, interval), r.between(every // 2 + 1, 2 * every))
            else:
                day = self.wd(anchor, r.between(min(low, interval), interval))
            if weekend and weekday(day) == 0 and day - 2 > anchor and r.u() < weekend * 5:
                day -= 1 + int(r.u() * 2)
            if day >= limit or day >= lapse:
                return
            self._visit(day, kind, who, ep, details)
            anchor = day
            interval = every

    def chain_days(
        self,
        anchor: int,
        stop: int,
        every: int,
        kind: str,
        who: int,
        ep: str,
        details: Details | None = None,
        weekend: float = 0.02,
        first: int = 0,
        low_share: float = 0.5,
    ) -> None:
        """As `chain_working`, with the interval in calendar days."""
        r = self.r
        late, missed = r.pick_weighted(VISIT_QUALITY)
        limit = min(stop, self.end + 1)
        interval = first or every
        lapse = self.end - every if stop > self.end and r.u() < LAPSE else FAR
        while True:
            u = r.u()
            due = anchor + interval
            if u < late:
                day = self.work_day(due + r.between(1, max(3, every // 4)))
            elif u < late + missed:
                day = self.work_day(due + r.between(every // 4 + 1, every))
            else:
                day = anchor + r.between(max(1, int(interval * low_share)), interval)
                if not self.days.is_working(day) and r.u() > weekend:
                    # Move to the working day before, or after if that is not after the
                    # anchor.
                    back = day
                    while not self.days.is_working(back):
                        back -= 1
                    day = back if back > anchor else self.work_day(day)
            if day >= limit or day >= lapse:
                return
            self._visit(day, kind, who, ep, details)
            anchor = day
            interval = every

    def _visit(self, day: int, kind: str, who: int, ep: str, details: Details | None) -> None:
        r = self.r
        minute = self.minute(VISIT_HOURS) if weekday(day) < SATURDAY else self.minute()
        d = self._visit_details(day, kind) if details is None else details
        self.ev(day, kind, who, ep, d, minute)
        if kind.endswith("_visit") and r.u() < 0.012:
            # Recorded twice on one day (a joint visit written up by both workers, or a
            # morning and an afternoon visit).
            self.ev(day, kind, who, ep, d, min(minute + 60 * r.between(1, 4), 21 * 60))

    def _visit_details(self, day: int, kind: str) -> Details:
        r = self.r
        age = self.kid.age(day)
        seen = r.u() < (0.96 if kind != "care_leaver_visit" else 0.9)
        alone = seen and age >= 4 and r.u() < (0.62 if age < 11 else 0.75)
        if kind == "assessment_visit":
            return self.det("seen", yn(seen), "seen_alone", yn(alone))
        bedroom = seen and r.u() < (0.42 if kind != "cic_visit" else 0.3)
        return self.det("seen", yn(seen), "seen_alone", yn(alone), "bedroom_seen", yn(bedroom))

    def periodic(
        self, start: int, stop: int, mean: float, kind: str, who: int, ep: str = ""
    ) -> None:
        """Events at random intervals (mean `mean` days) on working days."""
        r = self.r
        day = start
        limit = min(stop, self.end + 1)
        timed = LAG.get(kind) == LAG_MEETING
        while True:
            day = day + 1 + int(r.exponential(mean))
            if day >= limit:
                return
            day = self.work_day(day)
            if day >= limit:
                return
            self.ev(day, kind, who, ep, NONE, self.minute() if timed else -1)

    def casework(self, start: int, stop: int, slot: int, ep: str, kind: str) -> None:
        """Supervision, management oversight, case notes, chronology and direct work for
        an open case, at about the intervals the practice standards set for its kind."""
        w, m = slot * 2, slot * 2 + 1
        supervision, oversight, chronology, notes, direct = T.CASEWORK[kind]
        self.chain_days(start, stop, supervision, "supervision", m, ep, NONE, 0, 0, 0.75)
        if oversight:
            self.chain_days(start, stop, oversight, "management_oversight", m, ep, NONE, 0, 0, 0.6)
        if chronology:
            self.chain_days(start, stop, chronology, "chronology_update", w, ep, NONE, 0, 0, 0.6)
        self.periodic(start, stop, notes, "case_note", w, ep)
        if direct and self.kid.age(start) >= 3:
            self.periodic(start, stop, direct, "direct_work", w, ep)
            self.periodic(start, stop, direct * 2, "child_views_recorded", w, ep)
        if self.paperwork and kind in ("cp", "cin", "cic"):
            self.chain_days(start, stop, 91, "case_summary", w, ep, NONE, 0, 0, 0.7)

    def allocate(self, day: int, kind: str, previous: int = -1) -> int:
        """A new slot of a team kind from `day`, with a transfer from the previous team
        when there is one, and the allocation."""
        slot = self.new_slot(SLOT_TEAM_KIND.index(kind), day)
        if previous >= 0:
            self.ev(day, "transfer", previous * 2 + 1, "", NONE, -1, slot)
            self.close_slot(previous, day)
        self.ev(day, "allocation", slot * 2, "", NONE, -1, slot)
        return slot

    def reallocate(self, slot: int, start: int, stop: int) -> int:
        """Workers change during long pieces of work; the case stays in the team."""
        r = self.r
        day = start
        while True:
            day = day + 120 + int(r.exponential(330))
            if day >= min(stop, self.end + 1):
                return slot
            new = self.slots.new(self.slots.kind[slot], day, self.kid.index, follow=slot)
            self.close_slot(slot, day)
            self.ev(self.work_day(day), "allocation", new * 2, "", NONE, -1, new)
            slot = new

    # --- the journey -------------------------------------------------------------------

    def run(self, kid: Kid, first_contact: int, legacy: str = "", began: int = 0) -> None:
        self.kid = kid
        self._day_t = {}
        self._floor = kid.dob
        self._plan_who = -1
        day: int | None = first_contact
        if legacy:
            day = self.legacy(legacy, first_contact, began)
        while day is not None and day <= self.end and day < kid.eighteen:
            day = self.contact(day)

    def contact(self, day: int) -> int | None:
        """A contact at the front door and what follows; the day of the next contact."""
        r = self.r
        kid = self.kid
        if kid.contacts and not self.days.is_working(day) and r.u() < 0.55:
            # Out-of-hours contacts are often logged the next working day.
            day = self.work_day(day)
        kid.contacts += 1
        night = not self.days.is_working(day)
        mash = self.new_slot(MASH, day)
        self.close_slot(mash, day)
        ep = self.ep("CT")
        if kid.uasc and kid.referrals == 0:
            code = "6" if r.u() < 0.6 else "8"  # police, or other (the Home Office)
            concern = "Unaccompanied asylum-seeking child"
            harm = False
        else:
            code = r.pick_weighted(T.CONTACT_SOURCE)[1]
            concern = r.pick_weighted(T.CONCERN)
            harm = concern in ("Physical abuse", "Sexual abuse") or r.u() < 0.08
        minute = self.minute(NIGHT_HOURS if night else OFFICE_HOURS)
        phone = r.u() < (0.45 if code != "6" else 0.15)
        self.ev(
            day,
            "contact",
            mash * 2,
            ep,
            self.det(
                "referral_source",
                code,
                "by_phone",
                yn(phone),
                "concern",
                concern,
                "deliberate_harm_alleged",
                yn(harm),
            ),
            minute,
        )
        if kid.uasc and kid.referrals == 0:
            outcome = "referral"
        elif kid.escalate:
            outcome = "referral"
            kid.escalate = False
        else:
            table = T.CONTACT_OUTCOME if kid.referrals == 0 else T.CONTACT_OUTCOME_REPEAT
            outcome = r.pick_weighted(table)
            if harm and outcome != "referral" and r.u() < 0.45:
                outcome = "referral"
        u = r.u()
        decided = day if u < 0.78 else self.wd(day, 1 if u < 0.96 else r.between(2, 3))
        tier = {"referral": "4" if harm else "3", "early_help": "2"}.get(outcome, "1")
        if r.u() < 0.3 or harm:
            grade = "red" if harm else r.pick(("amber", "green", "green"))
            self.ev(day, "mash_enquiry", mash * 2, ep, self.det("grade", grade))
            back = {"red": 0, "amber": 1}.get(grade, 3)
            if r.u() < 0.12:
                back += r.between(1, 3)
            self.ev(self.wd(day, back), "mash_checks_back", mash * 2, ep)
            decided = max(decided, self.wd(day, back))
        decision = {
            "referral": "Referral to children's social care",
            "early_help": "Early help",
            "information_advice": "Information and advice",
            "nfa": "No further action",
        }.get(outcome, "Signposted to another service")
        self.ev(
            decided,
            "threshold_decision",
            mash * 2 + 1,
            ep,
            self.det("tier", tier, "decision", decision),
        )
        self.ev(decided, "contact_outcome", mash * 2, ep, self.det("outcome", outcome))
        if decided > self.end:
            kid.status = "contact"
            kid.slot = mash
            return None
        closed: int | None = decided
        if outcome == "referral":
            kid.referrals += 1
            interp = r.u() < 0.05
            self.ev(
                decided,
                "referral",
                mash * 2,
                "",
                self.det("referral_source", code, "interpreter_needed", yn(interp)),
            )
            closed = self.referral(decided, harm, mash)
        elif outcome == "early_help":
            closed = self.early_help(self.wd(decided, r.between(1, 8)))
        return self.next_contact(closed)

    def next_contact(self, closed: int | None) -> int | None:
        r = self.r
        kid = self.kid
        if closed is None:
            return None
        if kid.escalate:
            return closed + r.between(1, 30)
        p = 0.34 if kid.referrals == 0 else 0.6
        if r.u() >= p:
            return None
        # Most repeat contacts come within a year.
        return closed + 7 + int(r.exponential(130))

    # --- referral and assessment -----------------------------------------------------

    def referral(self, day: int, harm: bool, mash: int) -> int | None:
        """A referral: open the case and assess; the day the case closes, or None."""
        r = self.r
        kid = self.kid
        case = self.ep("CASE")
        self.ev(day, "case_open", mash * 2 + 1, case)
        kid.status = "assessment"
        u = r.u()
        alloc = self.wd(day, 0 if u < 0.45 else (1 if u < 0.75 else r.between(2, 6)))
        slot = self.new_slot(ASSESS, alloc)
        kid.slot = slot
        self.ev(alloc, "allocation", slot * 2, "", NONE, -1, slot)
        if alloc > self.end:
            return None
        ep = self.ep("AS")
        self.ev(alloc, "assessment_start", slot * 2, ep, self.det("single_assessment", YES))
        # Working days from the referral to completing the assessment.
        u = r.u()
        if u < 0.34:
            length = r.between(6, 25)
        elif u < 0.81:
            length = r.between(26, 45)
        elif u < 0.96:
            length = r.between(46, 70)
        elif u < 0.99:
            length = r.between(71, 120)
        else:
            length = r.between(121, 260)
        complete = max(self.wd(day, length), alloc)
        s47_day = -1
        if kid.uasc:
            pass
        elif r.u() < (0.57 if harm else 0.15):
            s47_day = day if r.u() < 0.65 else self.wd(day, 1)
        elif r.u() < 0.06:
            s47_day = self.wd(alloc, r.between(3, 20))
        plan_day = -1
        outcome = ""
        chair = -1
        if 0 <= s47_day < complete:
            result, s47_end, icpc, chair = self.s47(s47_day, slot)
            if result == "plan":
                plan_day = icpc
                complete = min(complete, max(s47_end, icpc))
                outcome = "s47"
            elif result == "cic":
                outcome = "cic"
                complete = min(complete, s47_end)
            elif result in ("cin", "no_plan"):
                outcome = "cin"
                complete = max(complete, s47_end)
            else:
                outcome = "nfa" if r.u() < 0.75 else "early_help"
                complete = max(complete, s47_end)
        else:
            outcome = r.pick_weighted(T.ASSESSMENT_OUTCOME)
            if kid.uasc:
                outcome = "cic"
                complete = min(complete, self.wd(day, r.between(0, 3)))
        complete = max(complete, alloc)
        seen = self.wd(alloc, r.between(1, 6) if r.u() < 0.9 else r.between(7, 15))
        if seen < complete:
            self._visit(seen, "assessment_visit", slot * 2, ep, None)
            if r.u() < 0.55:
                again = self.wd(seen, r.between(3, 12))
                if again < complete:
                    self._visit(again, "assessment_visit", slot * 2, ep, None)
        if length > 35:
            self.periodic(alloc, complete, 40, "supervision", slot * 2 + 1, ep)
        self.periodic(alloc, complete, 60, "case_note", slot * 2, ep)
        self.ev(complete, "assessment_complete", slot * 2, ep, self.det("outcome", outcome))
        if complete > self.end:
            return None
        u = r.u()
        authorised = self.wd(
            complete, 0 if u < 0.4 else (r.between(1, 5) if u < 0.93 else r.between(6, 20))
        )
        self.ev(authorised, "assessment_authorised", slot * 2 + 1, ep)

        if plan_day >= 0:
            return self.cp(plan_day, slot, case, chair)
        if outcome == "cic":
            start = complete if kid.uasc else self.wd(complete, r.between(0, 5))
            return self.cic(start, slot, case, "assessment", min_end=0)
        if outcome == "cin":
            start = self.wd(complete, r.between(0, 12))
            return self.cin(start, slot, case, after_cp=False, min_end=0)
        step_down = outcome == "early_help"
        closed = self.close_case(
            self.wd(complete, r.between(0, 6)),
            slot,
            case,
            step_down,
            "Assessment completed: no further action"
            if not step_down
            else "Stepped down to early help",
        )
        if step_down and self.paperwork:
            self.ev(
                self.wd(complete, r.between(0, 4) if r.u() < 0.85 else r.between(5, 10)),
                "consent_obtained",
                slot * 2,
                ep,
                self.det("override", NO),
            )
        if step_down and closed is not None:
            return self.early_help(self.wd(closed, r.between(0, 5)))
        return closed

    def close_case(
        self, day: int, slot: int, case: str, step_down: bool, reason: str
    ) -> int | None:
        r = self.r
        kid = self.kid
        if day > self.end:
            return None
        if step_down:
            self.ev(
                day, "transfer_meeting", slot * 2, "", self.det("step_down", YES), self.minute()
            )
        self.ev(
            day,
            "case_closed",
            slot * 2 + 1,
            case,
            self.det("reason", reason, "step_down", yn(step_down)),
        )
        u = r.u()
        self.ev(
            self.wd(day, 0 if u < 0.55 else (1 if u < 0.88 else r.between(2, 10))),
            "closure_letter",
            slot * 2,
            case,
        )
        u = r.u()
        self.ev(
            self.wd(day, 0 if u < 0.7 else (1 if u < 0.9 else r.between(2, 6))),
            "management_oversight",
            slot * 2 + 1,
            case,
        )
        self.close_slot(slot, day)
        if kid.in_cwd:
            self.ev(day, "cwd_end", slot * 2, self._cwd_ep())
            kid.in_cwd = False
        kid.status = "closed"
        kid.legal = ""
        kid.slot = -1
        return day

    def _cwd_ep(self) -> str:
        return f"{self.kid.id}-CWD{self.kid.episodes.get('CWD', 0)}"

    def s47(self, day: int, slot: int) -> tuple[str, int, int, int]:
        """Strategy discussion and section 47 enquiry: (result, end day, ICPC day, chair
        slot). Result is plan, no_plan, cin, nfa, other or cic."""
        r = self.r
        kid = self.kid
        w = slot * 2
        self.ev(
            day,
            "strategy_discussion",
            w,
            "",
            self.det("police_present", yn(r.u() < 0.85), "s47_threshold_met", YES),
            self.later_minute(day),
        )
        if r.u() < 0.7:
            self.ev(self.wd(day, r.between(0, 2)), "strategy_recorded", w)
        ep = self.ep("S47")
        target = self.wd(day, 15)
        self.ev(
            day, "s47_start", w, ep, self.det("icpc_target", self.days.date(target).isoformat())
        )
        seen = self.wd(day, r.between(0, 2)) if r.u() < 0.85 else self.wd(day, r.between(3, 8))
        age = kid.age(seen)
        self.ev(
            seen,
            "s47_child_seen",
            w,
            ep,
            self.det("seen_alone", yn(age >= 4 and r.u() < 0.7)),
            self.later_minute(seen, VISIT_HOURS),
        )
        if r.u() < 0.08:
            self.ev(self.wd(day, r.between(0, 2)), "medical_examination", w, ep)
        end = max(self.wd(day, r.between(4, 14)), seen)
        result = r.pick_weighted(T.S47_OUTCOME)
        if r.u() < 0.03:
            result = "cic"
        self.ev(
            end,
            "s47_end",
            w,
            ep,
            self.det("outcome", result if result in ("icpc", "cin", "nfa") else "other"),
        )
        if result != "icpc":
            self.ev(end, "icpc_not_required", slot * 2 + 1, ep)
            return result, end, -1, -1
        u = r.u()
        lag = (
            r.between(8, 15) if u < 0.78 else (r.between(16, 25) if u < 0.96 else r.between(26, 40))
        )
        icpc = max(self.wd(day, lag), end)
        chair = self.new_slot(IRO, icpc)
        self.ev(max(day, self.days.back(icpc, r.between(2, 5))), "icpc_report", w)
        self.ev(max(day, self.days.back(icpc, r.between(1, 3))), "icpc_report_shared", w)
        plan = r.u() < 0.85
        self.ev(
            icpc,
            "icpc",
            chair * 2,
            "",
            self.det("outcome", "plan" if plan else "no_plan"),
            self.minute(),
        )
        self.ev(self.wd(icpc, r.between(1, 15)), "conference_record_sent", chair * 2)
        if not plan:
            self.close_slot(chair, icpc)
            return "no_plan", end, icpc, -1
        return "plan", end, icpc, chair

    # --- child protection ------------------------------------------------------------

    def cp(self, start: int, previous: int, case: str, chair: int, min_end: int = 0) -> int | None:
        r = self.r
        kid = self.kid
        if start > self.end:
            return None
        if start > kid.eighteen - 30:
            self.close_slot(chair, start)
            return self.close_case(start, previous, case, False, "Turned 18")
        team = "disabled_children" if kid.in_cwd and r.u() < 0.5 else "child_protection"
        if previous >= 0 and SLOT_TEAM_KIND[self.slots.kind[previous]] == team:
            slot = previous
        else:
            slot = self.allocate(start, team, previous)
        kid.slot = slot
        kid.status = "child_protection"
        kid.legal = "CP"
        if chair < 0:
            chair = self.new_slot(IRO, start)
        ep = self.ep("CP")
        self.ev(
            start,
            "cp_plan_start",
            slot * 2,
            ep,
            self.det("category", r.pick_weighted(T.CP_CATEGORY)),
        )
        self.ev(self.wd(start, r.between(0, 5)), "safety_plan", slot * 2, ep)

        # Review conferences: the plan ends at one of them (or earlier, rarely).
        ends_at = r.pick_weighted(T.CP_ENDS_AT_REVIEW)
        reviews: list[int] = []
        day = start
        k = 0
        while True:
            k += 1
            interval = 91 if k == 1 else 183
            u = r.u()
            if u < 0.88:
                gap = interval - r.between(0, 20 if k == 1 else 30)
            elif u < 0.97:
                gap = interval + r.between(1, 21)
            else:
                gap = interval + r.between(22, 60)
            day = self.work_day(day + gap)
            reviews.append(day)
            if (k >= ends_at and day > min_end) or day >= kid.eighteen or day > self.end:
                break
        end = reviews[-1]
        early = ""
        u = r.u()
        if u < 0.06:
            early = "cic"
        elif u < 0.09:
            early = "moved"
        if early:
            cut = start + r.between(20, max(21, end - start))
            if cut > min_end and cut < end:
                end = self.work_day(cut)
                reviews = [d for d in reviews if d < end]
            else:
                early = ""
        if end >= kid.eighteen:
            end = kid.eighteen
        stop = end

        self.chain_working(start, stop, 10, "cp_visit", slot * 2, ep, weekend=0.015)
        self.chain_days(
            start, stop, 42, "core_group", slot * 2, ep, NONE, weekend=0, first=14, low_share=0.6
        )
        self._plan_who = slot * 2
        for review in reviews:
            if review > end or review > self.end:
                break
            ending = review == end and not early
            lead = r.between(5, 9) if r.u() < 0.85 else r.between(1, 4)
            self.ev(max(start, self.days.back(review, lead)), "rcpc_report_shared", slot * 2, ep)
            self.ev(
                review,
                "rcpc",
                chair * 2,
                ep,
                self.det("outcome", "end" if ending else "continue", "quorate", yn(r.u() < 0.95)),
                self.minute(),
            )
            self.ev(self.wd(review, r.between(1, 15)), "conference_record_sent", chair * 2, ep)
        self._plan_who = -1
        self.casework(start, stop, slot, ep, "cp")
        slot = self.reallocate(slot, start, stop)
        kid.slot = slot
        if end > self.end:
            return None
        self.ev(end, "cp_plan_end", slot * 2, ep)
        self.close_slot(chair, end)
        kid.legal = ""
        if early == "cic":
            return self.cic(end, slot, case, "cp", min_end=0)
        if end >= kid.eighteen:
            return self.close_case(end, slot, case, False, "Turned 18")
        if early == "moved":
            return self.close_case(end, slot, case, False, "Moved to another local authority")
        if r.u() < 0.72:
            return self.cin(end, slot, case, after_cp=True, min_end=0)
        return self.close_case(end, slot, case, False, "Child protection plan ended")

    # --- child in need -----------------------------------------------------------------

    def cin(self, start: int, previous: int, case: str, after_cp: bool, min_end: int) -> int | None:
        r = self.r
        kid = self.kid
        if start > self.end:
            return None
        if start > kid.eighteen - 30:
            return self.close_case(start, previous, case, False, "Turned 18")
        if after_cp:
            slot = previous
        elif kid.disabled and r.u() < 0.7:
            slot = self.allocate(start, "disabled_children", previous)
            if not kid.in_cwd:
                kid.in_cwd = True
                self.ev(start, "cwd_start", slot * 2, self.ep("CWD"), self.det("social_work", YES))
        else:
            slot = self.allocate(start, "child_in_need", previous)
        kid.slot = slot
        kid.status = "child_in_need"
        kid.legal = "CIN"
        ep = self.ep("CIN")
        stable = kid.in_cwd and r.u() < 0.35
        breaks = "none"
        if kid.in_cwd and r.u() < 0.4:
            breaks = "overnight" if r.u() < 0.5 else "family_based"
        details = self.det("stable", yn(stable), "short_breaks", breaks) if kid.in_cwd else NONE
        self.ev(start, "cin_plan_start", slot * 2, ep, details)
        length = r.lognormal(120 if after_cp else 190, 0.55)
        length = min(max(length, 35), 1100)
        end = start + int(length)
        if end <= min_end:
            end = min_end + 20 + int(r.exponential(150))
        nxt = r.pick_weighted(T.CIN_END_REASON)
        if nxt == "assessment" and after_cp:
            nxt = "close"

        escalate = not after_cp and r.u() < 0.07 and end - start > 60
        if end >= kid.eighteen:
            end = kid.eighteen
            nxt = "close"
            escalate = False
        end = self.work_day(end)
        stop = end
        result = ""
        esc_day = -1
        icpc = -1
        chair = -1
        if escalate:
            esc_day = self.work_day(start + r.between(30, end - start - 10))
            if esc_day > min_end and esc_day <= self.end:
                result, _, icpc, chair = self.s47(esc_day, slot)
                if result == "plan":
                    stop = end = icpc
                elif result == "cic":
                    stop = end = self.wd(esc_day, r.between(1, 8))

        if self.paperwork:
            self._reassessments(start, stop, slot * 2)
        if stable or breaks != "none":
            self.chain_days(start, stop, 28, "cin_visit", slot * 2, ep)
            self.chain_days(start, stop, 91, "cin_review", slot * 2, ep, NONE, weekend=0)
        else:
            self.chain_working(start, stop, 15, "cin_visit", slot * 2, ep, weekend=0.01)
            self.chain_days(
                start, stop, 42, "cin_review", slot * 2, ep, NONE, weekend=0, low_share=0.6
            )
        if breaks != "none":
            sb_start = self.wd(start, r.between(10, 40))
            if sb_start < stop:
                sb = self.ep("SB")
                self.ev(sb_start, "short_breaks_start", slot * 2, sb)
                self.chain_days(
                    sb_start,
                    stop,
                    183,
                    "short_breaks_review",
                    slot * 2,
                    sb,
                    NONE,
                    weekend=0,
                    low_share=0.7,
                )
                self.ev(stop, "short_breaks_end", slot * 2, sb)
        self.casework(start, stop, slot, ep, "cin")
        slot = self.reallocate(slot, start, stop)
        kid.slot = slot
        if end > self.end:
            return None
        reason = {
            "close": "Needs met",
            "early_help": "Stepped down to early help",
            "moved": "Moved to another local authority",
            "cic": "Became looked after",
            "assessment": "Needs met",
        }[nxt]
        if result == "plan":
            reason = "Child protection plan started"
        elif result == "cic":
            reason = "Became looked after"
        elif end >= kid.eighteen:
            reason = "Turned 18"
        self.ev(end, "cin_plan_end", slot * 2, ep, self.det("reason", reason))
        kid.legal = ""
        if result == "plan":
            return self.cp(icpc, slot, case, chair)
        if result == "cic" or nxt == "cic":
            return self.cic(end, slot, case, "cin", min_end=0)
        if nxt == "early_help":
            closed = self.close_case(end, slot, case, True, reason)
            if closed is None:
                return None
            return self.early_help(self.wd(closed, r.between(0, 5)))
        if nxt == "assessment":
            # Needs met; the family comes back to the front door later.
            kid.escalate = r.u() < 0.3
        return self.close_case(end, slot, case, False, reason)

    # --- children in care --------------------------------------------------------------

    def cic(self, start: int, previous: int, case: str, via: str, min_end: int) -> int | None:
        r = self.r
        kid = self.kid
        if start > self.end:
            return None
        age = kid.age(start)
        if age >= 17.9:
            return self.close_case(start, previous, case, False, "Turned 18")
        cwd = kid.disabled and r.u() < 0.45
        slot = self.allocate(start, "disabled_children" if cwd else "children_in_care", previous)
        if cwd and not kid.in_cwd:
            kid.in_cwd = True
            self.ev(start, "cwd_start", slot * 2, self.ep("CWD"), self.det("social_work", YES))
        kid.slot = slot
        kid.status = "child_in_care"
        iro = self.new_slot(IRO, start)
        ep = self.ep("CIC")
        w = slot * 2

        # Legal status and how long the child stays.
        if kid.uasc:
            legal = "V2"
        elif via in ("cp", "s47"):
            u = r.u()
            legal = "C1" if u < 0.5 else ("V2" if u < 0.85 else r.pick(("L1", "L2")))
        else:
            legal = "V2" if r.u() < 0.6 else "C1"
        emergency = (via in ("cp", "s47") and r.u() < 0.5) or legal in ("L1", "L2")
        need = "N8" if kid.uasc else r.pick_weighted(T.NEED_CODE)
        kid.legal = legal
        self.ev(
            start,
            "cic_start",
            w,
            ep,
            self.det(
                "legal_status", legal, "reason", need, "emergency", yn(emergency), "cwd", yn(cwd)
            ),
        )
        eighteen = kid.eighteen
        if kid.uasc:
            plan = "eighteen"
        elif age < 1:
            plan = r.pick_weighted(T.PLAN_BABY)
        elif age < 5:
            plan = r.pick_weighted(T.PLAN_YOUNG)
        elif age < 13:
            plan = r.pick_weighted(T.PLAN_CHILD)
        else:
            plan = r.pick_weighted(T.PLAN_TEEN)
        proceedings = legal in ("C1", "L1", "L2") or (legal == "V2" and plan in ("adoption", "sgo"))
        if plan == "home":
            end = start + min(max(int(r.lognormal(150, 0.8)), 5), 1200)
        elif plan == "sgo":
            end = start + r.between(200, 420)
        elif plan == "adoption":
            end = start + r.between(520, 900)
        else:
            end = eighteen
        if end <= min_end:
            plan = "eighteen" if r.u() < 0.6 else "home"
            end = eighteen if plan == "eighteen" else min_end + 30 + int(r.exponential(500))
        if end >= eighteen:
            end = eighteen
            plan = "eighteen"

        # Setting up: notification, IRO, placement, care plan, health, education.
        self.ev(
            start if r.u() < 0.8 else self.wd(start, r.between(1, 3)), "cic_notification", w, ep
        )
        allocated = self.wd(start, r.between(1, 5) if r.u() < 0.85 else r.between(6, 15))
        if allocated < end:
            self.ev(allocated, "iro_allocated", iro * 2, ep)
        placements = self._placements(start, end, age, plan, w, ep)
        planned = self.wd(start, r.between(2, 10) if r.u() < 0.85 else r.between(11, 25))
        if planned < end:
            self.ev(planned, "care_plan", w, ep)
        health = self.wd(start, r.between(5, 20) if r.u() < 0.72 else r.between(21, 45))
        if health < end:
            self.ev(health, "health_assessment", w, ep, self.det("initial", YES))
        if proceedings:
            p_start = self.wd(start, r.between(0, 10))
            pr = self.ep("PR")
            self.ev(p_start, "proceedings_start", w, pr)
            if legal != "V2":
                self.ev(p_start, "interim_care_order", w, pr)
                if legal in ("L1", "L2"):
                    kid.legal = "C1"
            weeks = r.between(20, 26) if r.u() < 0.5 else r.between(27, 60)
            p_end = min(self.work_day(p_start + 7 * weeks), max(end, p_start + 1))
            if plan == "adoption":
                self.ev(
                    max(p_start, self.days.back(p_end, r.between(15, 40))),
                    "adoption_decision",
                    slot * 2 + 1,
                    pr,
                )
                self.ev(p_end, "placement_order", w, pr)
            self.ev(p_end, "proceedings_end", w, pr)
            if p_end <= self.end and plan in ("eighteen", "adoption") and end > p_end:
                kid.legal = "E1" if plan == "adoption" else "C2"
        stop = end
        self.chain_days(
            start,
            stop,
            28 if cwd else 42,
            "cic_visit",
            w,
            ep,
            weekend=0.04,
            first=7,
            low_share=0.45,
        )
        self._plan_who = w
        self._reviews(start, stop, iro, w, ep, age)
        self._plan_who = -1
        self._health_education(start, stop, w, ep)
        if kid.age(start) >= 11 or kid.age(stop) >= 13:
            self._missing(max(start, kid.dob + int(12 * 365.25)), stop, w, ep)
        self.casework(start, stop, slot, ep, "cic")
        self.periodic(start, min(stop, start + 400), 95, "permanence_planning_meeting", w, ep)
        self._leaving_care_preparation(start, stop, w, ep)
        slot = self.reallocate(slot, start, stop)
        kid.slot = slot
        if end > self.end:
            return None
        last_placement = placements[-1] if placements else ""
        if last_placement:
            self.ev(
                end,
                "placement_end",
                slot * 2,
                last_placement,
                self.det("reason", T.CARE_END_REASON[plan]),
            )
        if plan == "adoption":
            self.ev(end, "adoption_order", slot * 2, ep)
        self.ev(end, "cic_end", slot * 2, ep, self.det("reason", T.CARE_END_REASON[plan]))
        self.close_slot(iro, end)
        kid.legal = ""
        if plan == "eighteen":
            return self.care_leaver(end, slot, case)
        if plan == "home" and r.u() < 0.45:
            return self.cin(end, slot, case, after_cp=False, min_end=0)
        return self.close_case(end, slot, case, False, T.CARE_END_REASON[plan])

    def _placements(
        self, start: int, end: int, age: float, plan: str, w: int, cic_ep: str
    ) -> list[str]:
        r = self.r
        kid = self.kid
        eps: list[str] = []
        day = start
        first = True
        moves_per_year = 0.3 if age < 10 else 0.55
        limit = min(end, self.end + 1)
        adoption_day = end - r.between(180, 300) if plan == "adoption" else FAR
        while day < limit:
            here_age = kid.age(day)
            if day >= adoption_day:
                code = "A6"
            elif kid.uasc:
                code = "H5" if here_age >= 16 and r.u() < 0.6 else "U6"
            else:
                code = r.pick_weighted(
                    T.PLACEMENT_TEEN
                    if here_age >= 16
                    else (T.PLACEMENT_CHILD if here_age >= 10 else T.PLACEMENT_YOUNG)
                )
            foster = code.startswith("U")
            ep = self.ep("PL")
            distance = r.lognormal(6, 0.9) if code != "K2" else r.lognormal(25, 0.8)
            self.ev(
                day,
                "placement_start",
                w,
                ep,
                self.det(
                    "placement_type",
                    code,
                    "provider",
                    T.PROVIDER.get(code, "PR1") if r.u() < 0.7 else "PR4",
                    "postcode",
                    _placement_postcode(r, distance),
                    "distance_miles",
                    f"{distance:.1f}",
                    "first",
                    yn(first),
                    "foster_care",
                    yn(foster),
                    "with_parents",
                    yn(code == "P1"),
                    "long_term",
                    yn(code in ("U1", "U4")),
                ),
            )
            meeting = self.wd(day, r.between(0, 5) if r.u() < 0.85 else r.between(6, 12))
            if meeting < end:
                self.ev(meeting, "placement_planning_meeting", w, ep, NONE, self.minute())
            eps.append(ep)
            if code == "A6":
                self.ev(
                    max(start, self.days.back(day, r.between(15, 45))), "adoption_match", w, cic_ep
                )
                self.ev(day, "placed_for_adoption", w, cic_ep)
            first = False
            nxt = day + 30 + int(r.exponential(365 / moves_per_year))
            if day < adoption_day <= nxt:
                nxt = adoption_day
            if nxt >= limit:
                break
            nxt = self.work_day(nxt)
            if nxt >= limit:
                break
            reason = "Placed for adoption" if nxt == adoption_day else r.pick(T.MOVE_REASONS)
            self.ev(nxt, "placement_end", w, ep, self.det("reason", reason))
            day = nxt
        return eps

    def _reviews(self, start: int, stop: int, iro: int, w: int, ep: str, age: float) -> None:
        r = self.r
        limit = min(stop, self.end + 1)
        day = start
        k = 0
        while True:
            k += 1
            u = r.u()
            if k == 1:
                due = self.wd(start, 20)
                day = (
                    self.wd(start, r.between(10, 20))
                    if u < 0.88
                    else self.wd(due, r.between(1, 15))
                )
            else:
                interval = 91 if k == 2 else 183
                if u < 0.88:
                    day = self.work_day(day + interval - r.between(3, 35))
                else:
                    day = self.work_day(day + interval + r.between(1, 40))
            if day >= limit:
                return
            here_age = self.kid.age(day)
            number = "first" if k == 1 else ("second" if k == 2 else "subsequent")
            if here_age < 4:
                participation = "PN0"
            else:
                participation = r.pick(("PN1", "PN1", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6"))
            self.ev(max(start, day - r.between(3, 10)), "cic_review_report", w, ep)
            self.ev(
                day,
                "cic_review",
                iro * 2,
                ep,
                self.det(
                    "review_number",
                    number,
                    "reunification_prospect",
                    yn(r.u() < (0.35 if k < 3 else 0.1)),
                    "participation",
                    participation,
                ),
                self.minute(),
            )
            self.ev(self.wd(day, r.between(0, 5)), "cic_review_decisions", iro * 2, ep)
            if self.paperwork:
                if k == 2:
                    lead = r.between(3, 10) if r.u() < 0.85 else -r.between(1, 5)
                    self.ev(max(start, day - lead), "permanence_plan_outline", w, ep)
                self.ev(self.wd(day, r.between(1, 10)), "care_plan", w, ep)
            self.ev(
                self.wd(day, r.between(5, 20) if r.u() < 0.85 else r.between(21, 40)),
                "cic_review_record",
                iro * 2,
                ep,
            )

    def _reassessments(self, start: int, stop: int, w: int) -> None:
        """Children in need are reassessed about every six months."""
        r = self.r
        limit = min(stop, self.end + 1)
        day = start
        while True:
            day = self.work_day(day + (r.between(150, 182) if r.u() < 0.8 else r.between(183, 230)))
            if day >= limit:
                return
            ep = self.ep("AS")
            began = self.days.back(day, r.between(15, 25))
            self.ev(began, "assessment_start", w, ep, self.det("single_assessment", NO))
            self._visit(self.wd(began, r.between(1, 3)), "assessment_visit", w, ep, None)
            self.ev(day, "assessment_complete", w, ep, self.det("outcome", "cin"))

    def _health_education(self, start: int, stop: int, w: int, ep: str) -> None:
        r = self.r
        kid = self.kid
        limit = min(stop, self.end + 1)
        day = start
        while True:
            interval = 183 if kid.age(day) < 5 else 365
            day = self.work_day(day + interval - r.between(-30, 40))
            if day >= limit:
                break
            self.ev(day, "health_assessment", w, ep, self.det("initial", NO))
        day = start
        while True:
            day = self.work_day(day + 365 - r.between(-45, 60))
            if day >= limit:
                break
            if kid.age(day) >= 1:
                self.ev(day, "dental_check", w, ep)
            questionnaire = self.wd(day, r.between(0, 20))
            if 4 <= kid.age(day) < 17 and questionnaire < limit:
                self.ev(questionnaire, "sdq", w, ep)
        # Personal education plans, termly, for children of school age.
        day = start
        first = True
        while True:
            day = (
                self.wd(day, r.between(5, 10)) if first else self.work_day(day + r.between(85, 130))
            )
            first = False
            if day >= limit:
                break
            if 3.5 <= kid.age(day) < 18:
                self.ev(day, "pep", w, ep, NONE)

    def _missing(self, start: int, stop: int, w: int, ep: str) -> None:
        r = self.r
        if start >= stop:
            return
        rate = 3.0 if r.u() < 0.18 else 0.12
        limit = min(stop, self.end + 1)
        day = start
        while True:
            day = day + 1 + int(r.exponential(365 / rate))
            if day >= limit:
                return
            kind = "missing" if r.u() < 0.85 else "away"
            start_minute = self.minute(NIGHT_HOURS)
            self.ev(day, "missing_start", w, ep, self.det("kind", kind), start_minute)
            back = day + (0 if r.u() < 0.4 else r.between(1, 4))
            back_minute = self.minute(NIGHT_HOURS)
            if back == day:
                back_minute = min(start_minute + 60 * r.between(2, 8), 23 * 60 + 55)
            self.ev(back, "missing_end", w, ep, NONE, back_minute)
            if kind == "missing" and r.u() < 0.9:
                lag = r.between(0, 3) if r.u() < 0.75 else r.between(4, 12)
                self.ev(back + lag, "return_interview", w, ep, NONE, self.minute(VISIT_HOURS))

    def _leaving_care_preparation(self, start: int, stop: int, w: int, ep: str) -> None:
        """From 16: a personal adviser and a pathway plan, reviewed every six months."""
        r = self.r
        kid = self.kid
        sixteen = kid.dob + int(16 * 365.25)
        begin = max(start + 20, sixteen)
        if begin >= min(stop, self.end + 1):
            return
        planned = self.work_day(begin + r.between(0, 90))
        if planned < stop:
            self.ev(planned, "pathway_plan", w, ep)
        adviser = max(begin, kid.dob + int(17 * 365.25) - r.between(0, 200))
        if adviser < stop:
            self.ev(self.work_day(adviser), "personal_adviser_allocated", w, ep)
        benefits = self.days.back(kid.eighteen, r.between(25, 45))
        if self.paperwork and begin < benefits < stop:
            self.ev(benefits, "benefits_application", w, ep)
        self.chain_days(
            begin + 60, stop, 183, "pathway_plan_review", w, ep, NONE, weekend=0, low_share=0.7
        )

    # --- care leavers ------------------------------------------------------------------

    def care_leaver(self, start: int, previous: int, case: str) -> int | None:
        r = self.r
        kid = self.kid
        if start > self.end:
            return None
        slot = self.allocate(start, "care_leavers", previous)
        kid.slot = slot
        kid.status = "care_leaver"
        kid.legal = "CL"
        ep = self.ep("CL")
        self.ev(start, "care_leaver_start", slot * 2, ep, self.det("status", "former_relevant"))
        u = r.u()
        years = 21 if u < 0.72 else (25 if u < 0.87 else 19 + 2 * r.u())
        end = self.work_day(kid.dob + int(years * 365.25))
        activity = r.pick_weighted(T.CARE_LEAVER_ACTIVITY)
        if activity == "neet" and r.u() < 0.7 and not self.paperwork:
            self.ev(self.wd(start, r.between(0, 30)), "benefits_application", slot * 2, ep)
        if self.paperwork:
            for age in (18, 19, 20, 21):
                birthday = birthday_of(kid.dob, age)
                if start <= birthday < end:
                    late = r.u() < 0.15
                    when = self.wd(birthday, r.between(1, 10)) if late else birthday
                    self.ev(when, "care_leaver_circumstances", slot * 2, ep)
        # Contact about every 8 weeks, with the young person's circumstances.
        limit = min(end, self.end + 1)
        day = start
        while True:
            day = self.work_day(day + (r.between(20, 56) if r.u() < 0.88 else r.between(57, 90)))
            if day >= limit:
                break
            if r.u() < 0.15:
                activity = r.pick_weighted(T.CARE_LEAVER_ACTIVITY)
            in_touch = r.u() < 0.9
            self.ev(
                day,
                "care_leaver_contact",
                slot * 2,
                ep,
                self.det(
                    "in_touch",
                    yn(in_touch),
                    "accommodation_suitable",
                    yn(r.u() < 0.88),
                    "activity",
                    activity if in_touch else "other",
                ),
                self.minute(VISIT_HOURS),
            )
            visit = self.wd(day, r.between(1, 10))
            if r.u() < 0.3 and visit < limit:
                self._visit(visit, "care_leaver_visit", slot * 2, ep, NONE)
        self.chain_days(
            start, end, 183, "pathway_plan_review", slot * 2, ep, NONE, weekend=0, low_share=0.7
        )
        self.casework(start, end, slot, ep, "cl")
        slot = self.reallocate(slot, start, end)
        kid.slot = slot
        if end > self.end:
            return None
        self.ev(end, "care_leaver_end", slot * 2, ep)
        return self.close_case(end, slot, case, False, "Leaving care support ended")

    # --- early help --------------------------------------------------------------------

    def early_help(self, start: int) -> int | None:
        r = self.r
        kid = self.kid
        if start > self.end:
            return None
        if start > kid.eighteen - 30:
            return start
        slot = self.new_slot(EH, start)
        kid.slot = slot
        kid.status = "early_help"
        ep = self.ep("EH")
        w = slot * 2
        self.ev(start, "early_help_start", w, ep, self.det("lead_professional", YES))
        alloc = self.wd(start, r.between(0, 3) if r.u() < 0.85 else r.between(4, 12))
        self.ev(alloc, "allocation", w, ep, NONE, -1, slot)
        if self.paperwork:
            late = r.u() < 0.12
            self.ev(
                self.wd(alloc, r.between(6, 10) if late else r.between(1, 5)),
                "early_help_first_contact",
                w,
                ep,
            )
        length = min(max(int(r.lognormal(140, 0.5)), 30), 600)
        end = self.work_day(start + length)
        if end >= kid.eighteen:
            end = kid.eighteen
        first = self.wd(alloc, r.between(1, 7) if r.u() < 0.85 else r.between(8, 20))
        if first < end:
            self.ev(
                first, "early_help_visit", w, ep, self.det("initial", YES), self.minute(VISIT_HOURS)
            )
            assessed = self.wd(first, r.between(5, 25) if r.u() < 0.8 else r.between(26, 50))
            if assessed < end:
                self.ev(assessed, "early_help_assessment", w, ep)
                planned = self.wd(assessed, r.between(0, 10))
                if planned < end:
                    self.ev(planned, "early_help_plan", w, ep)
                self.chain_days(
                    assessed, end, 84, "early_help_review", w, ep, NONE, weekend=0, low_share=0.7
                )
            self.chain_days(
                first,
                end,
                42,
                "early_help_visit",
                w,
                ep,
                self.det("initial", NO),
                weekend=0.01,
                low_share=0.55,
            )
        self.casework(start, end, slot, ep, "eh")
        if end > self.end:
            return None
        self.ev(end, "early_help_end", w, ep)
        self.close_slot(slot, end)
        kid.status = "closed"
        kid.slot = -1
        if r.u() < 0.07:
            kid.escalate = True
        return end

    # --- children already known when the period starts -------------------------------

    def legacy(self, kind: str, contact: int, day: int) -> int | None:
        """A child whose plan or care began before the period: the history from their
        first contact, arranged so that the plan is still open when the period starts.
        `day` is the start of care (for children in care and care leavers)."""
        r = self.r
        kid = self.kid
        mash = self.new_slot(MASH, contact)
        self.close_slot(mash, contact)
        ep = self.ep("CT")
        code = r.pick_weighted(T.CONTACT_SOURCE)[1]
        self.ev(
            contact,
            "contact",
            mash * 2,
            ep,
            self.det(
                "referral_source",
                code,
                "by_phone",
                NO,
                "concern",
                r.pick_weighted(T.CONCERN),
                "deliberate_harm_alleged",
                yn(kind == "cp"),
            ),
            self.minute(),
        )
        self.ev(
            contact,
            "threshold_decision",
            mash * 2 + 1,
            ep,
            self.det("tier", "4", "decision", "Referral to children's social care"),
        )
        self.ev(contact, "contact_outcome", mash * 2, ep, self.det("outcome", "referral"))
        self.ev(
            contact,
            "referral",
            mash * 2,
            "",
            self.det("referral_source", code, "interpreter_needed", NO),
        )
        kid.referrals += 1
        kid.contacts += 1
        case = self.ep("CASE")
        self.ev(contact, "case_open", mash * 2 + 1, case)
        slot = self.new_slot(ASSESS, contact)
        self.ev(contact, "allocation", slot * 2, "", NONE, -1, slot)
        ep = self.ep("AS")
        self.ev(contact, "assessment_start", slot * 2, ep, self.det("single_assessment", YES))
        self._visit(self.wd(contact, r.between(1, 5)), "assessment_visit", slot * 2, ep, None)
        period = self.start
        closed: int | None
        if kind == "cp":
            s47 = self.wd(contact, r.between(1, 5))
            icpc = self.wd(s47, r.between(8, 15))
            self.ev(
                min(icpc, self.wd(contact, 20)),
                "assessment_complete",
                slot * 2,
                ep,
                self.det("outcome", "s47"),
            )
            chair = self.new_slot(IRO, icpc)
            self.ev(
                s47,
                "strategy_discussion",
                slot * 2,
                "",
                self.det("police_present", YES, "s47_threshold_met", YES),
                self.minute(),
            )
            s47_ep = self.ep("S47")
            self.ev(
                s47,
                "s47_start",
                slot * 2,
                s47_ep,
                self.det("icpc_target", self.days.date(self.wd(s47, 15)).isoformat()),
            )
            self.ev(
                self.wd(s47, 1),
                "s47_child_seen",
                slot * 2,
                s47_ep,
                self.det("seen_alone", yn(kid.age(s47) >= 4)),
                self.minute(),
            )
            self.ev(
                self.wd(s47, r.between(4, 8)),
                "s47_end",
                slot * 2,
                s47_ep,
                self.det("outcome", "icpc"),
            )
            self.ev(icpc, "icpc", chair * 2, "", self.det("outcome", "plan"), self.minute())
            closed = self.cp(icpc, slot, case, chair, min_end=period + r.between(5, 60))
        elif kind == "cin":
            done = self.wd(contact, r.between(10, 40))
            self.ev(done, "assessment_complete", slot * 2, ep, self.det("outcome", "cin"))
            closed = self.cin(
                self.wd(done, r.between(0, 10)),
                slot,
                case,
                after_cp=False,
                min_end=period + r.between(5, 90),
            )
        else:
            self.ev(day, "assessment_complete", slot * 2, ep, self.det("outcome", "cic"))
            until = kid.eighteen - 1 if kind == "cl" else period + r.between(5, 120)
            closed = self.cic(day, slot, case, "assessment", min_end=until)
        return self.next_contact(closed)


def _placement_postcode(r: Stream, distance: float) -> str:
    """Placements within about 20 miles are in the borough; further ones elsewhere."""
    if distance < 20:
        district = f"QV{r.between(1, 14)}"
    else:
        district = r.pick(("QW", "QX", "QZ")) + str(r.between(1, 20))
    return f"{district} {r.between(1, 9)}{r.pick(_INWARD)}{r.pick(_INWARD)}"


_INWARD: Final = "ABDEFGHJLNPQRSTUWXYZ"


EPISODE_STARTS: Final = frozenset(
    {
        "case_open",
        "assessment_start",
        "s47_start",
        "cin_plan_start",
        "cp_plan_start",
        "cic_start",
        "care_leaver_start",
        "early_help_start",
    }
)


def birthday_of(dob: int, years: int) -> int:
    """The day a child born on `dob` turns `years` (1 March for 29 February)."""
    born = dt.date.fromordinal(dob)
    try:
        return born.replace(year=born.year + years).toordinal()
    except ValueError:  # 29 February
        return dt.date(born.year + years, 3, 1).toordinal()
