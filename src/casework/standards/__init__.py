"""The standards language: timescales, the event vocabulary, and validated packs."""

from casework.standards.loader import (
    PackError,
    Problem,
    available_packs,
    check_file,
    load_pack,
)
from casework.standards.model import Condition, EventMatch, Kind, Op, Pack, Source, Standard
from casework.standards.timescale import Timescale, TimescaleError, Unit
from casework.standards.vocabulary import Vocabulary, vocabulary

__all__ = [
    "Condition",
    "EventMatch",
    "Kind",
    "Op",
    "Pack",
    "PackError",
    "Problem",
    "Source",
    "Standard",
    "Timescale",
    "TimescaleError",
    "Unit",
    "Vocabulary",
    "available_packs",
    "check_file",
    "load_pack",
    "vocabulary",
]
