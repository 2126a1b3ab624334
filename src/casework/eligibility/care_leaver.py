"""Care-leaver status computed from a child's care history, as of a date.

The care history is the child's events: `birth`, `cic_start` and `cic_end`, and two more
that the leaving-care rules need:

- `cic_start` with `legal_status` V3 or V4 (accommodated for short breaks), or a
  `short_break` detail of yes, starts a short break;
- `cic_end` with `reason` `returned_home` (to a parent or a person with parental
  responsibility), `detained` or `hospital`;
- `returned_home_ended`: the young person stopped living at the home they returned to;
- `released`: the young person left detention or hospital.

A period of care runs from its `cic_start` to its `cic_end` (or the 18th birthday). Time
looked after is counted in whole days from the start date up to, not including, the end
date, so 13 weeks is 91 days; a child whose care ends on their 16th birthday was looked
after on that day, so after reaching 16.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from casework.eligibility.loader import rules
from casework.eligibility.model import CareLeaverRules, StatuteRule
from casework.engine.types import Event
from casework.standards.values import normalise

# The events the status is worked out from: recording, correcting or withdrawing one of
# these changes the young person's status.
CARE_HISTORY_EVENTS = frozenset(
    {"birth", "cic_start", "cic_end", "returned_home_ended", "released", "care_leaver_contact"}
)
SHORT_BREAK_LEGAL_STATUSES = frozenset({"v3", "v4"})
IN_EDUCATION_OR_TRAINING = frozenset({"education", "training"})
RETURNED_HOME = "returned_home"
DETAINED_OR_IN_HOSPITAL = frozenset({"detained", "hospital"})


class CareLeaverStatus(enum.StrEnum):
    ELIGIBLE = "eligible"
    RELEVANT = "relevant"
    FORMER_RELEVANT = "former relevant"
    QUALIFYING = "qualifying"
    NONE = "not a care leaver"


@dataclass(frozen=True)
class CareLeaverResult:
    status: CareLeaverStatus
    reason: str  # one plain sentence, starting with the status
    rule: StatuteRule  # the rule that decided it, with its source
    days_looked_after: int  # counted since the 14th birthday, short breaks excluded
    as_of: dt.date


@dataclass(frozen=True)
class Period:
    """One period of being looked after. `end` is None while it continues."""

    start: dt.date
    end: dt.date | None
    short_break: bool = False
    end_reason: str = ""


def birthday(born: dt.date, age: int) -> dt.date:
    """The day a person born on `born` reaches `age`: 29 February births reach it on
    1 March in years that are not leap years."""
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return dt.date(born.year + age, 3, 1)


def age_on(born: dt.date, day: dt.date) -> int:
    age = day.year - born.year
    return age if day >= birthday(born, age) else age - 1


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 1st of the next month when that day does not exist."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    try:
        return day.replace(year=year, month=month)
    except ValueError:
        return dt.date(year + month // 12, month % 12 + 1, 1)


def weeks_text(days: int) -> str:
    weeks, rest = divmod(days, 7)
    parts = []
    if weeks:
        parts.append(f"{weeks} week{'s' if weeks != 1 else ''}")
    if rest or not weeks:
        parts.append(f"{rest} day{'s' if rest != 1 else ''}")
    return " and ".join(parts)


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def care_periods(events: Iterable[Event]) -> list[Period]:
    """Pair each `cic_start` with the next `cic_end`, in date order."""
    out: list[Period] = []
    start: Event | None = None
    ordered = sorted(
        (e for e in events if e.event in ("cic_start", "cic_end")),
        key=lambda e: (e.occurred, e.event != "cic_end"),
    )
    for event in ordered:
        if event.event == "cic_start":
            if start is None:
                start = event
        elif start is not None:
            out.append(_period(start, event.occurred, event.details.get("reason", "")))
            start = None
    if start is not None:
        out.append(_period(start, None, ""))
    return out


def _period(start: Event, end: dt.date | None, reason: str) -> Period:
    legal = normalise(start.details.get("legal_status", ""))
    short = (
        legal in SHORT_BREAK_LEGAL_STATUSES
        or normalise(start.details.get("short_break", "")) == "true"
    )
    return Period(start.occurred, end, short, end_reason(reason))


# How care ended, as returns and councils write it: SSDA903's E4A and E4B are a return
# home to a parent or another person with parental responsibility.
_RETURNED_HOME_CODES = frozenset({"e4a", "e4b"})


def end_reason(reason: str) -> str:
    """The `cic_end` reason in the words the rules read: `returned_home`, `detained`,
    `hospital`, or the reason as written (normalised)."""
    text = normalise(reason)
    if text in _RETURNED_HOME_CODES or text.replace("_", " ").startswith("returned home"):
        return RETURNED_HOME
    return text


class _History:
    def __init__(self, events: list[Event], as_of: dt.date, book: CareLeaverRules) -> None:
        self.t = book.thresholds
        self.book = book
        self.as_of = as_of
        births = [e.occurred for e in events if e.event == "birth"]
        if not births:
            raise ValueError("the care history has no 'birth' event")
        self.born = births[0]
        self.b14 = birthday(self.born, self.t["counted_from_age"])
        self.b16 = birthday(self.born, self.t["leaving_care_age"])
        self.b18 = birthday(self.born, self.t["adult_age"])
        seen = [e for e in events if e.occurred <= as_of]
        periods = []
        for p in care_periods(seen):
            if p.start >= self.b18:
                continue
            end: dt.date | None = self.b18 if p.end is None or p.end > self.b18 else p.end
            if end == self.b18 and as_of < self.b18 and p.end is None:
                end = None  # still looked after
            periods.append(Period(p.start, end, p.short_break, p.end_reason))
        breaks = [p for p in periods if p.short_break]
        if self._within_short_break_limits(breaks):
            periods = [p for p in periods if not p.short_break]
        self.periods = periods
        self.home_ended = sorted(e.occurred for e in seen if e.event == "returned_home_ended")
        self.released = sorted(e.occurred for e in seen if e.event == "released")

    def _within_short_break_limits(self, breaks: list[Period]) -> bool:
        """Short breaks within the limits of regulation 48 do not count as being looked
        after: none longer than 17 days, and no more than 75 days in any 12 months. A
        series that goes beyond them is ordinary care, and all of it counts."""
        if not breaks or any(p.end is None for p in breaks):
            return False
        longest = self.t["short_break_max_days"]
        if any((p.end - p.start).days > longest for p in breaks if p.end is not None):
            return False
        for p in breaks:
            assert p.end is not None
            year_before = add_months(p.end, -12)
            total = sum(
                (min(q.end, p.end) - max(q.start, year_before)).days
                for q in breaks
                if q.end is not None and q.end > year_before and q.start < p.end
            )
            if total > self.t["short_breaks_max_days_a_year"]:
                return False
        return True

    def days_to(self, until: dt.date) -> int:
        """Days looked after from the 14th birthday up to, not including, `until`."""
        total = 0
        for p in self.periods:
            start = max(p.start, self.b14)
            end = min(p.end or until, until)
            if end > start:
                total += (end - start).days
        return total

    def looked_after_now(self) -> bool:
        return any(
            p.start <= self.as_of and (p.end is None or p.end > self.as_of) for p in self.periods
        )

    def enough(self, days: int) -> bool:
        return days >= 7 * self.t["weeks_looked_after"]

    def last_end(self, before: dt.date) -> Period | None:
        ended = [p for p in self.periods if p.end is not None and p.end <= before]
        return max(ended, key=lambda p: p.start) if ended else None

    def result(
        self, status: CareLeaverStatus, rule: str, reason: str, days: int
    ) -> CareLeaverResult:
        return CareLeaverResult(status, reason, self.book[rule], days, self.as_of)

    def since14(self, days: int) -> str:
        return (
            f"looked after for {weeks_text(days)} since the 14th birthday on {long_date(self.b14)}"
        )

    def home_since(self, left: Period) -> tuple[dt.date, dt.date | None] | None:
        """When the young person went home, and when that ended (None if still there)."""
        if left.end is None or left.end_reason != RETURNED_HOME:
            return None
        ended = [d for d in self.home_ended if d >= left.end]
        return left.end, (ended[0] if ended else None)

    def relevant(self, adult: bool) -> CareLeaverResult | None:
        """Relevant (or, from 18, former relevant) under s23A and regulation 3."""
        status = CareLeaverStatus.FORMER_RELEVANT if adult else CareLeaverStatus.RELEVANT
        last = self.last_end(min(self.as_of, self.b18))
        if last is not None and last.end is not None and last.end >= self.b16:
            days = self.days_to(last.end)
            if self.enough(days):
                why = f"{self.since14(days)}, and left care on {long_date(last.end)}"
                home = self.home_since(last)
                if home is not None:
                    went, ended = home
                    six = add_months(went, self.t["home_months"])
                    if ended is None and self.as_of >= six:
                        return self.result(
                            CareLeaverStatus.QUALIFYING,
                            "home-six-months",
                            f"qualifying: {self.since14(days)}, but has lived at home since "
                            f"{long_date(went)}, 6 months or more, so is not a relevant child",
                            days,
                        )
                    if ended is not None and ended >= six:
                        return self.result(
                            status,
                            "former-relevant" if adult else "home-breakdown",
                            f"{status}: {why}; the return home broke down on {long_date(ended)}",
                            days,
                        )
                return self.result(
                    status, "former-relevant" if adult else "relevant", f"{status}: {why}", days
                )
        detained = [
            p
            for p in self.periods
            if p.end is not None and p.end < self.b16 and p.end_reason in DETAINED_OR_IN_HOSPITAL
        ]
        if detained:
            p = max(detained, key=lambda q: q.start)
            assert p.end is not None
            released = [d for d in self.released if p.end <= d < self.b16]
            later = [q for q in self.periods if p.end <= q.start <= self.b16]
            days = self.days_to(p.end)
            if not released and not later and self.enough(days):
                place = "in hospital" if p.end_reason == "hospital" else "detained"
                return self.result(
                    status,
                    "former-relevant" if adult else "relevant-detained",
                    f"{status}: {place} on the 16th birthday on {long_date(self.b16)}, "
                    f"after being {self.since14(days)}",
                    days,
                )
        return None


def care_leaver_status(
    events: Iterable[Event],
    as_of: dt.date,
    *,
    in_education_or_training: bool = False,
    wants_support: bool = False,
) -> CareLeaverResult:
    """The young person's care-leaver status on `as_of`, from their care history.

    `in_education_or_training` and `wants_support` matter only from the 21st birthday:
    they keep a former relevant young person in that status until 25 (and a qualifying one
    in education or training).
    """
    book = rules().care_leaver
    h = _History(list(events), as_of, book)
    t = book.thresholds
    age = age_on(h.born, as_of)
    none = CareLeaverStatus.NONE
    if as_of < h.b16:
        return h.result(none, "not-a-care-leaver", f"{none}: aged {age}, under 16", 0)
    if age < t["adult_age"]:
        if h.looked_after_now():
            days = h.days_to(as_of)
            if h.enough(days):
                return h.result(
                    CareLeaverStatus.ELIGIBLE,
                    "eligible",
                    f"eligible: {h.since14(days)}, and still looked after",
                    days,
                )
            short = 7 * t["weeks_looked_after"] - days
            return h.result(
                none,
                "eligible",
                f"{none} yet: {h.since14(days)}, fewer than {t['weeks_looked_after']} weeks; "
                f"eligible on {long_date(as_of + dt.timedelta(days=short))} if still looked after",
                days,
            )
        found = h.relevant(adult=False)
        if found is not None:
            return found
        return _qualifying_or_none(h, age, in_education_or_training)

    if age >= t["extended_support_until_age"]:
        return h.result(
            none,
            "former-relevant-extended",
            f"{none}: aged {age}; leaving-care support ends at {t['extended_support_until_age']}",
            h.days_to(h.b18),
        )
    found = _former_relevant(h)
    if found is not None and found.status is CareLeaverStatus.QUALIFYING:
        return _qualifying_or_none(h, age, in_education_or_training, found)
    if found is not None:
        if age < t["support_until_age"]:
            return found
        if in_education_or_training or wants_support:
            because = (
                "in education or training" if in_education_or_training else "asking for support"
            )
            return h.result(
                CareLeaverStatus.FORMER_RELEVANT,
                "former-relevant-extended",
                f"former relevant: aged {age} and {because}; {found.reason.split(': ', 1)[1]}",
                found.days_looked_after,
            )
        return h.result(
            none,
            "former-relevant",
            f"{none}: aged {age}, a former relevant young person until the 21st birthday, "
            "and not in education or training or asking for support",
            found.days_looked_after,
        )
    return _qualifying_or_none(h, age, in_education_or_training)


def in_education_or_training(events: Iterable[Event], as_of: dt.date) -> bool:
    """Whether the latest contact with the care leaver, on or before `as_of`, found them in
    education or training (the `activity` recorded on `care_leaver_contact`)."""
    contacts = [
        e
        for e in events
        if e.event == "care_leaver_contact" and e.occurred <= as_of and e.details.get("activity")
    ]
    if not contacts:
        return False
    latest = max(contacts, key=lambda e: e.occurred)
    return normalise(latest.details["activity"]) in IN_EDUCATION_OR_TRAINING


def _former_relevant(h: _History) -> CareLeaverResult | None:
    status = CareLeaverStatus.FORMER_RELEVANT
    at18 = [p for p in h.periods if p.start < h.b18 and p.end is not None and p.end >= h.b18]
    if at18:
        days = h.days_to(h.b18)
        if h.enough(days):
            return h.result(
                status,
                "former-relevant",
                f"{status}: {h.since14(days)}, and looked after on the 18th birthday on "
                f"{long_date(h.b18)}",
                days,
            )
    return h.relevant(adult=True)


def _qualifying_or_none(
    h: _History, age: int, in_education: bool, found: CareLeaverResult | None = None
) -> CareLeaverResult:
    t = h.t
    none = CareLeaverStatus.NONE
    after16 = [p for p in h.periods if p.end is None or p.end >= h.b16]
    if not after16:
        return h.result(
            none,
            "qualifying",
            f"{none}: not looked after since the 16th birthday on {long_date(h.b16)}",
            h.days_to(min(h.as_of, h.b18)),
        )
    last = max(after16, key=lambda p: p.start)
    assert last.end is not None
    days = h.days_to(last.end)
    limit = t["extended_support_until_age"] if in_education else t["support_until_age"]
    if age >= limit:
        return h.result(
            none,
            "qualifying",
            f"{none}: aged {age}; qualifying support ends at {t['support_until_age']} "
            f"({t['extended_support_until_age']} in education or training)",
            days,
        )
    if found is not None:
        return found
    return h.result(
        CareLeaverStatus.QUALIFYING,
        "qualifying",
        f"qualifying: looked after after the 16th birthday until {long_date(last.end)}, "
        f"but {h.since14(days)}, fewer than {t['weeks_looked_after']} weeks",
        days,
    )
