"""Child protection plans: visits, core groups and review conferences."""

from __future__ import annotations

from casework.synth import tables as T
from casework.synth.journeys.stage import Stage
from casework.synth.journeys.state import IRO, NONE, SLOT_TEAM_KIND, yn


class ChildProtection(Stage):
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
