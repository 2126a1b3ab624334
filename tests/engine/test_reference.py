"""The reference evaluator on hand-worked cases from TIMESCALES.md and docs/counting.md.

Each test states the rows it expects as a table; every date in them was counted by hand
with a calendar.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from casework.engine.reference import evaluate
from casework.engine.types import Event, Obligation
from casework.standards import Pack, load_pack

D = dt.date


# --- helpers ---------------------------------------------------------------------------


def when(text: str) -> tuple[dt.date, dt.datetime | None]:
    """'2024-01-08' -> (date, None); '2024-10-26 09:00' -> (date, datetime)."""
    if " " in text:
        at = dt.datetime.fromisoformat(text)
        return at.date(), at
    return dt.date.fromisoformat(text), None


def ev(
    child: str,
    event: str,
    occurred: str,
    *,
    recorded: str | None = None,
    episode_id: str = "",
    **details: str,
) -> Event:
    day, at = when(occurred)
    recorded_day, recorded_at = when(recorded) if recorded else (None, None)
    return Event(
        child_id=child,
        event=event,
        occurred=day,
        occurred_at=at,
        recorded=recorded_day,
        recorded_at=recorded_at,
        episode_id=episode_id,
        details=details,
    )


HEADER = """\
pack: test
title: Test pack
version: "1"
document: "T"
calendar: {calendar}
standards:
"""


def make_pack(tmp_path: Path, standards: str, *, calendar: str = "england-and-wales") -> Pack:
    """A pack from the YAML of its standards. Each `- id: X` gets `title: X` and a source
    section, which the loader requires and these tests do not need."""
    lines = []
    for line in textwrap.dedent(standards).strip().splitlines():
        lines.append("  " + line)
        if line.startswith("- id: "):
            lines.append(f"    title: {line[6:]}")
            lines.append("    source: {section: Tests}")
    path = tmp_path / "pack.yaml"
    path.write_text(HEADER.format(calendar=calendar) + "\n".join(lines) + "\n", encoding="utf-8")
    return load_pack(str(path))


COLUMNS: dict[str, Callable[[Obligation], str]] = {
    "child": lambda o: o.child_id,
    "standard": lambda o: o.standard,
    "k": lambda o: str(o.sequence),
    "trigger": lambda o: o.trigger.isoformat(),
    "trigger event": lambda o: o.trigger_event,
    "due": lambda o: o.due.isoformat(),
    "due at": lambda o: o.due_at.strftime("%Y-%m-%d %H:%M") if o.due_at else "-",
    "met on": lambda o: o.met_on.isoformat() if o.met_on else "-",
    "met by": lambda o: o.met_event or "-",
    "status": lambda o: o.status.value,
    "episode": lambda o: o.episode_id or "-",
}


def check(obligations: list[Obligation], expected: str) -> None:
    """Compare obligations with a table whose header names the columns to compare ('-' for
    nothing). The rows must match in order."""
    lines = [line.strip() for line in expected.strip().splitlines()]
    header = [cell.strip() for cell in lines[0].split("|")]
    want = [tuple(cell.strip() for cell in line.split("|")) for line in lines[1:]]
    got = [tuple(COLUMNS[column](o) for column in header) for o in obligations]
    assert got == want, "\n" + "\n".join(" | ".join(row) for row in [tuple(header), *got])


@pytest.fixture(scope="module")
def wokingham() -> Pack:
    return load_pack("wokingham-2020")


# --- the worked example ----------------------------------------------------------------

WORKED_EXAMPLE = [
    ev("C1", "cp_plan_start", "2024-01-08"),
    ev("C1", "cp_visit", "2024-01-19"),
    ev("C1", "cp_visit", "2024-02-02"),
    ev("C1", "cp_visit", "2024-02-20"),
]


def test_the_worked_example_in_the_specification_gives_its_table(wokingham: Pack) -> None:
    check(
        evaluate(WORKED_EXAMPLE, wokingham, D(2024, 3, 1), standards=["cp-visit"]),
        """
        k | trigger    | trigger event | due        | met on     | met by   | status
        1 | 2024-01-08 | cp_plan_start | 2024-01-22 | 2024-01-19 | cp_visit | met
        2 | 2024-01-19 | cp_visit      | 2024-02-02 | 2024-02-02 | cp_visit | met
        3 | 2024-02-02 | cp_visit      | 2024-02-16 | 2024-02-20 | cp_visit | late
        4 | 2024-02-20 | cp_visit      | 2024-03-05 | -          | -        | open
        """,
    )


def test_events_after_the_as_of_date_are_ignored(wokingham: Pack) -> None:
    # As of 15 February the visit of 20 February and the end of the plan on 16 February
    # have not happened: the third visit is still open and the plan has not ended.
    events = [*WORKED_EXAMPLE, ev("C1", "cp_plan_end", "2024-02-16")]
    check(
        evaluate(events, wokingham, D(2024, 2, 15), standards=["cp-visit"]),
        """
        k | trigger    | due        | met on     | status
        1 | 2024-01-08 | 2024-01-22 | 2024-01-19 | met
        2 | 2024-01-19 | 2024-02-02 | 2024-02-02 | met
        3 | 2024-02-02 | 2024-02-16 | -          | open
        """,
    )


def test_only_the_standards_asked_for_are_evaluated(wokingham: Pack) -> None:
    rows = evaluate(WORKED_EXAMPLE, wokingham, D(2024, 3, 1), standards=["cp-visit", "rcpc"])
    assert {o.standard for o in rows} == {"cp-visit", "rcpc"}


def test_standards_that_cannot_be_checked_are_never_evaluated(wokingham: Pack) -> None:
    unchecked = {s.id for s in wokingham.standards if not s.checkable}
    assert unchecked
    rows = evaluate(WORKED_EXAMPLE, wokingham, D(2024, 3, 1), standards=unchecked)
    assert rows == []


# --- units -----------------------------------------------------------------------------

ONE_OFF = """
- id: due
  kind: one-off
  trigger: referral
  within: {within}
  met_by: assessment_complete
