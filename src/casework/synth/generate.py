"""`generate()`: a whole synthetic council from a size, a period and a seed."""

from __future__ import annotations

import datetime as dt

import numpy as np

from casework.engine.types import Event
from casework.synth import tables as T
from casework.synth.days import Days, weekday
from casework.synth.journeys import NONE, Details, Kid, Simulation, birthday_of, yn
from casework.synth.model import Child, Council
from casework.synth.names import (
    GROUPS,
    LANGUAGES_BY_ETHNICITY,
    NAME_SOURCES,
    PLACES,
    SAINTS,
    STREET_KINDS,
    STREET_NAMES,
    SURGERY_KINDS,
    UASC_LANGUAGES,
)
from casework.synth.rand import Stream, Weighted
from casework.synth.staff import assign, build_staff, practitioners_needed

# A fixed default end date, so that the same arguments always give the same council.
DEFAULT_END = dt.date(2025, 3, 31)
COUNCIL_NAME = "Wessex Vale Council"

# Children first known to the service each year, and children already in care, on a
# plan or leaving care when the period starts, per child in the borough. Tuned so that
# referrals come to about 545 per 10,000 children a year and children in care to about
# 70 per 10,000, as in England.
NEW_CHILDREN_PER_YEAR = 0.1
ALREADY_OPEN: dict[str, float] = {
    "cic": 0.0063,
    "cl": 0.0026,
    "cp": 0.0022,
    "cin": 0.0045,
}
UASC_SHARE = 0.006

_INWARD = "ABDEFGHJLNPQRSTUWXYZ"


