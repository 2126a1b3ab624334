"""Send reminder digests and escalations. Run from cron or a scheduler; safe to repeat."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from casework.site.management.options import add_as_of
from casework.work.reminders import DUE_WITHIN_DAYS, ESCALATE_AFTER_DAYS, sweep


class Command(BaseCommand):
    help = "Email each worker what is due soon and overdue; escalate long-overdue work."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=DUE_WITHIN_DAYS, help="due within")
        parser.add_argument(
            "--escalate-after",
            type=int,
            default=ESCALATE_AFTER_DAYS,
            help="days overdue before the team manager is told",
        )
        add_as_of(parser, "date")

    def handle(self, *args: Any, **options: Any) -> None:
        result = sweep(
            options["date"], within=options["days"], escalate_after=options["escalate_after"]
        )
        self.stdout.write(f"Sent {result.reminders} reminders in {result.emails} emails.")
