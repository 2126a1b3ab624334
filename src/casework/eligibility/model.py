"""Eligibility rules as typed Python objects (built by `loader`)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from casework.standards.model import Source


class FactType(enum.StrEnum):
    YES_NO = "yes_no"
    CHOICE = "choice"
    NUMBER = "number"


@dataclass(frozen=True)
class Fact:
    """A recorded fact a decision reads, such as 'mental_health' (yes or no)."""

    name: str
    type: FactType
    title: str
    values: tuple[str, ...] = ()  # for a choice


class Test(enum.StrEnum):
    IS = "is"
    IN = "in"
    BELOW = "below"
    AT_LEAST = "at_least"


@dataclass(frozen=True)
class Condition:
    """One test on one fact: `risk_level is critical`, `age below 18`."""

    fact: str
    test: Test
    values: tuple[str | bool | float, ...]


@dataclass(frozen=True)
class Criterion:
    """A criterion holds when every one of its conditions holds."""

    id: str
    title: str
    when: tuple[Condition, ...]
    source: Source
    only_with_another: bool = False  # counts only when another criterion is met too
    line: int = 0


class DecisionKind(enum.StrEnum):
    COUNT = "count"  # met when at least N criteria hold (after every requirement holds)
    CHOOSE = "choose"  # the first option whose conditions hold


@dataclass(frozen=True)
class Option:
    outcome: str
    when: tuple[Condition, ...]
    source: Source
    line: int = 0


@dataclass(frozen=True)
class Decision:
    id: str
    title: str
    kind: DecisionKind
    source: Source
    facts: dict[str, Fact]
    requires: tuple[Criterion, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    at_least: int = 0
    met_outcome: str = "eligible"
    not_met_outcome: str = "not eligible"
    options: tuple[Option, ...] = ()
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class StatuteRule:
    """One care-leaver rule and where the law says it."""

    id: str
    title: str
    source: Source


@dataclass(frozen=True)
class CareLeaverRules:
    thresholds: dict[str, int]
    rules: dict[str, StatuteRule]

    def __getitem__(self, rule_id: str) -> StatuteRule:
        return self.rules[rule_id]


@dataclass(frozen=True)
class RuleBook:
    decisions: dict[str, Decision]
    care_leaver: CareLeaverRules
