"""How long a timer has left, in words a duty worker reads at a glance. No Django here."""

from __future__ import annotations

import datetime as dt

_MINUTE = 60
_HOUR = 60 * _MINUTE
_DAY = 24 * _HOUR


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def span(seconds: int) -> str:
    """A length of time to the minute: '3 hours 20 minutes', '2 days 1 hour', '5 minutes'.

    Two units at most; under a minute reads as 'less than a minute'."""
    seconds = abs(seconds)
    if seconds < _MINUTE:
        return "less than a minute"
    days, rest = divmod(seconds, _DAY)
    hours, rest = divmod(rest, _HOUR)
    minutes = rest // _MINUTE
    parts = [
        _plural(n, unit) for n, unit in ((days, "day"), (hours, "hour"), (minutes, "minute")) if n
    ]
    if days:  # minutes do not matter two days out
        parts = [p for p in parts if not p.endswith(("minute", "minutes"))]
    return " ".join(parts[:2])


def time_left(due_at: dt.datetime, now: dt.datetime) -> str:
    """'3 hours 20 minutes left' before the due time, '2 hours overdue' after it.

    Both times must be aware; the difference is real elapsed time (so across a clock
    change an hour is still an hour)."""
    # Python subtracts two times in the same zone by their wall clocks; in UTC the
    # difference is the real one.
    seconds = int((due_at.astimezone(dt.UTC) - now.astimezone(dt.UTC)).total_seconds())
    if seconds >= 0:
        return f"{span(seconds)} left"
    return f"{span(seconds)} overdue"


def day_left(due: dt.date, today: dt.date) -> str:
    """For a timer counted in days: 'due today', 'due tomorrow', 'due in 4 days',
    '1 day overdue'."""
    days = (due - today).days
    if days == 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    if days > 1:
        return f"due in {days} days"
    return f"{_plural(-days, 'day')} overdue"
