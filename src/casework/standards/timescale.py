"""Timescales as written in practice standards: "10 working days", "6 weeks",
"3 months (91 days)", "48 hours", "1 month".

Where the source gives the days in brackets, the days win (TIMESCALES.md).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Unit(enum.StrEnum):
    WORKING_DAYS = "working days"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    HOURS = "hours"


_UNIT_WORDS: dict[str, Unit] = {
    "working day": Unit.WORKING_DAYS,
    "working days": Unit.WORKING_DAYS,
    "day": Unit.DAYS,
    "days": Unit.DAYS,
    "week": Unit.WEEKS,
    "weeks": Unit.WEEKS,
    "month": Unit.MONTHS,
    "months": Unit.MONTHS,
    "hour": Unit.HOURS,
    "hours": Unit.HOURS,
}

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
}

_PART = r"(?P<n{i}>-?\d+|{words})\s+(?P<u{i}>working\s+days?|days?|weeks?|months?|hours?)"
_WORDS = "|".join(_NUMBER_WORDS)
_PATTERN = re.compile(
    r"^\s*"
    + _PART.format(i=1, words=_WORDS)
    + r"(?:\s*\(\s*"
    + _PART.format(i=2, words=_WORDS)
    + r"\s*\))?\s*$",
    re.IGNORECASE,
)


class TimescaleError(ValueError):
    """A timescale that cannot be read."""


@dataclass(frozen=True, order=True)
class Timescale:
    """An amount of time in one unit. `text` keeps the words the pack used."""

    amount: int
    unit: Unit
    text: str = ""

    def __str__(self) -> str:
        return self.text or self.describe()

    def describe(self) -> str:
        unit = self.unit.value
        if abs(self.amount) == 1:
            unit = unit[:-1]
        return f"{self.amount} {unit}"

    @classmethod
    def parse(cls, text: str) -> Timescale:
        match = _PATTERN.match(text)
        if not match:
            raise TimescaleError(
                f"cannot read timescale {text!r}: expected a number and a unit, such as "
                "'10 working days', '6 weeks', '3 months (91 days)' or '48 hours'"
            )
        first = _part(match.group("n1"), match.group("u1"))
        if match.group("n2"):
            second = _part(match.group("n2"), match.group("u2"))
            if second[1] is not Unit.DAYS:
                raise TimescaleError(
                    f"cannot read timescale {text!r}: the part in brackets must be in days, "
                    "as in '3 months (91 days)'"
                )
            # The source document's own count of days wins over the month arithmetic.
            return cls(amount=second[0], unit=Unit.DAYS, text=" ".join(text.split()))
        return cls(amount=first[0], unit=first[1], text=" ".join(text.split()))


def _part(number: str, unit: str) -> tuple[int, Unit]:
    amount = _NUMBER_WORDS.get(number.lower())
    if amount is None:
        amount = int(number)
    return amount, _UNIT_WORDS[" ".join(unit.lower().split())]
