"""Propose a dip audit for every trigger seen and not yet proposed. Safe to repeat."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from casework.challenges.proposals import propose
from casework.records.evaluation import today
from casework.site.management.options import add_as_of


class Command(BaseCommand):
    help = "Propose dip audits for chronologies not updated, missed visits and core groups."

    def add_arguments(self, parser: CommandParser) -> None:
        add_as_of(parser, "date")

    def handle(self, *args: Any, **options: Any) -> None:
        added = propose(options["date"] or today())
        self.stdout.write(f"Proposed {added} new dip audits.")
