"""`manage.py add_user`: add a member of staff with a role and a team, and print a
one-off password for them to change."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from casework.accounts.models import User
from casework.accounts.roles import Role
from casework.records.models import Team


class Command(BaseCommand):
    help = "Add a user with a role (and a team, for roles that hold or manage cases)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--team", default="", help="the team's name")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        if User.objects.filter(username=options["username"]).exists():
            raise CommandError(f"there is already a user called {options['username']}")
        team = None
        if options["team"]:
            team = Team.objects.filter(name=options["team"]).first()
            if team is None:
                raise CommandError(f"no team called {options['team']!r}")
        password = secrets.token_urlsafe(12)
        user = User(
            username=options["username"],
            role=options["role"],
            team=team,
            first_name=options["first_name"],
            last_name=options["last_name"],
        )
        user.set_password(password)
        user.save()
        self.stdout.write(f"Added {user.username} ({user.get_role_display()}).")
        self.stdout.write(f"One-off password: {password}")
