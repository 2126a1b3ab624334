"""Options the management commands share."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import CommandParser


def add_as_of(parser: CommandParser, dest: str = "as_of") -> None:
    """`--as-of DATE` (or `--date DATE`): the day a scheduled job works as of."""
    parser.add_argument(
        "--as-of",
        "--date",
        dest=dest,
        type=dt.date.fromisoformat,
        default=None,
        help="the day to work as of (default: today)",
    )
