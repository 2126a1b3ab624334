"""`manage.py care_leaver_status`: work out every young person's care-leaver status again.

Recording, correcting or withdrawing a care-history event updates that person at once;
this catches the changes that come with age (a relevant child turning 18, support ending
at 21). Run it daily after `reevaluate`; the demo runs it after loading. Safe to repeat.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from casework.records.actions.status import update_everyones_care_leaver_status
from casework.records.evaluation import today
from casework.records.models import CareLeaverStanding, CareLeaverStatusChoice
from casework.site.management.options import add_as_of


class Command(BaseCommand):
    help = "Work out every young person's care-leaver status again, as of today (or --as-of)."

    def add_arguments(self, parser: CommandParser) -> None:
        add_as_of(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        as_of = options["as_of"] or today()
        started = time.perf_counter()
        changed = update_everyones_care_leaver_status(as_of)
        seconds = time.perf_counter() - started
        leavers = CareLeaverStanding.objects.exclude(status=CareLeaverStatusChoice.NONE).count()
        self.stdout.write(
            f"{leavers} care leavers as of {as_of}; {changed} statuses changed, in {seconds:.1f} s"
        )
