"""Failed sign-ins, counted to lock a user name after too many."""

from __future__ import annotations

from django.db import models


class LoginFailure(models.Model):
    username = models.CharField(max_length=150, db_index=True)  # as typed, lower-cased
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"failed sign-in at {self.at:%Y-%m-%d %H:%M}"
