"""Insight: performance indicators defined as data and computed from events.

Plain Python, no Django: the management information pages, reports and benchmarks all
call it.
"""

from casework.insight.compute import (
    AGE_BANDS,
    CUTS,
    EventIndex,
    Figure,
    Result,
    compliance_indicators,
    compute,
    compute_all,
)
from casework.insight.loader import INDICATORS_DIR, IndicatorError, load_indicators
from casework.insight.model import Direction, Indicator, Kind, Measure, Source

__all__ = [
    "AGE_BANDS",
    "CUTS",
    "INDICATORS_DIR",
    "Direction",
    "EventIndex",
    "Figure",
    "Indicator",
    "IndicatorError",
    "Kind",
    "Measure",
    "Result",
    "Source",
    "compliance_indicators",
    "compute",
    "compute_all",
    "load_indicators",
]