"""


@pytest.mark.parametrize(
    ("calendar", "trigger", "within", "due"),
    [
        # Christmas and New Year 2024-25: 25 and 26 December, 1 January.
        ("england-and-wales", "2024-12-20", "1 working day", "2024-12-23"),
        ("england-and-wales", "2024-12-20", "3 working days", "2024-12-27"),
        ("england-and-wales", "2024-12-20", "5 working days", "2024-12-31"),
        ("england-and-wales", "2024-12-20", "6 working days", "2025-01-02"),
        ("england-and-wales", "2024-12-24", "1 working day", "2024-12-27"),
        ("england-and-wales", "2024-12-25", "1 working day", "2024-12-27"),
        # Christmas 2023 falls on Monday and Tuesday; New Year's Day 2024 on a Monday.
        ("england-and-wales", "2023-12-22", "1 working day", "2023-12-27"),
        ("england-and-wales", "2023-12-29", "1 working day", "2024-01-02"),
        # Easter 2024: Good Friday 29 March, Easter Monday 1 April.
        ("england-and-wales", "2024-03-28", "1 working day", "2024-04-02"),
        ("england-and-wales", "2024-03-28", "3 working days", "2024-04-04"),
        ("england-and-wales", "2024-03-30", "1 working day", "2024-04-02"),
        # Easter 2025: Good Friday 18 April, Easter Monday 21 April.
        ("england-and-wales", "2025-04-17", "2 working days", "2025-04-23"),
        # From a weekend: 1 working day after a Saturday or a Sunday is the Monday.
        ("england-and-wales", "2024-01-06", "1 working day", "2024-01-08"),
        ("england-and-wales", "2024-01-07", "1 working day", "2024-01-08"),
        ("england-and-wales", "2024-01-06", "10 working days", "2024-01-19"),
        # 45 working days across Easter and the early May bank holiday (6 May 2024).
        ("england-and-wales", "2024-03-05", "45 working days", "2024-05-10"),
        # Scotland also has 2 January; Northern Ireland 17 March (observed on Monday 18
        # March in 2024) and 12 July.
        ("scotland", "2023-12-29", "1 working day", "2024-01-03"),
        ("northern-ireland", "2024-03-15", "1 working day", "2024-03-19"),
        ("england-and-wales", "2024-03-15", "1 working day", "2024-03-18"),
        ("northern-ireland", "2024-07-11", "1 working day", "2024-07-15"),
        ("england-and-wales", "2024-07-11", "1 working day", "2024-07-12"),
        # Calendar days and weeks.
        ("england-and-wales", "2024-02-26", "5 days", "2024-03-02"),
        ("england-and-wales", "2023-12-29", "2 weeks", "2024-01-12"),
        # Months: the same day of the month, or the month's last day if it is shorter.
        ("england-and-wales", "2024-01-31", "1 month", "2024-02-29"),
        ("england-and-wales", "2023-01-31", "1 month", "2023-02-28"),
        ("england-and-wales", "2025-01-31", "1 month", "2025-02-28"),
        ("england-and-wales", "2024-01-30", "1 month", "2024-02-29"),
        ("england-and-wales", "2024-03-31", "1 month", "2024-04-30"),
        ("england-and-wales", "2024-01-31", "2 months", "2024-03-31"),
        ("england-and-wales", "2023-12-31", "2 months", "2024-02-29"),
        ("england-and-wales", "2023-08-31", "6 months", "2024-02-29"),
        ("england-and-wales", "2024-11-30", "3 months", "2025-02-28"),
        ("england-and-wales", "2024-02-29", "12 months", "2025-02-28"),
        # Where the source gives the days in brackets, the days win.
        ("england-and-wales", "2024-06-01", "3 months", "2024-09-01"),
        ("england-and-wales", "2024-06-01", "3 months (91 days)", "2024-08-31"),
        ("england-and-wales", "2024-09-01", "6 months (183 days)", "2025-03-03"),
    ],
)
def test_a_due_date_is_counted_by_hand_from_the_units_table(
    tmp_path: Path, calendar: str, trigger: str, within: str, due: str
) -> None:
    pack = make_pack(tmp_path, ONE_OFF.format(within=within), calendar=calendar)
    rows = evaluate([ev("C1", "referral", trigger)], pack, D(2025, 6, 1))
    assert [o.due.isoformat() for o in rows] == [due]


def test_a_due_date_is_inclusive(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, ONE_OFF.format(within="1 month"))
    events = [
        ev("ON", "referral", "2024-01-31"),
        ev("ON", "assessment_complete", "2024-02-29"),
        ev("LATE", "referral", "2024-01-31"),
        ev("LATE", "assessment_complete", "2024-03-01"),
    ]
    check(
        evaluate(events, pack, D(2024, 6, 1)),
        """
        child | trigger    | due        | met on     | status
        LATE  | 2024-01-31 | 2024-02-29 | 2024-03-01 | late
        ON    | 2024-01-31 | 2024-02-29 | 2024-02-29 | met
        """,
    )


def test_review_conferences_use_the_days_in_brackets(wokingham: Pack) -> None:
    # rcpc: first 3 months (91 days), then every 6 months (183 days).
    events = [
        ev("C1", "cp_plan_start", "2024-06-01"),
        ev("C1", "rcpc", "2024-09-01"),
    ]
    check(
        evaluate(events, wokingham, D(2024, 10, 1), standards=["rcpc"]),
        """
        k | trigger    | trigger event | due        | met on     | status
        1 | 2024-06-01 | cp_plan_start | 2024-08-31 | 2024-09-01 | late
        2 | 2024-09-01 | rcpc          | 2025-03-03 | -          | open
        """,
    )


# --- one-off standards -----------------------------------------------------------------


def test_a_one_off_is_met_on_the_day_of_its_trigger(wokingham: Pack) -> None:
    events = [
        ev("C1", "referral", "2024-03-05"),
        ev("C1", "assessment_complete", "2024-03-05"),
    ]
    check(
        evaluate(events, wokingham, D(2024, 3, 20), standards=["assessment"]),
        """
        k | trigger    | trigger event | due        | met on     | met by              | status
        1 | 2024-03-05 | referral      | 2024-05-10 | 2024-03-05 | assessment_complete | met
        """,
    )


def test_an_event_before_the_trigger_does_not_meet_it(wokingham: Pack) -> None:
    events = [
        ev("C1", "assessment_complete", "2024-03-04"),
        ev("C1", "referral", "2024-03-05"),
    ]
    check(
        evaluate(events, wokingham, D(2024, 3, 20), standards=["assessment"]),
        """
        k | trigger    | due        | met on | status
        1 | 2024-03-05 | 2024-05-10 | -      | open
        """,
    )


def test_one_event_meets_only_the_earliest_of_two_triggers(wokingham: Pack) -> None:
    events = [
        ev("C1", "referral", "2024-02-01"),
        ev("C1", "referral", "2024-02-08"),
        ev("C1", "assessment_complete", "2024-02-20"),
        # Two referrals on one day and one assessment: the first referral is met.
        ev("C2", "referral", "2024-02-08"),
        ev("C2", "referral", "2024-02-08"),
        ev("C2", "assessment_complete", "2024-02-08"),
        # An assessment between the referrals meets the first; the second is still owed.
        ev("C3", "referral", "2024-02-01"),
        ev("C3", "assessment_complete", "2024-02-05"),
        ev("C3", "referral", "2024-02-08"),
    ]
    check(
        evaluate(events, wokingham, D(2024, 5, 1), standards=["assessment"]),
        """
        child | k | trigger    | due        | met on     | status
        C1    | 1 | 2024-02-01 | 2024-04-08 | 2024-02-20 | met
        C1    | 2 | 2024-02-08 | 2024-04-15 | -          | overdue
        C2    | 1 | 2024-02-08 | 2024-04-15 | 2024-02-08 | met
        C2    | 2 | 2024-02-08 | 2024-04-15 | -          | overdue
        C3    | 1 | 2024-02-01 | 2024-04-08 | 2024-02-05 | met
        C3    | 2 | 2024-02-08 | 2024-04-15 | -          | overdue
        """,
    )


def test_a_one_off_can_be_met_late(wokingham: Pack) -> None:
    events = [
        ev("C1", "referral", "2024-02-01"),
        ev("C1", "assessment_complete", "2024-04-09"),
    ]
    check(
        evaluate(events, wokingham, D(2024, 5, 1), standards=["assessment"]),
        """
        k | trigger    | due        | met on     | status
        1 | 2024-02-01 | 2024-04-08 | 2024-04-09 | late
        """,
    )


def test_a_waiver_before_the_due_date_means_the_conference_is_not_owed(
    wokingham: Pack,
) -> None:
    # icpc: within 15 working days of s47_start, waived by icpc_not_required. A section 47
    # enquiry starting on Monday 1 July 2024 has its conference due on 22 July.
    events = [
        ev("WAIVED", "s47_start", "2024-07-01"),
        ev("WAIVED", "icpc_not_required", "2024-07-05"),
        ev("SAME-DAY", "s47_start", "2024-07-01"),
        ev("SAME-DAY", "icpc_not_required", "2024-07-01"),
        ev("MET-FIRST", "s47_start", "2024-07-01"),
        ev("MET-FIRST", "icpc", "2024-07-10"),
        ev("MET-FIRST", "icpc_not_required", "2024-07-12"),
        ev("WAIVED-THEN-HELD", "s47_start", "2024-07-01"),
        ev("WAIVED-THEN-HELD", "icpc_not_required", "2024-07-05"),
        ev("WAIVED-THEN-HELD", "icpc", "2024-07-10"),
        ev("ON-DUE-DATE", "s47_start", "2024-07-01"),
        ev("ON-DUE-DATE", "icpc_not_required", "2024-07-22"),
        ev("AFTER-DUE", "s47_start", "2024-07-01"),
        ev("AFTER-DUE", "icpc_not_required", "2024-07-31"),
        ev("BEFORE-TRIGGER", "icpc_not_required", "2024-06-28"),
        ev("BEFORE-TRIGGER", "s47_start", "2024-07-01"),
    ]
    check(
        evaluate(events, wokingham, D(2024, 8, 1), standards=["icpc"]),
        """
        child          | trigger    | due        | met on     | status
        AFTER-DUE      | 2024-07-01 | 2024-07-22 | -          | overdue
        BEFORE-TRIGGER | 2024-07-01 | 2024-07-22 | -          | overdue
        MET-FIRST      | 2024-07-01 | 2024-07-22 | 2024-07-10 | met
        ON-DUE-DATE    | 2024-07-01 | 2024-07-22 | -          | overdue
        """,
    )


def test_a_waived_obligation_leaves_the_meeting_event_to_the_next_one(
    tmp_path: Path,
) -> None:
    pack = make_pack(
        tmp_path,
        """
        - id: icpc
          kind: one-off
          trigger: s47_start
          within: 15 working days
          met_by: icpc
          waived_by: icpc_not_required
        """,
    )
    events = [
        ev("C1", "s47_start", "2024-07-01"),
        ev("C1", "icpc_not_required", "2024-07-03"),
        ev("C1", "s47_start", "2024-07-08"),
        ev("C1", "icpc", "2024-07-10"),
    ]
    check(
        evaluate(events, pack, D(2024, 8, 1)),
        """
        k | trigger    | due        | met on     | status
        2 | 2024-07-08 | 2024-07-29 | 2024-07-10 | met
        """,
    )


# --- episodes --------------------------------------------------------------------------

PLAN_SHARED = """
- id: plan-shared
  kind: one-off
  trigger: cp_plan_start
  within: 10 working days
  met_by: plan_shared
  episode: child_protection
