"""What-if on a history built so that the answer is known: visits every 18 working days
are all late against a 15-working-day standard and all on time against 20."""

from __future__ import annotations

import datetime as dt

import pytest

from casework.calendar import calendar_for
from casework.engine import Event
from casework.insight.whatif import change_interval, interval_names, what_if
from casework.standards import load_pack
from casework.standards.timescale import Timescale

START = dt.date(2023, 4, 1)
END = dt.date(2024, 3, 31)
WORKING = calendar_for("england-and-wales")


def history(children: int, gap: int) -> tuple[list[Event], int, dt.date]:
    """Children on a child in need plan from 3 April 2023, visited every `gap` working
    days while the next visit stays more than 20 working days clear of the end; returns
    the events, how many visits each child had and the day of the last."""
    events = []
    visits = 0
    day = START
    for n in range(children):
        child = f"c{n}"
        begun = dt.date(2023, 4, 3)
        events.append(Event(child, "birth", dt.date(2015, 1, 1), details={"sex": "F"}))
        events.append(Event(child, "cin_plan_start", begun, episode_id=f"{child}-cin"))
        day = begun
        visits = 0
        while WORKING.add(day, gap + 20) <= END:
            day = WORKING.add(day, gap)
            events.append(Event(child, "cin_visit", day, episode_id=f"{child}-cin"))
            visits += 1
    return events, visits, day


def overdue_after(last: dt.date, days: int) -> int:
    """1 if the obligation after the last visit fell due before the end (and so is
    overdue, not met, at the end), else 0 (due on or after the end: still open)."""
    return int(WORKING.add(last, days) < END)


def test_visits_every_18_working_days_are_late_at_15_and_on_time_at_20() -> None:
    events, visits, last = history(children=3, gap=18)
    pack = load_pack("wokingham-2020")
    found = what_if(events, pack, "cin-visit", 0, Timescale.parse("20 working days"), START, END)
    assert found.old == Timescale.parse("15 working days")
    assert found.new == Timescale.parse("20 working days")
    # each visit met one obligation; the one after the last visit may be overdue
    late = (0, 3 * visits, 3 * overdue_after(last, 15))
    assert (found.now.met, found.now.late, found.now.overdue) == late
    on_time = (3 * visits, 0, 3 * overdue_after(last, 20))
    assert (found.then.met, found.then.late, found.then.overdue) == on_time
    assert found.now.on_time == 0
    assert found.then.on_time == visits / (visits + overdue_after(last, 20))
    assert found.children == 3


def test_a_stricter_timescale_shows_visits_that_would_have_been_late() -> None:
    events, visits, _ = history(children=2, gap=12)
    pack = load_pack("wokingham-2020")
    found = what_if(events, pack, "cin-visit", 0, Timescale.parse("10 working days"), START, END)
    assert (found.now.met, found.now.late) == (2 * visits, 0)
    assert (found.then.met, found.then.late) == (0, 2 * visits)


def test_changing_one_interval_leaves_the_rest_of_the_pack_alone() -> None:
    pack = load_pack("wokingham-2020")
    changed = change_interval(pack, "cin-visit", 0, Timescale.parse("20 working days"))
    assert changed.get("cin-visit").intervals == (Timescale.parse("20 working days"),)
    assert pack.get("cin-visit").intervals == (Timescale.parse("15 working days"),)
    others = [s for s in changed.standards if s.id != "cin-visit"]
    assert others == [s for s in pack.standards if s.id != "cin-visit"]
    with pytest.raises(KeyError):
        change_interval(pack, "no-such-standard", 0, Timescale.parse("1 day"))
    assert interval_names(pack.get("cin-visit")) == ["Every"]
