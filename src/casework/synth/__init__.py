"""A synthetic council: teams, workers and children with histories of recorded events.

`generate()` builds one from a number of children, a period and a seed; the same
arguments always give the same council. `write_council()` writes it as CSV files.
"""

from casework.synth.generate import DEFAULT_END, generate
from casework.synth.model import ROLES, TEAM_KINDS, Child, Council, Team, Worker
from casework.synth.output import write_council

__all__ = [
    "DEFAULT_END",
    "ROLES",
    "TEAM_KINDS",
    "Child",
    "Council",
    "Team",
    "Worker",
    "generate",
    "write_council",
]
