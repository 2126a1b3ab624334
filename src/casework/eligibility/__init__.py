"""Eligibility and status rules: service criteria as cited data, and care-leaver status."""

from casework.eligibility.care_leaver import (
    CareLeaverResult,
    CareLeaverStatus,
    care_leaver_status,
)
from casework.eligibility.criteria import FactError, Result, decide
from casework.eligibility.loader import RulesError, load_rules, rules

__all__ = [
    "CareLeaverResult",
    "CareLeaverStatus",
    "FactError",
    "Result",
    "RulesError",
    "care_leaver_status",
    "decide",
    "load_rules",
    "rules",
]
