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
from casework.insight.england import EnglandFigure, england_figures, latest_england
from casework.insight.loader import INDICATORS_DIR, IndicatorError, load_indicators
from casework.insight.model import Direction, Indicator, Kind, Measure, Source, Test
from casework.insight.owed import Owed
from casework.insight.periods import Period, PeriodKind, period_from_key, periods
from casework.insight.series import SeriesFigure, compute_series
from casework.insight.whatif import Compliance, WhatIf, change_interval, what_if

__all__ = [
    "AGE_BANDS",
    "CUTS",
    "INDICATORS_DIR",
    "Compliance",
    "Direction",
    "EnglandFigure",
    "EventIndex",
    "Figure",
    "Indicator",
    "IndicatorError",
    "Kind",
    "Measure",
    "Owed",
    "Period",
    "PeriodKind",
    "Result",
    "SeriesFigure",
    "Source",
    "Test",
    "WhatIf",
    "change_interval",
    "compliance_indicators",
    "compute",
    "compute_all",
    "compute_series",
    "england_figures",
    "latest_england",
    "load_indicators",
    "period_from_key",
    "periods",
    "what_if",
]