def generate(
    children: int = 2000,
    years: float = 3.0,
    seed: int = 1,
    end: dt.date | None = None,
    *,
    paperwork: bool = False,
) -> Council:
    """A synthetic council of `children` children known to children's services over the
    `years` up to `end` (default 31 March 2025). The same arguments always give the same
    council, event for event.

    With `paperwork`, the forms, minutes, sign-offs and papers that go with meetings,
    conferences and reviews are recorded too (about a third more events), so that the
    practice standards about them are mostly met rather than all overdue."""
    if children < 1:
        raise ValueError("children must be at least 1")
    if not 0 < years <= 20:
        raise ValueError("years must be more than 0 and at most 20")
    end_date = end or DEFAULT_END
    end_day = end_date.toordinal()
    start_day = end_day - round(years * 365.25) + 1
    days = Days(
        dt.date.fromordinal(start_day - 30 * 366),
        dt.date.fromordinal(end_day + 8 * 366),
    )
    streams = [Stream(np.random.default_rng(s)) for s in np.random.SeedSequence(seed).spawn(4)]
    people_r, journey_r, staff_r, final_r = streams

    population = children / (NEW_CHILDREN_PER_YEAR * years + sum(ALREADY_OPEN.values()))
    legacy: list[str] = []
    for kind, rate in ALREADY_OPEN.items():
        legacy += [kind] * round(population * rate)
    legacy = legacy[: children // 4]
    new = children - len(legacy)

    # --- who the children are --------------------------------------------------------
    rows = _first_involvement(people_r, days, start_day, end_day, new, legacy)
    rows.sort(key=lambda row: (row[0], row[3]))  # case numbers in order of first contact
    kids: list[Kid] = []
    profiles: list[_Profile] = []
    for index, (_, dob, kind, _, _) in enumerate(rows):
        uasc = kind == "uasc"
        profile = _profile(people_r, uasc)
        profiles.append(profile)
        kid = Kid(
            index=index,
            id=f"C{index + 1:06d}",
            dob=dob,
            disabled=bool(profile.disability),
            uasc=uasc,
            eighteen=birthday_of(dob, 18),
        )
        kids.append(kid)

    # --- their journeys ------------------------------------------------------------
    sim = Simulation(journey_r, days, start_day, end_day, paperwork)
    for kid, (day, _, kind, _, began) in zip(kids, rows, strict=True):
        profile = profiles[kid.index]
        sim.kid = kid
        sim.ev(
            kid.dob,
            "birth",
            -1,
            "",
            sim.det(
                "sex",
                profile.sex,
                "ethnicity",
                profile.ethnicity,
                "disability",
                yn(bool(profile.disability)),
                "uasc",
                yn(kid.uasc),
            ),
        )
        sim.run(kid, day, "" if kind in ("new", "uasc") else kind, began)

    # --- the staff, and who held each child when -------------------------------------
    slots = sim.slots
    contacts = sum(
        1 for k, s in zip(slots.kind, slots.start, strict=True) if k == 0 and s > end_day - 365
    )
    need = practitioners_needed(slots, start_day, end_day, contacts)
    staff = build_staff(need, children, staff_r)
    slot_team, slot_worker = assign(slots, staff, end_day)

    # Some open cases have no allocated worker at the end date.
    unallocated: dict[int, tuple[str, str]] = {}
    for kid in kids:
        if kid.status in ("closed", "contact") or kid.slot < 0:
            continue
        s = kid.slot
        if slots.start[s] > end_day or slot_worker[s] < 0:
            unallocated[kid.index] = T.NEW_REFERRAL_UNALLOCATED
            continue
        p = _UNALLOCATED_SHARE.get(kid.status, 0.0)
        if final_r.u() < p:
            when = end_day - final_r.between(3, 50)
            if when > slots.start[s] + 10:
                slots.unallocated_from[s] = when
                sim.kid = kid
                sim.ev(days.on_or_after(when), "allocation", -1, "", NONE, -1, s)
                unallocated[kid.index] = final_r.pick(T.UNALLOCATED)

    # --- events ----------------------------------------------------------------------
    worker_ids = [w.id for w in staff.workers]
    team_ids = [t.id for t in staff.teams]
    manager_of = staff.line_manager
    team_manager = staff.team_manager
    allocation_details: dict[int, Details] = {}
    transfer_details: dict[int, Details] = {}
    successor = slots.successor
    slot_start = slots.start
    unalloc = slots.unallocated_from
    dates = days.dates
    base = days.base
    times = [dt.time(m // 60, m % 60) for m in range(1440)]
    combine = dt.datetime.combine

    def who(code: int, day: int) -> str:
        if code < 0:
            return ""
        s = code >> 1
        nxt = successor[s]
        while nxt >= 0 and slot_start[nxt] <= day:
            s = nxt
            nxt = successor[s]
        w = slot_worker[s]
        if code & 1 or day >= unalloc[s] or w < 0:
            manager = manager_of[w] if w >= 0 else team_manager[slot_team[s]]
            return worker_ids[manager] if manager >= 0 else ""
        return worker_ids[w]

    events: list[Event] = []
    append = events.append
    for kid in kids:
        out = kid.out
        out.sort()
        cid = kid.id
        for day, _, _, kind, minute, rday, rminute, ep, code, details, ref in out:
            if ref >= 0:
                team = slot_team[ref]
                table = allocation_details if kind == "allocation" else transfer_details
                found = table.get(team)
                if found is None:
                    found = (
                        {"team": team_ids[team]}
                        if kind == "allocation"
                        else {"to_team": team_ids[team]}
                    )
                    table[team] = found
                details = found
            occurred = dates[day - base]
            recorded = dates[rday - base] if kind != "birth" else None
            append(
                Event(
                    cid,
                    kind,
                    occurred,
                    combine(occurred, times[minute]) if minute >= 0 else None,
                    recorded,
                    combine(recorded, times[rminute]) if rminute >= 0 and recorded else None,
                    ep,
                    who(code, day),
                    details,
                )
            )
        kid.out = []

    # --- the children as of the end date -------------------------------------------
    records: list[Child] = []
    for kid in kids:
        profile = profiles[kid.index]
        team_id = worker = ""
        reason = arrangement = ""
        status = kid.status
        if status != "closed" and kid.slot >= 0:
            s = kid.slot
            team_id = team_ids[slot_team[s]] if slot_team[s] >= 0 else ""
            if kid.index in unallocated:
                reason, arrangement = unallocated[kid.index]
            elif slot_worker[s] >= 0:
                worker = worker_ids[slot_worker[s]]
        elif status != "closed":
            status = "closed"
        legal = kid.legal if status != "closed" else ""
        records.append(
            Child(
                id=kid.id,
                given_name=profile.given_name,
                family_name=profile.family_name,
                date_of_birth=days.date(kid.dob),
                sex=profile.sex,
                ethnicity=profile.ethnicity,
                first_language=profile.language,
                interpreter_needed=profile.interpreter,
                disability=profile.disability,
                uasc=kid.uasc,
                address=profile.address,
                postcode=profile.postcode,
                gp=profile.gp,
                school=_school(profile, kid, end_day),
                status=status,
                legal_status=legal,
                team=team_id,
                worker=worker,
                unallocated_reason=reason,
                contact_arrangement=arrangement,
            )
        )

    return Council(
        name=COUNCIL_NAME,
        seed=seed,
        start=days.date(start_day),
        end=end_date,
        population=round(population),
        teams=tuple(staff.teams),
        workers=tuple(staff.workers),
        children=tuple(records),
        events=events,
    )


_UNALLOCATED_SHARE: dict[str, float] = {
    "assessment": 0.05,
    "child_in_need": 0.05,
    "child_protection": 0.01,
    "child_in_care": 0.03,
    "care_leaver": 0.04,
    "early_help": 0.06,
}


# --- when children first come to the service, and how old they are -------------------


def _first_involvement(
    r: Stream, days: Days, start: int, end: int, new: int, legacy: list[str]
) -> list[tuple[int, int, str, int, int]]:
    """(first contact, date of birth, kind, tie-break, start of care or plan) for every
    child: new children, and children already known whose care or plan began before the
    period."""
    rows: list[tuple[int, int, str, int, int]] = []
    span = end - start + 1
    # Contacts are fewer at weekends, on bank holidays, in August and at Christmas.
    weights = np.empty(span)
    for i in range(span):
        day = start + i
        date = days.date(day)
        w = _MONTH_WEIGHT[date.month - 1]
        if not days.is_working(day):
            w *= 0.12 if weekday(day) >= 5 else 0.2
        weights[i] = w
    cumulative = np.cumsum(weights)
    cumulative /= cumulative[-1]
    draws = np.array([r.u() for _ in range(new)])
    firsts = (np.searchsorted(cumulative, draws, side="right") + start).tolist()
    for i, day in enumerate(firsts):
        day = min(int(day), end)
        if not days.is_working(day) and r.u() < 0.55:
            day = min(days.on_or_after(day), end)
        if r.u() < UASC_SHARE:
            age = r.pick_weighted(_UASC_AGE) + r.u()
            rows.append((day, day - int(age * 365.25), "uasc", i, 0))
        else:
            age = r.pick_weighted(T.AGE_AT_CONTACT) + r.u()
            rows.append((day, day - max(1, int(age * 365.25)), "new", i, 0))
    for j, kind in enumerate(legacy):
        tie = new + j
        if kind == "cic":
            age = r.pick_weighted(T.AGE_IN_CARE) + r.u()
            age = max(age, 0.35)
            dob = start - int(age * 365.25)
            years_in = min(age - 0.25, r.exponential(2.0), 6.0)
            began = max(start - int(years_in * 365.25) - 1, dob + 80)
            rows.append((began - r.between(20, 70), dob, "cic", tie, began))
        elif kind == "cl":
            age = 18 + 3 * r.u()
            dob = start - int(age * 365.25)
            began = dob + int((14 + 3.5 * r.u()) * 365.25)
            rows.append((began - r.between(20, 70), dob, "cl", tie, began))
        elif kind == "cp":
            age = r.pick_weighted(T.AGE_AT_CONTACT) + r.u()
            age = min(max(age, 0.4), 16.5)
            dob = start - int(age * 365.25)
            began = max(start - r.between(5, 300), dob + 80)
            rows.append((began - r.between(20, 70), dob, "cp", tie, began))
        else:
            age = r.pick_weighted(T.AGE_AT_CONTACT) + r.u()
            age = min(max(age, 0.4), 16.5)
            dob = start - int(age * 365.25)
            began = max(start - r.between(5, 330), dob + 80)
            rows.append((began - r.between(20, 70), dob, "cin", tie, began))
    return rows


_MONTH_WEIGHT = (1.05, 1.05, 1.08, 0.95, 1.0, 1.02, 1.0, 0.75, 1.0, 1.1, 1.1, 0.85)
_UASC_AGE: Weighted[int] = Weighted.of({13: 3, 14: 10, 15: 24, 16: 40, 17: 23})


# --- demographics and the front sheet -------------------------------------------------

_ETHNICITY: Weighted[str] = Weighted.of(T.ETHNICITY)
_LANGUAGES: dict[str, Weighted[str]] = {
    code: Weighted(pairs) for code, pairs in LANGUAGES_BY_ETHNICITY.items()
}
_UASC_LANGUAGE: Weighted[str] = Weighted(UASC_LANGUAGES)


class _Profile:
    __slots__ = (
        "address",
        "disability",
        "ethnicity",
        "family_name",
        "given_name",
        "gp",
        "interpreter",
        "language",
        "locality",
        "postcode",
        "sex",
    )

    def __init__(self) -> None:
        self.given_name = ""
        self.family_name = ""
        self.sex = ""
        self.ethnicity = ""
        self.language = ""
        self.interpreter = False
        self.disability = ""
        self.locality = 0
        self.address = ""
        self.postcode = ""
        self.gp = ""


def _profile(r: Stream, uasc: bool) -> _Profile:
    p = _Profile()
    if uasc:
        p.sex = "M" if r.u() < 0.93 else "F"
        p.ethnicity = r.pick_weighted(T.UASC_ETHNICITY)
        p.language = r.pick_weighted(_UASC_LANGUAGE)
        p.interpreter = r.u() < 0.85
        group = GROUPS["uasc"]
        p.given_name = r.pick(group[0] if p.sex == "M" else group[1])
        p.family_name = r.pick(group[2])
        p.disability = r.pick_weighted(T.DISABILITY) if r.u() < 0.03 else ""
    else:
        p.sex = "M" if r.u() < T.MALE_SHARE else "F"
        p.ethnicity = r.pick_weighted(_ETHNICITY)
        languages = _LANGUAGES.get(p.ethnicity)
        p.language = r.pick_weighted(languages) if languages is not None else "English"
        p.interpreter = p.language != "English" and r.u() < 0.35
        p.disability = r.pick_weighted(T.DISABILITY) if r.u() < T.DISABILITY_SHARE else ""
        if p.disability == "Hearing" and r.u() < 0.3:
            p.language = "British Sign Language"
            p.interpreter = True
        sources = NAME_SOURCES[p.ethnicity]
        family = GROUPS[r.pick(sources)]
        given = GROUPS[r.pick(sources)] if r.u() < 0.6 else family
        p.given_name = r.pick(given[0] if p.sex == "M" else given[1])
        p.family_name = r.pick(family[2])
    p.locality = r.between(0, len(PLACES) - 1)
    place = PLACES[p.locality]
    number = r.between(1, 140)
    flat = f"Flat {r.between(1, 24)}, " if r.u() < 0.2 else ""
    street = f"{r.pick(STREET_NAMES)} {r.pick(STREET_KINDS)}"
    p.postcode = f"QV{p.locality % 14 + 1} {r.between(1, 9)}{r.pick(_INWARD)}{r.pick(_INWARD)}"
    p.address = f"{flat}{number} {street}, {place}"
    practice = (p.locality + r.between(0, 2)) % len(PLACES)
    p.gp = f"{PLACES[practice]} {SURGERY_KINDS[practice % len(SURGERY_KINDS)]}"
    return p


def _school(p: _Profile, kid: Kid, end: int) -> str:
    """The school or college for the child's age on the end date (a stable choice from
    where the child lives)."""
    age = (end - kid.dob) / 365.25
    place = PLACES[p.locality]
    near = PLACES[(p.locality + 3) % len(PLACES)]
    if age < 3:
        return ""
    if age < 4.5:
        return f"{place} Nursery" if kid.index % 2 else ""
    if p.disability and kid.index % 4 == 0 and age < 19:
        return "Oakridge Special School"
    if age < 11:
        saint = SAINTS[p.locality % len(SAINTS)]
        return f"{place} Primary School" if kid.index % 3 else f"{saint} Primary School"
    if age < 16:
        return f"{near} Academy" if kid.index % 2 else f"{near} High School"
    if age < 19:
        return "Wessex Vale College" if kid.index % 3 else f"{near} Academy Sixth Form"
    return ""
