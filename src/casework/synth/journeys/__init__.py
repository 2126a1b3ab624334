"""Children's journeys through the service, one child at a time.

Each child starts with a contact at the front door. Contacts end in no further action,
advice, early help or a referral; referrals lead to an assessment (with a strategy
discussion and section 47 enquiry for some), and from there to closure, early help, a
child in need plan, a child protection plan or care; care leads to leaving care. Plans
carry visits, meetings, reviews, supervision and case notes at realistic intervals, most
on time and some late or missed.

The simulation works in day numbers and records who did each thing as a reference to an
allocation "slot" (a period in which one worker of one kind of team holds the child);
`staff` turns slots into teams and workers once the whole council's workload is known.

Each stage of the journey is a class in its own module; `Simulation` combines them.
"""

from __future__ import annotations

from casework.synth.journeys.assessment import Assessment
from casework.synth.journeys.care import Care
from casework.synth.journeys.care_leavers import CareLeavers
from casework.synth.journeys.child_in_need import ChildInNeed
from casework.synth.journeys.child_protection import ChildProtection
from casework.synth.journeys.early_help import EarlyHelp
from casework.synth.journeys.front_door import FrontDoor
from casework.synth.journeys.state import (
    FAR,
    IRO,
    MASH,
    NONE,
    SLOT_TEAM_KIND,
    Details,
    Kid,
    Slots,
    birthday_of,
    yn,
)

__all__ = [
    "FAR",
    "IRO",
    "MASH",
    "NONE",
    "SLOT_TEAM_KIND",
    "Details",
    "Kid",
    "Simulation",
    "Slots",
    "birthday_of",
    "yn",
]


class Simulation(FrontDoor, Assessment, ChildProtection, ChildInNeed, Care, CareLeavers, EarlyHelp):
    """Every child's journey, simulated one child at a time with one random stream."""
