"""Recording events: when each is written up, how it sorts within a day, and the
paperwork that goes with it.
"""

from __future__ import annotations

from typing import Final

from casework.synth import tables as T
from casework.synth.days import Days
from casework.synth.journeys.state import FAR, NO, NONE, Details, Kid, Slots
from casework.synth.rand import Stream, Weighted

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


# Events that begin an episode; paperwork is not dated before the latest of them.
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


class Recorder:
    """The simulation's state and the recording of one child's events."""

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
