"""Whether a user may use the practice challenge pages (for links from other pages)."""

from __future__ import annotations

from django import template

from casework.accounts.models import User
from casework.accounts.roles import Ability

register = template.Library()


@register.filter
def may_see_challenges(user: User) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.can(Ability.RAISE_CHALLENGES) or user.can(Ability.SEE_TEAM_WORKLOAD))
    )
