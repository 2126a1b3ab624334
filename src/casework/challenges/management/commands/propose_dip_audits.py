"""Propose a dip audit for every trigger seen and not yet proposed. Safe to repeat."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from casework.challenges.proposals import propose
from casework.records.evaluation import today


class Command(BaseCommand):
    help = "Propose dip audits for chronologies not updated, missed visits and core groups."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--as-of",
            "--date",
            dest="date",
            type=dt.date.fromisoformat,
            default=None,
            help="the day to work as of (default: today)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        added = propose(options["date"] or today())
        self.stdout.write(f"Proposed {added} new dip audits.")
