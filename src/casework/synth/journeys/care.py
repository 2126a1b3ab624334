"""Children coming into care: legal status, the care plan, proceedings, placements and
how care ends.
"""

from __future__ import annotations

from typing import Final

from casework.synth import tables as T
from casework.synth.journeys.in_care import InCare
from casework.synth.journeys.state import FAR, IRO, NONE, YES, yn
from casework.synth.rand import Stream


class Care(InCare):
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


def _placement_postcode(r: Stream, distance: float) -> str:
    """Placements within about 20 miles are in the borough; further ones elsewhere."""
    if distance < 20:
        district = f"QV{r.between(1, 14)}"
    else:
        district = r.pick(("QW", "QX", "QZ")) + str(r.between(1, 20))
    return f"{district} {r.between(1, 9)}{r.pick(_INWARD)}{r.pick(_INWARD)}"


_INWARD: Final = "ABDEFGHJLNPQRSTUWXYZ"
