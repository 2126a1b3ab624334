"""A small bundled example history, for the demo and the documentation."""

from pathlib import Path

EXAMPLE_EVENTS = Path(__file__).with_name("events.csv")
EXAMPLE_AS_OF = "2024-06-30"