- id: core-group
  kind: one-off
  trigger: cp_visit
  within: 5 working days
  met_by: core_group
  episode: child_protection
"""


def test_a_one_off_is_not_owed_if_its_episode_ends_before_its_due_date(
    tmp_path: Path,
) -> None:
    # A plan starting on Monday 8 January 2024 has the plan shared by 22 January.
    pack = make_pack(tmp_path, PLAN_SHARED)
    events = [
        ev("ENDS-BEFORE", "cp_plan_start", "2024-01-08"),
        ev("ENDS-BEFORE", "cp_plan_end", "2024-01-12"),
        ev("ENDS-AFTER", "cp_plan_start", "2024-01-08"),
        ev("ENDS-AFTER", "cp_plan_end", "2024-01-26"),
        ev("ENDS-ON-DUE", "cp_plan_start", "2024-01-08"),
        ev("ENDS-ON-DUE", "cp_plan_end", "2024-01-22"),
        ev("MET-THEN-ENDS", "cp_plan_start", "2024-01-08"),
        ev("MET-THEN-ENDS", "plan_shared", "2024-01-10"),
        ev("MET-THEN-ENDS", "cp_plan_end", "2024-01-12"),
        ev("SHARED-AFTER-END", "cp_plan_start", "2024-01-08"),
        ev("SHARED-AFTER-END", "cp_plan_end", "2024-01-12"),
        ev("SHARED-AFTER-END", "plan_shared", "2024-01-15"),
        ev("LATE-AFTER-END", "cp_plan_start", "2024-01-08"),
        ev("LATE-AFTER-END", "cp_plan_end", "2024-01-26"),
        ev("LATE-AFTER-END", "plan_shared", "2024-01-29"),
    ]
    check(
        evaluate(events, pack, D(2024, 3, 1), standards=["plan-shared"]),
        """
        child          | trigger    | due        | met on     | status
        ENDS-AFTER     | 2024-01-08 | 2024-01-22 | -          | overdue
        ENDS-ON-DUE    | 2024-01-08 | 2024-01-22 | -          | overdue
        LATE-AFTER-END | 2024-01-08 | 2024-01-22 | -          | overdue
        MET-THEN-ENDS  | 2024-01-08 | 2024-01-22 | 2024-01-10 | met
        """,
    )


def test_an_episode_that_ends_after_the_as_of_date_has_not_ended(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, PLAN_SHARED)
    events = [
        ev("C1", "cp_plan_start", "2024-01-08"),
        ev("C1", "cp_plan_end", "2024-01-12"),
    ]
    check(
        evaluate(events, pack, D(2024, 1, 10), standards=["plan-shared"]),
        """
        trigger    | due        | status
        2024-01-08 | 2024-01-22 | open
        """,
    )


def test_a_trigger_outside_its_episode_opens_nothing_but_keeps_its_number(
    tmp_path: Path,
) -> None:
    # The visit on 3 January is before the plan and is trigger 1 of core-group; the visit
    # on 10 January (trigger 2) is inside it. The visit on 22 January is after the end.
    pack = make_pack(tmp_path, PLAN_SHARED)
    events = [
        ev("C1", "cp_visit", "2024-01-03"),
        ev("C1", "cp_plan_start", "2024-01-08"),
        ev("C1", "cp_visit", "2024-01-10"),
        ev("C1", "cp_plan_end", "2024-01-19"),
        ev("C1", "cp_visit", "2024-01-22"),
        ev("C1", "core_group", "2024-01-12"),
    ]
    check(
        evaluate(events, pack, D(2024, 3, 1), standards=["core-group"]),
        """
        k | trigger    | due        | met on     | status
        2 | 2024-01-10 | 2024-01-17 | 2024-01-12 | met
        """,
    )


def test_episode_ids_pair_starts_and_ends(wokingham: Pack) -> None:
    # Plan P1 runs from 8 January to 9 February; the end of P2 does not end it.
    events = [
        ev("C1", "cp_plan_start", "2024-01-08", episode_id="P1"),
        ev("C1", "cp_plan_end", "2024-01-20", episode_id="P2"),
        ev("C1", "cp_visit", "2024-01-19"),
        ev("C1", "cp_visit", "2024-02-02"),
        ev("C1", "cp_plan_end", "2024-02-09", episode_id="P1"),
    ]
    check(
        evaluate(events, wokingham, D(2024, 3, 1), standards=["cp-visit"]),
        """
        k | trigger    | due        | met on     | status | episode
        1 | 2024-01-08 | 2024-01-22 | 2024-01-19 | met    | P1
        2 | 2024-01-19 | 2024-02-02 | 2024-02-02 | met    | P1
        """,
    )


def test_a_new_start_closes_the_open_episode_on_that_day(wokingham: Pack) -> None:
    # Without ids, the start on 1 February ends the first plan that day. Its second visit
    # (due 2 February) is not owed, and the visit on 5 February belongs to the new plan.
    # The end on 1 January, with no plan open, is ignored.
    events = [
        ev("C1", "cp_plan_end", "2024-01-01"),
        ev("C1", "cp_plan_start", "2024-01-08"),
        ev("C1", "cp_visit", "2024-01-19"),
        ev("C1", "cp_plan_start", "2024-02-01"),
        ev("C1", "cp_visit", "2024-02-05"),
    ]
    check(
        evaluate(events, wokingham, D(2024, 3, 1), standards=["cp-visit"]),
        """
        k | trigger    | trigger event | due        | met on     | status
        1 | 2024-01-08 | cp_plan_start | 2024-01-22 | 2024-01-19 | met
        1 | 2024-02-01 | cp_plan_start | 2024-02-15 | 2024-02-05 | met
        2 | 2024-02-05 | cp_visit      | 2024-02-19 | -          | overdue
        """,
    )


# --- recurring standards ---------------------------------------------------------------


def test_a_chain_uses_its_first_second_and_every_intervals(wokingham: Pack) -> None:
    # cic-review: first 20 working days, then 3 months (91 days), then every 6 months.
    events = [
        ev("C1", "cic_start", "2024-01-08"),
        ev("C1", "cic_review", "2024-02-01"),
        ev("C1", "cic_review", "2024-05-07"),
        ev("C1", "cic_review", "2024-11-01"),
    ]
    check(
        evaluate(events, wokingham, D(2025, 6, 1), standards=["cic-review"]),
        """
        k | trigger    | trigger event | due        | met on     | status
        1 | 2024-01-08 | cic_start     | 2024-02-05 | 2024-02-01 | met
        2 | 2024-02-01 | cic_review    | 2024-05-02 | 2024-05-07 | late
        3 | 2024-05-07 | cic_review    | 2024-11-07 | 2024-11-01 | met
        4 | 2024-11-01 | cic_review    | 2025-05-01 | -          | overdue
        """,
    )


def test_core_groups_are_due_in_10_working_days_then_every_6_weeks(wokingham: Pack) -> None:
    events = [
        ev("C1", "cp_plan_start", "2024-01-08"),
        ev("C1", "core_group", "2024-01-22"),
        ev("C1", "core_group", "2024-03-08"),
    ]
    check(
        evaluate(events, wokingham, D(2024, 4, 1), standards=["core-group"]),
        """
        k | trigger    | due        | met on     | status
        1 | 2024-01-08 | 2024-01-22 | 2024-01-22 | met
        2 | 2024-01-22 | 2024-03-04 | 2024-03-08 | late
        3 | 2024-03-08 | 2024-04-19 | -          | open
        """,
    )


def test_a_visit_on_the_anchor_day_does_not_count(wokingham: Pack) -> None:
    # Two visits on 19 January are one visit: the second does not meet k = 2.
    events = [
        ev("C1", "cp_plan_start", "2024-01-08"),
        ev("C1", "cp_visit", "2024-01-08"),
        ev("C1", "cp_visit", "2024-01-19"),
        ev("C1", "cp_visit", "2024-01-19"),
    ]
    check(
        evaluate(events, wokingham, D(2024, 1, 25), standards=["cp-visit"]),
        """
        k | trigger    | due        | met on     | status
        1 | 2024-01-08 | 2024-01-22 | 2024-01-19 | met
        2 | 2024-01-19 | 2024-02-02 | -          | open
        """,
    )


def test_a_chain_ends_with_its_episode(wokingham: Pack) -> None:
    events = [
        # Ends on 9 February: k = 3 (due 16 February) is not owed; the visit on 12
        # February is after the end and does not count.
        ev("ENDS", "cp_plan_start", "2024-01-08"),
        ev("ENDS", "cp_visit", "2024-01-19"),
        ev("ENDS", "cp_visit", "2024-02-02"),
        ev("ENDS", "cp_plan_end", "2024-02-09"),
        ev("ENDS", "cp_visit", "2024-02-12"),
        # Ends on 6 February, after k = 2 was due (2 February) and unmet: overdue, and the
        # visit after the end does not meet it.
        ev("OVERDUE", "cp_plan_start", "2024-01-08"),
        ev("OVERDUE", "cp_visit", "2024-01-19"),
        ev("OVERDUE", "cp_plan_end", "2024-02-06"),
        ev("OVERDUE", "cp_visit", "2024-02-07"),
        # k = 2 met late on 7 February, before the end on 9 February; k = 3 is not owed.
        ev("LATE", "cp_plan_start", "2024-01-08"),
        ev("LATE", "cp_visit", "2024-01-19"),
        ev("LATE", "cp_visit", "2024-02-07"),
        ev("LATE", "cp_plan_end", "2024-02-09"),
        # k = 2 is due 2 February, after the end on 26 January, and met before the end.
        ev("MET-BEFORE-END", "cp_plan_start", "2024-01-08"),
        ev("MET-BEFORE-END", "cp_visit", "2024-01-19"),
        ev("MET-BEFORE-END", "cp_visit", "2024-01-25"),
        ev("MET-BEFORE-END", "cp_plan_end", "2024-01-26"),
    ]
    check(
        evaluate(events, wokingham, D(2024, 3, 1), standards=["cp-visit"]),
        """
        child          | k | trigger    | due        | met on     | status
        ENDS           | 1 | 2024-01-08 | 2024-01-22 | 2024-01-19 | met
        ENDS           | 2 | 2024-01-19 | 2024-02-02 | 2024-02-02 | met
        LATE           | 1 | 2024-01-08 | 2024-01-22 | 2024-01-19 | met
        LATE           | 2 | 2024-01-19 | 2024-02-02 | 2024-02-07 | late
        MET-BEFORE-END | 1 | 2024-01-08 | 2024-01-22 | 2024-01-19 | met
        MET-BEFORE-END | 2 | 2024-01-19 | 2024-02-02 | 2024-01-25 | met
        OVERDUE        | 1 | 2024-01-08 | 2024-01-22 | 2024-01-19 | met
        OVERDUE        | 2 | 2024-01-19 | 2024-02-02 | -          | overdue
        """,
    )


def test_a_visit_on_the_last_day_of_the_plan_still_counts(wokingham: Pack) -> None:
    # k = 2 is due 2 February, after the plan ends on 26 January, but a visit on the last
    # day of the plan met it; k = 3 would be due after the end and is not owed.
    events = [
        ev("C1", "cp_plan_start", "2024-01-08"),
        ev("C1", "cp_visit", "2024-01-19"),
        ev("C1", "cp_visit", "2024-01-26"),
        ev("C1", "cp_plan_end", "2024-01-26"),
    ]
    check(
        evaluate(events, wokingham, D(2024, 3, 1), standards=["cp-visit"]),
        """
        k | trigger    | due        | met on     | status
        1 | 2024-01-08 | 2024-01-22 | 2024-01-19 | met
        2 | 2024-01-19 | 2024-02-02 | 2024-01-26 | met
        """,
    )


def test_an_anchor_outside_its_episode_starts_no_chain(tmp_path: Path) -> None:
    pack = make_pack(
        tmp_path,
        """
        - id: placement-visits
          kind: recurring
          anchor: placement_start
          every: 6 weeks
          met_by: cic_visit
          episode: child_in_care
        """,
    )
    events = [
        ev("C1", "placement_start", "2024-01-02"),
        ev("C1", "cic_start", "2024-01-05"),
        ev("C1", "placement_start", "2024-01-05"),
    ]
    check(
        evaluate(events, pack, D(2024, 3, 1)),
        """
        k | trigger    | due        | status
        1 | 2024-01-05 | 2024-02-16 | overdue
        """,
    )


# --- hours -----------------------------------------------------------------------------

PHONE = """
- id: phone
  kind: one-off
  trigger: phone_message_received
  within: 24 hours
  met_by: phone_message_answered
