"""`manage.py reevaluate`: work out everyone's obligations again, as of today.

Run it once a day (cron or a scheduler): obligations move from due to overdue, and
recurring standards open their next obligation, as the days pass. Safe to repeat.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from casework.records.evaluation import reevaluate_everyone, today
from casework.site.management.options import add_as_of


class Command(BaseCommand):
    help = "Work out every person's obligations again, as of today (or --as-of)."

    def add_arguments(self, parser: CommandParser) -> None:
        add_as_of(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        as_of = options["as_of"] or today()
        started = time.perf_counter()
        count = reevaluate_everyone(as_of)
        seconds = time.perf_counter() - started
        self.stdout.write(f"{count} obligations as of {as_of} in {seconds:.1f} s")
