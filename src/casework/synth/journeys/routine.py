"""Work that recurs while a case is open (visits, meetings, supervision, notes),
allocating workers, and closing cases.
"""

from __future__ import annotations

import math
from typing import Final

from casework.synth import tables as T
from casework.synth.days import SATURDAY, weekday
from casework.synth.journeys.recording import LAG, LAG_MEETING, VISIT_HOURS, Recorder
from casework.synth.journeys.state import FAR, NONE, SLOT_TEAM_KIND, YES, Details, yn
from casework.synth.rand import Weighted

# Chains still running at the end date that lapse in their final weeks (a worker off
# sick, a family not engaging), leaving the next visit or meeting overdue.
LAPSE: Final = 0.07

# How reliably a plan's visits or meetings keep to time: (chance a gap is late, chance it
# is missed), weighted by the share of plans.
VISIT_QUALITY: Final[Weighted[tuple[float, float]]] = Weighted.of(
    {(0.025, 0.004): 55, (0.07, 0.012): 32, (0.16, 0.04): 13}
)


class Routine(Recorder):
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