- id: phone-36
  kind: one-off
  trigger: phone_message_received
  within: 36 hours
  met_by: phone_message_answered
"""


def test_hours_are_real_hours_across_the_october_clock_change(tmp_path: Path) -> None:
    # Clocks go back at 02:00 on Sunday 27 October 2024: 24 hours after 09:00 on Saturday
    # is 08:00 on Sunday.
    pack = make_pack(tmp_path, PHONE)
    events = [
        ev("ON-TIME", "phone_message_received", "2024-10-26 09:00"),
        ev("ON-TIME", "phone_message_answered", "2024-10-27 08:00"),
        ev("LATE", "phone_message_received", "2024-10-26 09:00"),
        ev("LATE", "phone_message_answered", "2024-10-27 08:30"),
        ev("LATE-EVENING", "phone_message_received", "2024-10-26 23:30"),
        ev("LATE-EVENING", "phone_message_answered", "2024-10-27 22:45"),
        ev("NO-TIME-ON-ANSWER", "phone_message_received", "2024-10-26 09:00"),
        ev("NO-TIME-ON-ANSWER", "phone_message_answered", "2024-10-27"),
    ]
    check(
        evaluate(events, pack, D(2024, 11, 1), standards=["phone"]),
        """
        child             | trigger    | due        | due at           | met on     | status
        LATE              | 2024-10-26 | 2024-10-27 | 2024-10-27 08:00 | 2024-10-27 | late
        LATE-EVENING      | 2024-10-26 | 2024-10-27 | 2024-10-27 22:30 | 2024-10-27 | late
        NO-TIME-ON-ANSWER | 2024-10-26 | 2024-10-27 | 2024-10-27 08:00 | 2024-10-27 | met
        ON-TIME           | 2024-10-26 | 2024-10-27 | 2024-10-27 08:00 | 2024-10-27 | met
        """,
    )


def test_hours_are_real_hours_across_the_march_clock_change(tmp_path: Path) -> None:
    # Clocks go forward at 01:00 on Sunday 31 March 2024: 24 hours after 09:00 on
    # Saturday is 10:00 on Sunday.
    pack = make_pack(tmp_path, PHONE)
    events = [
        ev("ON-TIME", "phone_message_received", "2024-03-30 09:00"),
        ev("ON-TIME", "phone_message_answered", "2024-03-31 09:30"),
        ev("LATE", "phone_message_received", "2024-03-30 09:00"),
        ev("LATE", "phone_message_answered", "2024-03-31 10:30"),
    ]
    check(
        evaluate(events, pack, D(2024, 4, 5), standards=["phone"]),
        """
        child   | due at           | met on     | status
        LATE    | 2024-03-31 10:00 | 2024-03-31 | late
        ON-TIME | 2024-03-31 10:00 | 2024-03-31 | met
        """,
    )


def test_a_trigger_with_no_time_is_due_after_whole_days(tmp_path: Path) -> None:
    # 24 hours from a date: the next day; 36 hours: two days later (ceil(36/24) = 2).
    pack = make_pack(tmp_path, PHONE)
    events = [
        ev("ON-TIME", "phone_message_received", "2024-10-26"),
        ev("ON-TIME", "phone_message_answered", "2024-10-27 23:00"),
        ev("LATE", "phone_message_received", "2024-10-26"),
        ev("LATE", "phone_message_answered", "2024-10-28 00:10"),
    ]
    check(
        evaluate(events, pack, D(2024, 11, 1)),
        """
        child   | standard | due        | due at | met on     | status
        LATE    | phone    | 2024-10-27 | -      | 2024-10-28 | late
        LATE    | phone-36 | 2024-10-28 | -      | 2024-10-28 | met
        ON-TIME | phone    | 2024-10-27 | -      | 2024-10-27 | met
        ON-TIME | phone-36 | 2024-10-28 | -      | 2024-10-27 | met
        """,
    )


# --- recording -------------------------------------------------------------------------

RECORDING = """
- id: notes
  kind: recording
  trigger: [case_note, cp_visit]
  within: 48 hours
