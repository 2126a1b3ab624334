"""Produce and email the scheduled reports that are due. Safe to run as often as wanted
(cron, say, every morning): each report is produced once per period and sent once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from casework.records.evaluation import today
from casework.reports.scheduling import send_due


class Command(BaseCommand):
    help = "Produce and email the scheduled reports that are due (each is sent only once)."

    def handle(self, *args: Any, **options: Any) -> None:
        outcome = send_due(today())
        self.stdout.write(f"{outcome.produced} reports produced, {outcome.sent} sent.")
