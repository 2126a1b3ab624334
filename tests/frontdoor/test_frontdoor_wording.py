"""How long a timer has left, in words, and the day-23 reminder date."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casework.frontdoor.reminder import day_23, invite
from casework.frontdoor.wording import day_left, span, time_left

LONDON = ZoneInfo("Europe/London")
NOW = dt.datetime(2024, 6, 28, 15, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "less than a minute left"),
        (59, "less than a minute left"),
        (60, "1 minute left"),
        (3 * 3600 + 20 * 60, "3 hours 20 minutes left"),
        (3600, "1 hour left"),
        (24 * 3600, "1 day left"),
        (26 * 3600 + 59 * 60, "1 day 2 hours left"),
        (-2 * 3600, "2 hours overdue"),
        (-(62 * 3600), "2 days 14 hours overdue"),
        (-90, "1 minute overdue"),
    ],
)
def test_time_left_reads_as_a_duty_worker_would_say_it(seconds: int, words: str) -> None:
    assert time_left(NOW + dt.timedelta(seconds=seconds), NOW) == words


def test_time_left_counts_real_hours_across_the_clock_change() -> None:
    before = dt.datetime(2024, 10, 26, 9, 0, tzinfo=LONDON)
    after = dt.datetime(2024, 10, 27, 9, 0, tzinfo=LONDON)  # 25 real hours later
    assert time_left(after, before) == "1 day 1 hour left"


_UNITS = {"day": 86400, "days": 86400, "hour": 3600, "hours": 3600, "minute": 60, "minutes": 60}


@given(st.integers(min_value=-30 * 86400, max_value=30 * 86400))
def test_the_words_never_overstate_the_time_and_are_close_to_it(seconds: int) -> None:
    words = time_left(NOW + dt.timedelta(seconds=seconds), NOW)
    assert words.endswith(" left") == (seconds >= 0)
    said = sum(int(n) * _UNITS[u] for n, u in re.findall(r"(\d+) (\w+)", words))
    assert said <= abs(seconds)
    # Two units at most, so the rest is under the smaller unit shown (a day's minutes are
    # dropped: under an hour).
    slack = 3600 if abs(seconds) >= 86400 else 60
    assert abs(seconds) - said < slack


def test_span_never_shows_more_than_two_units() -> None:
    assert span(86400 + 3600 + 60) == "1 day 1 hour"
    assert span(2 * 86400 + 60) == "2 days"


@pytest.mark.parametrize(
    ("due", "words"),
    [
        (dt.date(2024, 6, 28), "due today"),
        (dt.date(2024, 6, 29), "due tomorrow"),
        (dt.date(2024, 7, 3), "due in 5 days"),
        (dt.date(2024, 6, 27), "1 day overdue"),
        (dt.date(2024, 6, 25), "3 days overdue"),
    ],
)
def test_day_left_for_timers_counted_in_days(due: dt.date, words: str) -> None:
    assert day_left(due, dt.date(2024, 6, 28)) == words


def test_day_23_is_two_working_days_before_the_25_day_assessment_is_due() -> None:
    # Started Friday 28 June 2024; 25 working days later is Friday 2 August, so day 23 is
    # Wednesday 31 July.
    assert day_23(dt.date(2024, 6, 28), "england-and-wales") == dt.date(2024, 7, 31)


def test_day_23_skips_bank_holidays() -> None:
    # Started Friday 29 March 2024 (Good Friday); Easter Monday 1 April is not a working day.
    assert day_23(dt.date(2024, 3, 28), "england-and-wales") == dt.date(2024, 5, 2)


def test_the_invite_names_no_child() -> None:
    body = invite(dt.date(2024, 6, 28), "abc123def456", "https://casework.example", NOW)
    assert "DTSTART;VALUE=DATE:20240731" in body
    assert "abc123def456" in body
    assert body.endswith("END:VCALENDAR\r\n")
