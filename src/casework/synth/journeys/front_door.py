"""The front door: contacts and their outcomes, repeat contacts, and the earlier
history of children already known when the period starts.
"""

from __future__ import annotations

from casework.synth import tables as T
from casework.synth.journeys.recording import NIGHT_HOURS, OFFICE_HOURS
from casework.synth.journeys.stage import Stage
from casework.synth.journeys.state import ASSESS, IRO, MASH, NO, NONE, YES, Kid, yn


class FrontDoor(Stage):
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
