"""`manage.py demo`: build a synthetic council into the database (unless one is loaded
already), evaluate it, print a sign-in for each role, and start the development server."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from casework.frontdoor.demo import open_demo_contacts
from casework.records.evaluation import reevaluate_everyone, today
from casework.records.loader import load_council
from casework.site.demo import demo_logins, last_day, people_count


class Command(BaseCommand):
    help = "Build and serve the demo council."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--children", type=int, default=2000)
        parser.add_argument("--years", type=float, default=3.0)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--end",
            type=dt.date.fromisoformat,
            default=None,
            help="the council's last day (default: today, so that the demo is current)",
        )
        parser.add_argument("--rebuild", action="store_true", help="start again from empty")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="build, then stop")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["end"] is not None:
            # Treat the council's last day as today, for this process and its server.
            settings.CASEWORK_TODAY = options["end"].isoformat()
        call_command("migrate", verbosity=0)
        if options["rebuild"] or people_count() == 0:
            self._build(options)
        day = today()
        if last_day() is None:
            raise CommandError("the demo council has no events")
        self._evaluate(day)
        call_command("care_leaver_status", as_of=day, stdout=self.stdout)
        call_command("refresh_indicators", date=day, stdout=self.stdout)
        self._print_logins(options["port"])
        self.stdout.write(open_demo_contacts())
        if not options["no_serve"]:
            call_command("runserver", f"127.0.0.1:{options['port']}", use_reloader=False)

    def _build(self, options: dict[str, Any]) -> None:
        try:
            from casework.synth import generate
        except ImportError as exc:
            raise CommandError("casework.synth is not available") from exc
        call_command("flush", interactive=False, verbosity=0)
        started = time.perf_counter()
        council = generate(
            children=options["children"],
            years=options["years"],
            seed=options["seed"],
            end=today(),
            # The forms, minutes and sign-offs around meetings, so the paperwork standards
            # show a council's usual mix of met and late rather than everything overdue.
            paperwork=True,
        )
        loaded = load_council(council)
        self.stdout.write(
            f"Built {council.name}: {loaded.people} children, {loaded.events} events, "
            f"{loaded.users} staff in {loaded.teams} teams "
            f"({time.perf_counter() - started:.1f} s)"
        )

    def _evaluate(self, day: dt.date) -> None:
        started = time.perf_counter()
        count = reevaluate_everyone(day)
        self.stdout.write(
            f"Worked out {count} obligations as of {day} ({time.perf_counter() - started:.1f} s)"
        )

    def _print_logins(self, port: int) -> None:
        logins = demo_logins()
        self.stdout.write(f"\nCasework is at http://127.0.0.1:{port}/ . Sign in as:\n")
        for login in logins:
            self.stdout.write(f"  {login.role:<52} {login.username:<24} ({login.about})")
        if logins:
            self.stdout.write(f"\nPassword for each of them: {logins[0].password}\n")
        if not settings.STATICFILES_DIRS:
            self.stdout.write("Styles are missing: run `npm ci && npm run build` first.")
