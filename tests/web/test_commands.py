"""The management commands: add a user, re-evaluate everyone."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command, get_commands, load_command_class

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


@pytest.mark.parametrize(
    "command", ["refresh_indicators", "send_reminders", "escalate_challenges", "propose_dip_audits"]
)
@pytest.mark.parametrize("option", ["--as-of", "--date"])
def test_the_scheduled_jobs_take_the_day_to_work_as_of(command: str, option: str) -> None:
    parser = load_command_class(_app_of(command), command).create_parser("casework", command)
    assert parser.parse_args([option, "2024-06-28"]).date == dt.date(2024, 6, 28)
    assert parser.parse_args([]).date is None


def _app_of(command: str) -> str:
    return get_commands()[command]
