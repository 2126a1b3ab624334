"""Sign-in throttling: too many failures for one user name lock it for a while."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from casework.accounts.models import LoginFailure


def _window_start() -> dt.datetime:
    return timezone.now() - dt.timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


def is_locked(username: str) -> bool:
    recent = LoginFailure.objects.filter(username=username.lower(), at__gte=_window_start())
    return recent.count() >= settings.LOGIN_FAILURE_LIMIT


def record_failure(username: str) -> None:
    LoginFailure.objects.create(username=username.lower()[:150], at=timezone.now())
    # Old rows are no longer needed to decide anything.
    LoginFailure.objects.filter(at__lt=_window_start()).delete()


def clear_failures(username: str) -> None:
    LoginFailure.objects.filter(username=username.lower()).delete()
