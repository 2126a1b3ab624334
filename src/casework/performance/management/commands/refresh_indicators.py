"""Work out and store every indicator for every period and cut (safe to repeat)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from casework.performance.refresh import refresh_indicators
from casework.site.management.options import add_as_of


class Command(BaseCommand):
    help = "Work out every indicator for every period and cut, and store the figures."

    def add_arguments(self, parser: CommandParser) -> None:
        add_as_of(parser, "date")

    def handle(self, *args: Any, **options: Any) -> None:
        record, timings = refresh_indicators(options["date"])
        self.stdout.write(
            f"Stored {record.figures} indicator figures as of {record.as_of} in "
            f"{record.seconds:.1f} s (reading {timings.read:.1f} s, working out "
            f"{timings.compute:.1f} s, writing {timings.write:.1f} s; "
            f"{timings.cpu:.1f} s of processor time)"
        )
