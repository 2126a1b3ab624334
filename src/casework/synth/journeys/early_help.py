"""Early help: a lead professional, an assessment and plan, visits and reviews."""

from __future__ import annotations

from casework.synth.journeys.recording import VISIT_HOURS
from casework.synth.journeys.stage import Stage
from casework.synth.journeys.state import EH, NO, NONE, YES


class EarlyHelp(Stage):
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
