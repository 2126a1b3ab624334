"""Escalate practice challenges whose stage lapsed unanswered. Safe to repeat."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from casework.challenges.actions import escalate_lapsed
from casework.records.evaluation import today
from casework.site.management.options import add_as_of


class Command(BaseCommand):
    help = "Move each practice challenge whose stage lapsed to its next stage, once."

    def add_arguments(self, parser: CommandParser) -> None:
        add_as_of(parser, "date")

    def handle(self, *args: Any, **options: Any) -> None:
        result = escalate_lapsed(options["date"] or today())
        self.stdout.write(
            f"Escalated {result.escalated} challenges; "
            f"{result.final_lapsed} lapsed at the last stage."
        )
