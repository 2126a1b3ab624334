"""Child in need plans, including disabled children's short breaks, and the section 47
enquiry that turns some of them into child protection or care.
"""

from __future__ import annotations

from casework.synth import tables as T
from casework.synth.journeys.stage import Stage
from casework.synth.journeys.state import NO, NONE, YES, yn


class ChildInNeed(Stage):
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
