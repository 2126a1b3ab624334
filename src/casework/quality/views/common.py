"""Shared by the quality views."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from casework.accounts.models import User
from casework.accounts.roles import Ability


def check_quality_user(user: User) -> None:
    """The quality assurance pages are for auditors and those who run the programme."""
    if not (user.can(Ability.AUDIT_FILES) or user.can(Ability.RUN_QUALITY_PROGRAMME)):
        raise PermissionDenied


def month_name(year: int, month: int) -> str:
    from casework.quality.frameworks import MONTHS

    return f"{MONTHS[month - 1]} {year}"


def nav_context(user: User) -> dict[str, bool]:
    return {"runs_programme": user.can(Ability.RUN_QUALITY_PROGRAMME)}
