"""What the simulation keeps about each child and each allocation, and the vocabulary
its events share.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from casework.synth import tables as T

FAR: Final = 10**9

# Slot kinds (the team kind that holds the child).
MASH, ASSESS, CIN, CP, CIC, CL, CWD, EH, IRO = range(9)
SLOT_TEAM_KIND: Final = (
    "duty_mash",
    "assessment",
    "child_in_need",
    "child_protection",
    "children_in_care",
    "care_leavers",
    "disabled_children",
    "early_help",
    "safeguarding_review",
)

Details = Mapping[str, str]
NONE: Final[Details] = {}

# A raw event: (day, time-of-day order, sequence, type, minute or -1, recorded day,
# recorded minute or -1, episode id, who (slot * 2 + 1 for the slot's manager; -1 for
# nobody), details, team reference (slot whose team the details name, or -1)).
Raw = tuple[int, int, int, str, int, int, int, str, int, Details, int]

YES, NO = T.YES, T.NO


def yn(flag: bool) -> str:
    return YES if flag else NO


@dataclass(slots=True)
class Kid:
    """One child's state while their journey is simulated."""

    index: int
    id: str
    dob: int
    disabled: bool
    uasc: bool
    eighteen: int
    out: list[Raw] = field(default_factory=list)
    episodes: dict[str, int] = field(default_factory=dict)
    # Where the case stands (as of the latest event simulated).
    status: str = "closed"
    legal: str = ""
    slot: int = -1
    in_cwd: bool = False
    escalate: bool = False
    referrals: int = 0
    contacts: int = 0

    def age(self, day: int) -> float:
        return (day - self.dob) / 365.25


class Slots:
    """Periods in which one worker (of a team of a kind) holds a child."""

    def __init__(self) -> None:
        self.kind: list[int] = []
        self.start: list[int] = []
        self.end: list[int] = []
        self.follow: list[int] = []  # an earlier slot whose team this one stays in
        self.child: list[int] = []
        self.unallocated_from: list[int] = []
        self.successor: list[int] = []  # the slot that takes over (a change of worker)

    def new(self, kind: int, start: int, child: int, follow: int = -1) -> int:
        self.kind.append(kind)
        self.start.append(start)
        self.end.append(FAR)
        self.follow.append(follow)
        self.child.append(child)
        self.unallocated_from.append(FAR)
        self.successor.append(-1)
        index = len(self.kind) - 1
        if follow >= 0:
            self.successor[follow] = index
        return index

    def __len__(self) -> int:
        return len(self.kind)


def birthday_of(dob: int, years: int) -> int:
    """The day a child born on `dob` turns `years` (1 March for 29 February)."""
    born = dt.date.fromordinal(dob)
    try:
        return born.replace(year=born.year + years).toordinal()
    except ValueError:  # 29 February
        return dt.date(born.year + years, 3, 1).toordinal()
