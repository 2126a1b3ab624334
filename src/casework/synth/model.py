"""What a synthetic council is made of: teams, workers, children and their events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casework.engine.types import Event

# Team kinds, and the services (groups of teams under a service manager) they belong to.
TEAM_KINDS: dict[str, str] = {
    "duty_mash": "Front door: multi-agency safeguarding hub (MASH) and duty",
    "assessment": "Assessment",
    "child_in_need": "Child in need",
    "child_protection": "Child protection",
    "children_in_care": "Children in care",
    "care_leavers": "Care leavers",
    "disabled_children": "Children with disabilities",
    "early_help": "Early help",
    "safeguarding_review": "Safeguarding and reviewing (conference chairs, IROs, LADO)",
    "quality_performance": "Quality assurance and performance",
    "leadership": "Children's social care leadership",
}

# Roles use the codes of casework.accounts; `Worker.title` is the job title.
ROLES: dict[str, str] = {
    "social_worker": "Social worker",
    "assistant_team_manager": "Assistant team manager",
    "team_manager": "Team manager",
    "service_manager": "Service manager",
    "head_of_service": "Head of service",
    "reviewing_officer": "Independent reviewing officer or conference chair",
    "lado": "Local authority designated officer (LADO)",
    "quality_assurance": "Quality assurance officer",
    "performance_analyst": "Performance analyst",
    "administrator": "Administrator",
}


@dataclass(frozen=True)
class Team:
    id: str  # "T01"
    name: str
    kind: str  # a key of TEAM_KINDS
    service: str  # the service the team belongs to


@dataclass(frozen=True)
class Worker:
    id: str  # "W0001"
    given_name: str
    family_name: str
    role: str  # a key of ROLES
    title: str  # job title: "Social worker", "Personal adviser", "Early help practitioner"...
    team: str  # team id
    manager: str = ""  # line manager's worker id ("" for the head of service)

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"


@dataclass(frozen=True)
class Child:
    """A child with the key information of the front sheet, as of the council's end date."""

    id: str  # "C000123"
    given_name: str
    family_name: str
    date_of_birth: dt.date
    sex: str  # M or F
    ethnicity: str  # CIN census / SSDA903 code, e.g. WBRI
    first_language: str
    interpreter_needed: bool
    disability: str  # "" when none is recorded
    uasc: bool  # unaccompanied asylum-seeking child
    address: str
    postcode: str
    gp: str
    school: str  # "" when not in education
    # Where the case stands on the end date.
    status: str  # closed, early_help, assessment, child_in_need, child_protection,
    # child_in_care, care_leaver
    legal_status: str  # "", CIN, CP, V2, C1, C2, E1, L1, L2, CL
    team: str  # team id holding the case, "" when closed
    worker: str  # allocated worker id; "" when closed or unallocated
    unallocated_reason: str = ""
    contact_arrangement: str = ""  # how contact is kept while unallocated

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def disabled(self) -> bool:
        return bool(self.disability)

    @property
    def is_open(self) -> bool:
        return self.status != "closed"


@dataclass(frozen=True)
class Council:
    name: str
    seed: int
    start: dt.date  # the first day of the period generated
    end: dt.date  # the last day: nothing occurs after it
    population: int  # the borough's children (0-17) the volumes correspond to
    teams: tuple[Team, ...]
    workers: tuple[Worker, ...]
    children: tuple[Child, ...]
    events: list[Event]

    def per_10000(self, count: int) -> float:
        """A count as a rate per 10,000 children in the borough."""
        return count * 10_000 / self.population if self.population else 0.0
