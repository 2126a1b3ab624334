"""The management commands: add a user, re-evaluate everyone."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from casework.accounts.models import User
from casework.records.models import Obligation
from casework.site.testing import Personas


def test_add_user_gives_a_role_a_team_and_a_password(people: Personas) -> None:
    out = io.StringIO()
    call_command(
        "add_user", "nina", "--role", "team_manager", "--team", people.hilltop.name, stdout=out
    )
    user = User.objects.get(username="nina")
    assert (user.role, user.team) == ("team_manager", people.hilltop)
    password = out.getvalue().split("One-off password: ")[1].strip()
    assert user.check_password(password)


def test_add_user_refuses_an_unknown_team(people: Personas) -> None:
    with pytest.raises(CommandError, match="no team"):
        call_command("add_user", "nina", "--role", "social_worker", "--team", "Nowhere")


def test_reevaluate_is_safe_to_repeat(people: Personas) -> None:
    call_command("reevaluate", stdout=io.StringIO())
    first = sorted(
        Obligation.objects.values_list("person", "standard", "sequence", "due", "status")
    )
    call_command("reevaluate", "--as-of", "2024-06-28", stdout=io.StringIO())
    again = sorted(
        Obligation.objects.values_list("person", "standard", "sequence", "due", "status")
    )
    assert first == again
    assert first
