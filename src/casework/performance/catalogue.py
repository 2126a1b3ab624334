"""Which indicators the pages show and the refresh stores, which periods, and the names
of the cuts as people read them."""

from __future__ import annotations

from functools import cache

from casework.insight import (
    Indicator,
    Period,
    PeriodKind,
    compliance_indicators,
    load_indicators,
)
from casework.insight.compute import CUTS
from casework.records.evaluation import current_pack

# How many periods of each kind the refresh keeps, the latest counted to today.
PERIODS: dict[PeriodKind, int] = {
    PeriodKind.WEEK: 13,
    PeriodKind.MONTH: 24,
    PeriodKind.QUARTER: 8,
    PeriodKind.YEAR: 5,
}
EXTRA_CUTS = ("team", "worker", "case_type")
CUT_NAMES = {
    "team": "Team",
    "worker": "Worker",
    "case_type": "Case type",
    "age_band": "Age band",
    "sex": "Sex",
    "ethnicity": "Ethnicity",
    "disability": "Disability",
}
ALL_CUTS = ("team", "worker", "case_type", *CUTS)
# Compliance with each of the pack's standards is kept by team only, which is what the
# pages show for it (there are hundreds of standards).
STANDARD_CUTS = ("team",)
STANDARD_PERIODS = (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR)
PREFIX = "compliance-"


@cache
def _bundled() -> tuple[Indicator, ...]:
    return load_indicators()


@cache
def _standards(pack_name: str) -> tuple[Indicator, ...]:
    return tuple(compliance_indicators(current_pack()))


def headline() -> tuple[Indicator, ...]:
    """The bundled indicators (national measures, recommendation 29, overall compliance)."""
    return _bundled()


def per_standard() -> tuple[Indicator, ...]:
    """Compliance with each checkable standard of the active pack."""
    return _standards(current_pack().name)


def every() -> tuple[Indicator, ...]:
    return (*headline(), *per_standard())


def find(indicator_id: str) -> Indicator | None:
    return next((i for i in every() if i.id == indicator_id), None)


def is_per_standard(indicator_id: str) -> bool:
    return indicator_id.startswith(PREFIX)


def per_standard_indicator(indicator: Indicator) -> bool:
    return is_per_standard(indicator.id)


def cuts_for(indicator: Indicator) -> tuple[str, ...]:
    return STANDARD_CUTS if is_per_standard(indicator.id) else ALL_CUTS


def wanted(indicator: Indicator, period: Period) -> bool:
    """Which periods the refresh keeps for an indicator: weeks only for the headline ones."""
    return not is_per_standard(indicator.id) or period.kind in STANDARD_PERIODS


def is_percentage(indicator: Indicator) -> bool:
    return not indicator.is_count
