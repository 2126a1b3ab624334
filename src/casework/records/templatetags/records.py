"""Template helpers for records: whether to offer "Add a child"."""

from __future__ import annotations

from django import template

from casework.accounts.models import User
from casework.accounts.policy import policy

register = template.Library()


@register.filter
def may_add_children(user: User) -> bool:
    """Whether the user may add a child to any team (the policy decides)."""
    return policy.teams_to_add_to(user).exists()
