"""A little history on the personas' children, and the refresh run over it."""

from __future__ import annotations

import datetime as dt

from casework.accounts.roles import Role
from casework.performance.refresh import refresh_indicators
from casework.records.actions.events import EventInput, record_event
from casework.site.testing import TODAY, Personas

JUNE = "2024-06"


def referred_in_june(people: Personas) -> None:
    """Amy, Ben, Cara, Fay and Rita are referred in June 2024; Amy and Cara are assessed."""
    actor = people.by_role[Role.HEAD_OF_SERVICE]
    for n, person in enumerate((people.amy, people.ben, people.cara, people.fay, people.rita)):
        day = dt.date(2024, 6, 3 + n)
        record_event(actor, person, EventInput(type="referral", occurred=day))
    for person in (people.amy, people.cara):
        record_event(
            actor, person, EventInput(type="assessment_start", occurred=dt.date(2024, 6, 10))
        )
        record_event(
            actor,
            person,
            EventInput(
                type="assessment_complete",
                occurred=dt.date(2024, 6, 20),
                details={"outcome": "cin"},
            ),
        )
    refresh_indicators(TODAY)
