"""Escalate practice challenges whose stage lapsed unanswered. Safe to repeat."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from casework.challenges.actions import escalate_lapsed
from casework.records.evaluation import today


class Command(BaseCommand):
    help = "Move each practice challenge whose stage lapsed to its next stage, once."

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
        result = escalate_lapsed(options["date"] or today())
        self.stdout.write(
            f"Escalated {result.escalated} challenges; "
            f"{result.final_lapsed} lapsed at the last stage."
        )
