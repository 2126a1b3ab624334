"""The recurring business of a child's time in care: reviews, health and education,
going missing, and preparing to leave care.
"""

from __future__ import annotations

from casework.synth.journeys.recording import NIGHT_HOURS, VISIT_HOURS
from casework.synth.journeys.stage import Stage
from casework.synth.journeys.state import NO, NONE, yn


class InCare(Stage):
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