- id: supervision
  kind: recording
  trigger: supervision
  within: 2 working days
"""


def test_recording_standards_are_met_by_the_events_own_recorded_time(
    tmp_path: Path,
) -> None:
    pack = make_pack(tmp_path, RECORDING)
    events = [
        ev("A-ON-TIME", "case_note", "2024-03-01 10:00", recorded="2024-03-03 09:00"),
        ev("B-LATE", "case_note", "2024-03-01 10:00", recorded="2024-03-03 10:01"),
        ev("C-DATES", "cp_visit", "2024-03-01", recorded="2024-03-03"),
        ev("D-NOT-RECORDED", "case_note", "2024-03-01 10:00"),
        ev("E-AFTER-AS-OF", "case_note", "2024-03-01 10:00", recorded="2024-04-10 09:00"),
        # 48 hours from noon on Friday 29 March 2024 is 13:00 on Sunday 31 March (BST).
        ev("F-CLOCKS", "case_note", "2024-03-29 12:00", recorded="2024-03-31 12:30"),
        # 2 working days after Thursday 28 March 2024 (Easter): Wednesday 3 April.
        ev("G-EASTER", "supervision", "2024-03-28", recorded="2024-04-03"),
    ]
    check(
        evaluate(events, pack, D(2024, 4, 5)),
        """
        child         | standard    | trigger    | due        | due at           | met on     | met by      | status
        A-ON-TIME     | notes       | 2024-03-01 | 2024-03-03 | 2024-03-03 10:00 | 2024-03-03 | case_note   | met
        B-LATE        | notes       | 2024-03-01 | 2024-03-03 | 2024-03-03 10:00 | 2024-03-03 | case_note   | late
        C-DATES       | notes       | 2024-03-01 | 2024-03-03 | -                | 2024-03-03 | cp_visit    | met
        E-AFTER-AS-OF | notes       | 2024-03-01 | 2024-03-03 | 2024-03-03 10:00 | -          | -           | overdue
        F-CLOCKS      | notes       | 2024-03-29 | 2024-03-31 | 2024-03-31 13:00 | 2024-03-31 | case_note   | met
        G-EASTER      | supervision | 2024-03-28 | 2024-04-03 | -                | 2024-04-03 | supervision | met
        """,  # noqa: E501
    )


# --- before standards ------------------------------------------------------------------

REPORT = """
- id: report
  kind: before
  trigger: [icpc, rcpc]
  before: 2 working days
  met_by: icpc_report
