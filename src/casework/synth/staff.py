"""Teams and workers sized to the council's workload, and who holds each child when.

Teams are sized from the open cases of the final year at typical caseloads (see
`tables.CASELOAD`). Each allocation goes to the team of its kind with the fewest open
cases per practitioner, and within it to the practitioner with the fewest open cases, so
caseloads are even but not identical; a change of worker stays in the same team.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

from casework.synth import tables as T
from casework.synth.journeys import FAR, IRO, MASH, SLOT_TEAM_KIND, Slots
from casework.synth.model import Team, Worker
from casework.synth.names import GROUPS
from casework.synth.rand import Stream, Weighted

SERVICES: dict[str, str] = {
    "duty_mash": "Front door and assessment",
    "assessment": "Front door and assessment",
    "child_in_need": "Children in need and protection",
    "child_protection": "Children in need and protection",
    "children_in_care": "Children in care and care leavers",
    "care_leavers": "Children in care and care leavers",
    "disabled_children": "Disabled children and early help",
    "early_help": "Disabled children and early help",
    "safeguarding_review": "Safeguarding and quality",
    "quality_performance": "Safeguarding and quality",
    "leadership": "Leadership",
}

TEAM_NAMES: dict[str, str] = {
    "duty_mash": "MASH and Duty Team",
    "assessment": "Assessment Team",
    "child_in_need": "Child in Need Team",
    "child_protection": "Child Protection Team",
    "children_in_care": "Children in Care Team",
    "care_leavers": "Care Leavers Team",
    "disabled_children": "Children with Disabilities Team",
    "early_help": "Early Help Team",
    "safeguarding_review": "Safeguarding and Reviewing Team",
    "quality_performance": "Quality Assurance and Performance Team",
    "leadership": "Children's Social Care Leadership Team",
}

LOCALITIES = ("North", "South", "East", "West", "Central", "Riverside", "Vale", "Heath")

PRACTITIONER_TITLE: dict[str, str] = {
    "care_leavers": "Personal adviser",
    "early_help": "Early help practitioner",
    "safeguarding_review": "Independent reviewing officer",
}

# The workforce's ethnicity (weights over the name groups), and 83% of social workers
# are women.
WORKFORCE_NAMES: Weighted[str] = Weighted.of(
    {
        "british": 64,
        "irish": 3,
        "east_european": 5,
        "indian": 4,
        "pakistani": 4,
        "bangladeshi": 1,
        "caribbean": 5,
        "african": 10,
        "chinese": 1,
        "other": 3,
    }
)


@dataclass
class Staffing:
    teams: list[Team] = field(default_factory=list)
    workers: list[Worker] = field(default_factory=list)
    # For each team: its practitioners (worker indexes), and its managers.
    practitioners: list[list[int]] = field(default_factory=list)
    team_manager: list[int] = field(default_factory=list)
    # Each worker's line manager (worker index, -1 for none) and team index.
    line_manager: list[int] = field(default_factory=list)
    team_of: list[int] = field(default_factory=list)
    teams_of_kind: dict[str, list[int]] = field(default_factory=dict)


def practitioners_needed(slots: Slots, start: int, end: int, contacts: int) -> dict[str, int]:
    """Practitioners per team kind for the average open cases over the final year."""
    window = max(1, min(365, end - start + 1))
    first = end - window + 1
    held = [0.0] * len(SLOT_TEAM_KIND)
    for slot_kind, s, e in zip(slots.kind, slots.start, slots.end, strict=True):
        if slot_kind == MASH:
            continue
        overlap = min(e, end) - max(s, first) + 1
        if overlap > 0:
            held[slot_kind] += overlap
    need: dict[str, int] = {}
    for kind_index, kind in enumerate(SLOT_TEAM_KIND):
        if kind_index == MASH:
            per_day = contacts / (window * 250 / 365)
            need[kind] = max(2, math.ceil(per_day / 4.5))
        else:
            load = held[kind_index] / window
            minimum = 2 if kind_index == IRO else 1
            need[kind] = max(minimum, math.ceil(load / T.CASELOAD[kind]))
    return need


def build_staff(need: dict[str, int], children: int, r: Stream) -> Staffing:
    staff = Staffing()
    names_used: set[tuple[str, str]] = set()

    def person() -> tuple[str, str]:
        for _ in range(20):
            group = GROUPS[r.pick_weighted(WORKFORCE_NAMES)]
            given = r.pick(group[1] if r.u() < 0.8 else group[0])
            family = r.pick(group[2])
            if (given, family) not in names_used:
                break
        names_used.add((given, family))
        return given, family

    def add_team(kind: str, name: str) -> int:
        index = len(staff.teams)
        staff.teams.append(Team(f"T{index + 1:02d}", name, kind, SERVICES[kind]))
        staff.practitioners.append([])
        staff.team_manager.append(-1)
        staff.teams_of_kind.setdefault(kind, []).append(index)
        return index

    def add_worker(team: int, role: str, title: str, manager: int) -> int:
        index = len(staff.workers)
        given, family = person()
        manager_id = staff.workers[manager].id if manager >= 0 else ""
        staff.workers.append(
            Worker(
                f"W{index + 1:04d}",
                given,
                family,
                role,
                title,
                staff.teams[team].id,
                manager_id,
            )
        )
        staff.line_manager.append(manager)
        staff.team_of.append(team)
        return index

    leadership = add_team("leadership", TEAM_NAMES["leadership"])
    head = add_worker(leadership, "head_of_service", "Head of children's social care", -1)
    service_manager: dict[str, int] = {}
    for service in dict.fromkeys(SERVICES.values()):
        if service in ("Leadership", "Safeguarding and quality"):
            continue
        service_manager[service] = add_worker(
            leadership, "service_manager", f"Service manager: {service.lower()}", head
        )

    order = [
        "duty_mash",
        "assessment",
        "child_in_need",
        "child_protection",
        "children_in_care",
        "care_leavers",
        "disabled_children",
        "early_help",
    ]
    for kind in order:
        total = need[kind]
        count = max(1, math.ceil(total / T.TEAM_SIZE))
        for t in range(count):
            if count == 1:
                name = TEAM_NAMES[kind]
            elif kind == "early_help":
                name = f"{TEAM_NAMES[kind]} {LOCALITIES[t % len(LOCALITIES)]}"
                if t >= len(LOCALITIES):
                    name += f" {t // len(LOCALITIES) + 1}"
            else:
                name = f"{TEAM_NAMES[kind]} {t + 1}"
            team = add_team(kind, name)
            size = total // count + (1 if t < total % count else 0)
            manager = add_worker(
                team, "team_manager", "Team manager", service_manager[SERVICES[kind]]
            )
            staff.team_manager[team] = manager
            deputies = [
                add_worker(team, "assistant_team_manager", "Assistant team manager", manager)
                for _ in range(0 if size < 3 else (1 if size < 6 else 2))
            ]
            for p in range(size):
                line = deputies[p % len(deputies)] if deputies else manager
                title = PRACTITIONER_TITLE.get(kind, "Social worker")
                if title == "Social worker" and r.u() < 0.2:
                    title = "Senior social worker"
                staff.practitioners[team].append(add_worker(team, "social_worker", title, line))

    reviewing = add_team("safeguarding_review", TEAM_NAMES["safeguarding_review"])
    manager = add_worker(reviewing, "team_manager", "Safeguarding and reviewing manager", head)
    staff.team_manager[reviewing] = manager
    for p in range(need["safeguarding_review"]):
        title = (
            "Child protection conference chair" if p % 3 == 2 else "Independent reviewing officer"
        )
        staff.practitioners[reviewing].append(
            add_worker(reviewing, "reviewing_officer", title, manager)
        )
    add_worker(reviewing, "lado", "Local authority designated officer (LADO)", manager)

    quality = add_team("quality_performance", TEAM_NAMES["quality_performance"])
    manager = add_worker(quality, "team_manager", "Quality assurance and performance manager", head)
    staff.team_manager[quality] = manager
    for _ in range(max(1, round(children / 6000))):
        add_worker(quality, "quality_assurance", "Quality assurance officer", manager)
    for _ in range(max(1, round(children / 8000))):
        add_worker(quality, "performance_analyst", "Performance analyst", manager)
    for _ in range(max(1, round(children / 5000))):
        add_worker(quality, "administrator", "Business support officer", manager)
    return staff


def assign(slots: Slots, staff: Staffing, end: int) -> tuple[list[int], list[int]]:
    """The team and worker (indexes) for every slot; worker -1 when the slot starts after
    the end date (allocation still to come)."""
    n = len(slots)
    slot_team = [-1] * n
    slot_worker = [-1] * n
    load = [0] * len(staff.workers)
    team_load = [0] * len(staff.teams)
    releases: list[tuple[int, int]] = []
    order = sorted(range(n), key=lambda s: (slots.start[s], s))
    kinds = [staff.teams_of_kind[k] for k in SLOT_TEAM_KIND]
    sizes = [max(1, len(p)) for p in staff.practitioners]
    for s in order:
        start = slots.start[s]
        while releases and releases[0][0] < start:
            _, worker = heapq.heappop(releases)
            load[worker] -= 1
            team_load[staff.team_of[worker]] -= 1
        kind = slots.kind[s]
        candidates = kinds[kind]
        if kind == MASH:
            team = candidates[s % len(candidates)]
            people = staff.practitioners[team]
            slot_team[s] = team
            slot_worker[s] = people[(s * 7919) % len(people)]
            continue
        follow = slots.follow[s]
        previous = -1
        if follow >= 0:
            team = slot_team[follow]
            previous = slot_worker[follow]
        else:
            team = candidates[0]
            best = team_load[team] / sizes[team]
            for t in candidates[1:]:
                ratio = team_load[t] / sizes[t]
                if ratio < best:
                    team, best = t, ratio
        slot_team[s] = team
        if start > end:
            continue
        people = staff.practitioners[team]
        m = len(people)
        worker = -1
        lowest = FAR
        offset = s % m
        for i in range(m):
            w = people[(offset + i) % m]
            if w != previous and load[w] < lowest:
                worker, lowest = w, load[w]
        if worker < 0:
            worker = people[offset]
        slot_worker[s] = worker
        load[worker] += 1
        team_load[team] += 1
        heapq.heappush(releases, (slots.end[s], worker))
    return slot_team, slot_worker
