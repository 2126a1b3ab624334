from casework.records.models.chronology import ChronologyEntry
from casework.records.models.episode import Episode
from casework.records.models.event import Event, EventSource, EventVersion
from casework.records.models.front_sheet import FrontSheetChange
from casework.records.models.obligation import Obligation, ObligationStatus
from casework.records.models.org import Service, Team
from casework.records.models.person import Ethnicity, LegalStatus, Person, PersonKind, Sex
from casework.records.models.status import (
    CareLeaverStanding,
    CareLeaverStatusChoice,
    EligibilityDecision,
)

__all__ = [
    "CareLeaverStanding",
    "CareLeaverStatusChoice",
    "ChronologyEntry",
    "EligibilityDecision",
    "Episode",
    "Ethnicity",
    "Event",
    "EventSource",
    "EventVersion",
    "FrontSheetChange",
    "LegalStatus",
    "Obligation",
    "ObligationStatus",
    "Person",
    "PersonKind",
    "Service",
    "Sex",
    "Team",
]
