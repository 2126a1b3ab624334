"""Leaving care support from 18, usually until 21 (25 for some)."""

from __future__ import annotations

from casework.synth import tables as T
from casework.synth.journeys.recording import VISIT_HOURS
from casework.synth.journeys.stage import Stage
from casework.synth.journeys.state import NONE, birthday_of, yn


class CareLeavers(Stage):
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
