"""The day-23 reminder: when the duty manager allocates a child and family assessment, the
receiving assistant team manager gets a calendar invite for day 23, two working days
before the 25-working-day assessment is due (seed 002, Duty Team (MASH) 6; the pack keeps
that standard as not checkable, and `assessment-25-days` times the assessment itself).

The invite names no child: only the record's opaque id."""

from __future__ import annotations

import datetime as dt

from casework.calendar import calendar_for
from casework.records.evaluation import current_pack

ASSESSMENT_DAYS = 25
REMINDER_DAY = 23


def day_23(started: dt.date, region: str | None = None) -> dt.date:
    """The 23rd working day after the assessment started (the day it started is day 0)."""
    calendar = calendar_for(region or current_pack().calendar)
    return calendar.add(started, REMINDER_DAY)


def invite(started: dt.date, public_id: str, base_url: str, stamp: dt.datetime) -> str:
    """An iCalendar file (RFC 5545) holding one all-day event on day 23."""
    day = day_23(started)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Casework//Front door//EN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:day-23-{started:%Y%m%d}-{public_id}@casework",
        f"DTSTAMP:{stamp.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:Day 23 of the assessment ({public_id}): due in 2 working days",
        f"URL:{base_url}/records/{public_id}/",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(line + "\r\n" for line in lines)
