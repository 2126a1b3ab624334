"""The standards engine: (events, pack, as-of date) -> obligations.

A library with no Django in it: the web app, the CLI, the importers and the benchmarks
all call it.
"""

from casework.engine.evaluate import evaluate, evaluate_events
from casework.engine.explain import explain
from casework.engine.obligations import ObligationTable
from casework.engine.table import EventTable
from casework.engine.types import Event, Obligation, Status

__all__ = [
    "Event",
    "EventTable",
    "Obligation",
    "ObligationTable",
    "Status",
    "evaluate",
    "evaluate_events",
    "explain",
]
