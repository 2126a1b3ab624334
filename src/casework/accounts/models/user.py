"""Staff who sign in: a role, and the team they work in."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from casework.accounts.roles import ROLE_ACCESS, Ability, Role, RoleAccess


class User(AbstractUser):
    role = models.CharField(max_length=40, choices=Role.choices, default=Role.SOCIAL_WORKER)
    team = models.ForeignKey(
        "records.Team",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    job_title = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = (
            "last_name",
            "first_name",
        )

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    @property
    def access(self) -> RoleAccess:
        return ROLE_ACCESS[Role(self.role)]

    def can(self, ability: Ability) -> bool:
        return self.is_active and ability in self.access.abilities