"""


def test_before_standards_are_due_working_days_before_the_trigger(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, REPORT)
    events = [
        # Thursday 11 July 2024: 2 working days before is Tuesday 9 July.
        ev("A-MET", "icpc_report", "2024-07-08"),
        ev("A-MET", "icpc", "2024-07-11"),
        ev("B-LATE", "icpc_report", "2024-07-10"),
        ev("B-LATE", "icpc", "2024-07-11"),
        ev("C-NONE", "icpc", "2024-07-11"),
        # Monday 15 July: Thursday 11 July, over the weekend.
        ev("D-MONDAY", "icpc_report", "2024-07-11"),
        ev("D-MONDAY", "icpc", "2024-07-15"),
        # Tuesday 2 April 2024: Wednesday 27 March, over Easter.
        ev("E-EASTER", "icpc_report", "2024-03-28"),
        ev("E-EASTER", "icpc", "2024-04-02"),
        # The report for the first conference, and one on its day, do not count for the
        # review conference on Thursday 10 October (due Tuesday 8 October).
        ev("F-TWO", "icpc_report", "2024-07-01"),
        ev("F-TWO", "icpc", "2024-07-11"),
        ev("F-TWO", "icpc_report", "2024-07-11"),
        ev("F-TWO", "rcpc", "2024-10-10"),
    ]
    check(
        evaluate(events, pack, D(2024, 10, 31)),
        """
        child    | k | trigger    | trigger event | due        | met on     | status
        A-MET    | 1 | 2024-07-11 | icpc          | 2024-07-09 | 2024-07-08 | met
        B-LATE   | 1 | 2024-07-11 | icpc          | 2024-07-09 | 2024-07-10 | late
        C-NONE   | 1 | 2024-07-11 | icpc          | 2024-07-09 | -          | overdue
        D-MONDAY | 1 | 2024-07-15 | icpc          | 2024-07-11 | 2024-07-11 | met
        E-EASTER | 1 | 2024-04-02 | icpc          | 2024-03-27 | 2024-03-28 | late
        F-TWO    | 1 | 2024-07-11 | icpc          | 2024-07-09 | 2024-07-01 | met
        F-TWO    | 2 | 2024-10-10 | rcpc          | 2024-10-08 | -          | overdue
        """,
    )


# --- birthdays -------------------------------------------------------------------------

BIRTHDAYS = """
- id: health
  kind: one-off
  trigger: {birthday: 16}
  within: 1 month
  met_by: health_assessment
