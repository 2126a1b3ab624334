"""Care-leaver status agrees with the statutory definitions on hand-worked cases.

Most cases are for a young person born on 3 May 2008: 14th birthday 3 May 2022, 16th
3 May 2024, 18th 3 May 2026, 21st 3 May 2029, 25th 3 May 2033. Thirteen weeks is 91 days.
Each case names the rule (see src/casework/eligibility/rules/50-care-leavers.yaml) it
exercises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from casework.eligibility import CareLeaverStatus, care_leaver_status
from casework.eligibility.care_leaver import age_on, birthday, weeks_text
from casework.engine.types import Event

D = dt.date
BORN = D(2008, 5, 3)
ELIGIBLE = CareLeaverStatus.ELIGIBLE
RELEVANT = CareLeaverStatus.RELEVANT
FORMER = CareLeaverStatus.FORMER_RELEVANT
QUALIFYING = CareLeaverStatus.QUALIFYING
NONE = CareLeaverStatus.NONE


def care(
    start: dt.date, end: dt.date | None = None, reason: str = "", **start_details: str
) -> list[Event]:
    events = [Event("c1", "cic_start", start, details=start_details)]
    if end is not None:
        events.append(Event("c1", "cic_end", end, details={"reason": reason} if reason else {}))
    return events


def event(name: str, day: dt.date) -> list[Event]:
    return [Event("c1", name, day)]


def monthly_short_breaks(first: dt.date, count: int, days: int) -> list[Event]:
    out: list[Event] = []
    for month in range(count):
        start = D(
            first.year + (first.month - 1 + month) // 12, (first.month - 1 + month) % 12 + 1, 1
        )
        out += care(start, start + dt.timedelta(days=days), legal_status="V3")
    return out


@dataclass(frozen=True)
class Case:
    name: str
    rule: str  # the rule it exercises
    history: list[Event]
    as_of: dt.date
    status: CareLeaverStatus
    says: str  # part of the one-sentence reason
    born: dt.date = BORN
    options: dict[str, bool] = field(default_factory=dict)
    decided_by: str = ""  # the rule the result names, when not the one exercised


CASES = [
    Case(
        "a child looked after for exactly 13 weeks since 14 and still looked after is eligible",
        "eligible",
        care(D(2024, 3, 1)),
        D(2024, 3, 1) + dt.timedelta(days=91),
        ELIGIBLE,
        "eligible: looked after for 13 weeks since the 14th birthday on 3 May 2022, "
        "and still looked after",
    ),
    Case(
        "a child looked after for 12 weeks and 6 days is not yet eligible",
        "eligible",
        care(D(2024, 3, 1)),
        D(2024, 3, 1) + dt.timedelta(days=90),
        NONE,
        "looked after for 12 weeks and 6 days since the 14th birthday on 3 May 2022, "
        "fewer than 13 weeks; eligible on 31 May 2024 if still looked after",
    ),
    Case(
        "periods of care add up across several episodes",
        "eligible",
        care(D(2022, 6, 1), D(2022, 7, 1))
        + care(D(2023, 1, 10), D(2023, 2, 9))
        + care(D(2024, 6, 1)),
        D(2024, 7, 2),
        ELIGIBLE,
        "looked after for 13 weeks since the 14th birthday",
    ),
    Case(
        "care before the 14th birthday does not count towards the 13 weeks",
        "eligible",
        care(D(2022, 2, 1), D(2022, 6, 1)) + care(D(2024, 6, 1)),
        D(2024, 7, 1),
        NONE,
        "looked after for 8 weeks and 3 days since the 14th birthday on 3 May 2022",
    ),
    Case(
        "a child still looked after but under 16 is not yet a care leaver",
        "not-a-care-leaver",
        care(D(2022, 6, 1)),
        D(2024, 5, 2),
        NONE,
        "not a care leaver: aged 15, under 16",
    ),
    Case(
        "a 16-year-old who was eligible and has left care is relevant",
        "relevant",
        care(D(2023, 1, 1), D(2024, 6, 1)),
        D(2024, 9, 1),
        RELEVANT,
        "relevant: looked after for 73 weeks and 6 days since the 14th birthday on "
        "3 May 2022, and left care on 1 June 2024",
    ),
    Case(
        "care that ends on the 16th birthday ended after the child reached 16",
        "age",
        care(D(2023, 1, 1), D(2024, 5, 3)),
        D(2024, 9, 1),
        RELEVANT,
        "left care on 3 May 2024",
        decided_by="relevant",
    ),
    Case(
        "care that ends the day before the 16th birthday makes no care leaver",
        "not-a-care-leaver",
        care(D(2023, 1, 1), D(2024, 5, 2)),
        D(2024, 9, 1),
        NONE,
        "not a care leaver: not looked after since the 16th birthday on 3 May 2024",
        decided_by="qualifying",
    ),
    Case(
        "a child looked after at 16 but not for 13 weeks is qualifying after leaving",
        "qualifying",
        care(D(2024, 6, 1), D(2024, 7, 1)),
        D(2024, 9, 1),
        QUALIFYING,
        "qualifying: looked after after the 16th birthday until 1 July 2024, but looked "
        "after for 4 weeks and 2 days since the 14th birthday",
    ),
    Case(
        "a child detained on the 16th birthday after 13 weeks in care since 14 is relevant",
        "relevant-detained",
        care(D(2023, 1, 1), D(2024, 4, 1), reason="detained"),
        D(2024, 9, 1),
        RELEVANT,
        "relevant: detained on the 16th birthday on 3 May 2024, after being looked after "
        "for 65 weeks",
    ),
    Case(
        "a child in hospital on the 16th birthday after 13 weeks in care since 14 is relevant",
        "relevant-detained",
        care(D(2023, 1, 1), D(2024, 4, 1), reason="hospital"),
        D(2024, 9, 1),
        RELEVANT,
        "relevant: in hospital on the 16th birthday",
    ),
    Case(
        "a child released from detention before the 16th birthday is not relevant",
        "relevant-detained",
        care(D(2023, 1, 1), D(2024, 4, 1), reason="detained") + event("released", D(2024, 4, 20)),
        D(2024, 9, 1),
        NONE,
        "not looked after since the 16th birthday",
        decided_by="qualifying",
    ),
    Case(
        "a child detained on the 16th birthday after fewer than 13 weeks is not relevant",
        "relevant-detained",
        care(D(2024, 2, 1), D(2024, 4, 1), reason="detained"),
        D(2024, 9, 1),
        NONE,
        "not looked after since the 16th birthday",
        decided_by="qualifying",
    ),
    Case(
        "short breaks within the limits do not count towards the 13 weeks",
        "short-breaks",
        monthly_short_breaks(D(2024, 1, 1), 5, 7) + care(D(2024, 6, 1)),
        D(2024, 7, 15),
        NONE,
        "looked after for 6 weeks and 2 days since the 14th birthday",
        decided_by="eligible",
    ),
    Case(
        "the same placements recorded as ordinary care count towards the 13 weeks",
        "eligible",
        [
            Event(e.child_id, e.event, e.occurred, details={})
            for e in monthly_short_breaks(D(2024, 1, 1), 7, 7)
        ]
        + care(D(2024, 8, 1)),
        D(2024, 9, 12),
        ELIGIBLE,
        "looked after for 13 weeks since the 14th birthday",
    ),
    Case(
        "a short break longer than 17 days counts towards the 13 weeks",
        "short-breaks",
        care(D(2024, 5, 1), D(2024, 5, 21), legal_status="V3") + care(D(2024, 6, 1)),
        D(2024, 7, 12),
        NONE,
        "looked after for 8 weeks and 5 days since the 14th birthday",
        decided_by="eligible",
    ),
    Case(
        "short breaks over 75 days in 12 months count towards the 13 weeks",
        "short-breaks",
        monthly_short_breaks(D(2023, 9, 1), 10, 14) + care(D(2024, 7, 1)),
        D(2024, 7, 1),
        ELIGIBLE,
        "eligible: looked after for 20 weeks since the 14th birthday",
        decided_by="eligible",
    ),
    Case(
        "a relevant child who has lived at home for under 6 months stays relevant",
        "home-six-months",
        care(D(2023, 1, 1), D(2024, 6, 1), reason="returned_home"),
        D(2024, 11, 30),
        RELEVANT,
        "relevant: looked after for 73 weeks and 6 days",
        decided_by="relevant",
    ),
    Case(
        "a child who has lived at home for 6 months is not relevant but qualifying",
        "home-six-months",
        care(D(2023, 1, 1), D(2024, 6, 1), reason="returned_home"),
        D(2024, 12, 1),
        QUALIFYING,
        "has lived at home since 1 June 2024, 6 months or more, so is not a relevant child",
    ),
    Case(
        "a return home that breaks down after 6 months makes the child relevant again",
        "home-breakdown",
        care(D(2023, 1, 1), D(2024, 6, 1), reason="returned_home")
        + event("returned_home_ended", D(2025, 1, 10)),
        D(2025, 2, 1),
        RELEVANT,
        "the return home broke down on 10 January 2025",
    ),
    Case(
        "a young person looked after on the 18th birthday after 13 weeks is former relevant",
        "former-relevant",
        care(D(2023, 1, 1)),
        D(2027, 1, 1),
        FORMER,
        "former relevant: looked after for 174 weeks since the 14th birthday on "
        "3 May 2022, and looked after on the 18th birthday on 3 May 2026",
    ),
    Case(
        "a relevant child becomes former relevant at 18",
        "former-relevant",
        care(D(2023, 1, 1), D(2025, 6, 1)),
        D(2026, 6, 1),
        FORMER,
        "former relevant: looked after for 126 weeks since the 14th birthday on "
        "3 May 2022, and left care on 1 June 2025",
    ),
    Case(
        "a young person who went home for 6 months before 18 is qualifying, not former relevant",
        "home-six-months",
        care(D(2023, 1, 1), D(2025, 6, 1), reason="returned_home"),
        D(2026, 6, 1),
        QUALIFYING,
        "has lived at home since 1 June 2025, 6 months or more",
    ),
    Case(
        "a former relevant young person aged 21 and not in education is no longer supported",
        "former-relevant",
        care(D(2023, 1, 1)),
        D(2029, 5, 3),
        NONE,
        "not a care leaver: aged 21, a former relevant young person until the 21st birthday",
    ),
    Case(
        "a former relevant young person aged 21 in education or training stays former relevant",
        "former-relevant-extended",
        care(D(2023, 1, 1)),
        D(2029, 5, 3),
        FORMER,
        "former relevant: aged 21 and in education or training; looked after for",
        options={"in_education_or_training": True},
    ),
    Case(
        "a former relevant young person aged 24 asking for support stays former relevant",
        "former-relevant-extended",
        care(D(2023, 1, 1)),
        D(2033, 5, 2),
        FORMER,
        "former relevant: aged 24 and asking for support",
        options={"wants_support": True},
    ),
    Case(
        "a young person aged 25 is no longer a care leaver even in education",
        "former-relevant-extended",
        care(D(2023, 1, 1)),
        D(2033, 5, 3),
        NONE,
        "not a care leaver: aged 25; leaving-care support ends at 25",
        options={"in_education_or_training": True},
    ),
    Case(
        "a young person looked after from 17 until 18 for under 13 weeks is qualifying",
        "qualifying",
        care(D(2026, 3, 1)),
        D(2026, 6, 1),
        QUALIFYING,
        "qualifying: looked after after the 16th birthday until 3 May 2026",
    ),
    Case(
        "a qualifying young person aged 21 not in education is no longer a care leaver",
        "qualifying",
        care(D(2026, 3, 1)),
        D(2029, 5, 3),
        NONE,
        "not a care leaver: aged 21; qualifying support ends at 21",
    ),
    Case(
        "a qualifying young person aged 22 in education or training stays qualifying",
        "qualifying",
        care(D(2026, 3, 1)),
        D(2030, 6, 1),
        QUALIFYING,
        "qualifying",
        options={"in_education_or_training": True},
    ),
    Case(
        "a child born on 29 February reaches 14 on 1 March in a common year",
        "age",
        care(D(2022, 2, 1)),
        D(2024, 5, 1),
        ELIGIBLE,
        "since the 14th birthday on 1 March 2022",
        born=D(2008, 2, 29),
        decided_by="eligible",
    ),
    Case(
        "a child born on 29 February is still 17 on 28 February in a common year",
        "age",
        care(D(2023, 1, 1)),
        D(2026, 2, 28),
        ELIGIBLE,
        "eligible:",
        born=D(2008, 2, 29),
        decided_by="eligible",
    ),
    Case(
        "a child born on 29 February is 18 on 1 March in a common year",
        "age",
        care(D(2023, 1, 1)),
        D(2026, 3, 1),
        FORMER,
        "looked after on the 18th birthday on 1 March 2026",
        born=D(2008, 2, 29),
        decided_by="former-relevant",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_care_leaver_status_matches_the_hand_worked_case(case: Case) -> None:
    history = [Event("c1", "birth", case.born), *case.history]
    result = care_leaver_status(history, case.as_of, **case.options)
    assert result.status is case.status, result.reason
    assert case.says in result.reason
    assert result.reason.startswith(str(case.status))
    assert result.rule.id == (case.decided_by or case.rule)
    assert result.rule.source.section


def test_every_case_in_the_table_cites_a_rule_and_has_a_unique_name() -> None:
    names = [c.name for c in CASES]
    assert len(set(names)) == len(names)
    assert {c.rule for c in CASES} >= {
        "eligible",
        "short-breaks",
        "relevant",
        "relevant-detained",
        "home-six-months",
        "home-breakdown",
        "former-relevant",
        "former-relevant-extended",
        "qualifying",
        "age",
    }


def test_status_is_recomputed_when_the_care_history_changes() -> None:
    history = [Event("c1", "birth", BORN), *care(D(2023, 1, 1))]
    assert care_leaver_status(history, D(2024, 9, 1)).status is ELIGIBLE
    history += care(D(2023, 1, 1), D(2024, 6, 1))[1:]
    assert care_leaver_status(history, D(2024, 9, 1)).status is RELEVANT


def test_events_after_the_as_of_date_are_ignored() -> None:
    history = [Event("c1", "birth", BORN), *care(D(2023, 1, 1), D(2024, 10, 1))]
    assert care_leaver_status(history, D(2024, 9, 1)).status is ELIGIBLE


def test_a_care_history_without_a_birth_is_refused() -> None:
    with pytest.raises(ValueError, match="no 'birth' event"):
        care_leaver_status(care(D(2023, 1, 1)), D(2024, 9, 1))


def test_birthdays_on_29_february_fall_on_1_march_in_common_years() -> None:
    assert birthday(D(2008, 2, 29), 16) == D(2024, 2, 29)
    assert birthday(D(2008, 2, 29), 17) == D(2025, 3, 1)
    assert age_on(D(2008, 2, 29), D(2025, 2, 28)) == 16
    assert age_on(D(2008, 2, 29), D(2025, 3, 1)) == 17


def test_weeks_are_written_as_weeks_and_days() -> None:
    assert weeks_text(91) == "13 weeks"
    assert weeks_text(90) == "12 weeks and 6 days"
    assert weeks_text(8) == "1 week and 1 day"
    assert weeks_text(0) == "0 days"


@pytest.mark.parametrize(
    "reason",
    ["returned_home", "Returned home to live with parents", "E4A", " e4b "],
)
def test_a_return_home_is_recognised_however_the_reason_is_written(reason: str) -> None:
    # Care Leavers (England) Regulations 2010, reg 3(4): home for 6 months, so qualifying.
    history = [Event("c1", "birth", BORN), *care(D(2024, 1, 1), D(2024, 6, 1), reason)]
    result = care_leaver_status(history, D(2024, 12, 2))
    assert (result.status, result.rule.id) == (QUALIFYING, "home-six-months")


def test_another_reason_for_leaving_care_is_not_a_return_home() -> None:
    history = [Event("c1", "birth", BORN), *care(D(2024, 1, 1), D(2024, 6, 1), "E13")]
    result = care_leaver_status(history, D(2024, 12, 2))
    assert (result.status, result.rule.id) == (RELEVANT, "relevant")
