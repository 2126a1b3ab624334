"""Referral and assessment, with the strategy discussion, section 47 enquiry and
initial child protection conference for some.
"""

from __future__ import annotations

from casework.synth import tables as T
from casework.synth.journeys.recording import VISIT_HOURS
from casework.synth.journeys.stage import Stage
from casework.synth.journeys.state import ASSESS, IRO, NO, NONE, YES, yn


class Assessment(Stage):
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