- id: adviser
  kind: before
  trigger: {birthday: 17}
  before: 1 day
  met_by: personal_adviser_allocated
- id: in-care-health
  kind: one-off
  trigger: {birthday: 16}
  within: 10 working days
  met_by: health_assessment
  episode: child_in_care
"""


def test_birthdays_trigger_standards_and_29_february_falls_on_28_february(
    tmp_path: Path,
) -> None:
    pack = make_pack(tmp_path, BIRTHDAYS)
    events = [
        # 16th birthday on 29 February 2024; 17th on 28 February 2025. Came into care the
        # day after the 16th birthday, so in-care-health is not owed.
        ev("LEAP", "birth", "2008-02-29"),
        ev("LEAP", "health_assessment", "2024-03-15"),
        ev("LEAP", "cic_start", "2024-03-01"),
        ev("LEAP", "personal_adviser_allocated", "2025-02-01"),
        # 16th birthday on Saturday 15 June 2024, in care; 17th after the as-of date, which
        # opens the adviser standard ahead of it, still open.
        ev("JUNE", "birth", "2008-06-15"),
        ev("JUNE", "cic_start", "2024-01-01"),
        # No date of birth: no birthdays.
        ev("UNKNOWN", "health_assessment", "2024-03-15"),
    ]
    check(
        evaluate(events, pack, D(2025, 6, 1)),
        """
        child | standard       | k | trigger    | trigger event | due        | met on     | status
        JUNE  | adviser        | 1 | 2025-06-15 | birthday      | 2025-06-14 | -          | open
        JUNE  | health         | 1 | 2024-06-15 | birthday      | 2024-07-15 | -          | overdue
        JUNE  | in-care-health | 1 | 2024-06-15 | birthday      | 2024-06-28 | -          | overdue
        LEAP  | adviser        | 1 | 2025-02-28 | birthday      | 2025-02-27 | 2025-02-01 | met
        LEAP  | health         | 1 | 2024-02-29 | birthday      | 2024-03-29 | 2024-03-15 | met
        """,
    )


# --- conditions on details -------------------------------------------------------------


def test_only_visits_where_the_child_was_seen_alone_count(tmp_path: Path) -> None:
    pack = make_pack(
        tmp_path,
        """
        - id: seen-alone
          kind: recurring
          anchor: cp_plan_start
          every: 10 working days
          met_by: {event: cp_visit, where: {seen_alone: yes}}
          episode: child_protection
        """,
    )
    events = [
        ev("C1", "cp_plan_start", "2024-01-08"),
        ev("C1", "cp_visit", "2024-01-12", seen_alone="no"),
        ev("C1", "cp_visit", "2024-01-15"),
        ev("C1", "cp_visit", "2024-01-17", seen_alone=" Yes "),
        ev("C1", "cp_visit", "2024-01-19", seen_alone="Y"),
        ev("C1", "cp_visit", "2024-01-25", seen_alone="true"),
        ev("C1", "cp_visit", "2024-02-05", seen_alone="0"),
    ]
    check(
        evaluate(events, pack, D(2024, 2, 10)),
        """
        k | trigger    | due        | met on     | status
        1 | 2024-01-08 | 2024-01-22 | 2024-01-17 | met
        2 | 2024-01-17 | 2024-01-31 | 2024-01-19 | met
        3 | 2024-01-19 | 2024-02-02 | 2024-01-25 | met
        4 | 2024-01-25 | 2024-02-08 | -          | overdue
        """,
    )


def test_conditions_on_triggers_choose_which_events_open_obligations(
    tmp_path: Path,
) -> None:
    pack = make_pack(
        tmp_path,
        """
        - id: neglect
          kind: one-off
          trigger: {event: cp_plan_start, where: {category: [neglect, emotional]}}
          within: 5 days
          met_by: core_group
        - id: not-alone
          kind: one-off
          trigger: {event: cp_visit, where: {seen_alone: {not: yes}}}
          within: 5 days
          met_by: core_group
        - id: seen-recorded
          kind: one-off
          trigger: {event: cp_visit, where: {seen: {present: true}}}
          within: 5 days
          met_by: core_group
        """,
    )
    events = [
        ev("A", "cp_plan_start", "2024-01-08", category=" NEGLECT"),
        ev("A", "cp_visit", "2024-01-09", seen_alone="N", seen=""),
        ev("A", "cp_visit", "2024-01-10", seen="yes"),
        ev("A", "cp_visit", "2024-01-11", seen_alone="Yes", seen="no"),
        ev("A", "core_group", "2024-01-12"),
        ev("B", "cp_plan_start", "2024-01-08", category="physical"),
    ]
    check(
        evaluate(events, pack, D(2024, 2, 1)),
        """
        child | standard      | k | trigger    | due        | met on     | status
        A     | neglect       | 1 | 2024-01-08 | 2024-01-13 | 2024-01-12 | met
        A     | not-alone     | 1 | 2024-01-09 | 2024-01-14 | 2024-01-12 | met
        A     | not-alone     | 2 | 2024-01-10 | 2024-01-15 | -          | overdue
        A     | seen-recorded | 1 | 2024-01-10 | 2024-01-15 | 2024-01-12 | met
        A     | seen-recorded | 2 | 2024-01-11 | 2024-01-16 | -          | overdue
        """,
    )
