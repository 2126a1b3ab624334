"""The sign-in form, throttled by user name."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.http import HttpRequest

from casework.accounts import throttle
from casework.accounts.models import User
from casework.site.forms import GovukForm

LOCKED = (
    "There have been too many attempts to sign in with this user name. "
    "Wait 15 minutes and try again, or ask an administrator to help."
)
WRONG = "Enter a correct user name and password"


class SignInForm(GovukForm):
    username = forms.CharField(
        label="User name",
        max_length=150,
        widget=forms.TextInput({"autocomplete": "username", "spellcheck": "false"}),
        error_messages={"required": "Enter your user name"},
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput({"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        self.request = request
        self.user: User | None = None
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        username, password = data.get("username"), data.get("password")
        if not username or not password:
            return data
        if throttle.is_locked(username):
            raise forms.ValidationError(LOCKED, code="locked")
        user = authenticate(self.request, username=username, password=password)
        if not isinstance(user, User) or not user.is_active:
            throttle.record_failure(username)
            raise forms.ValidationError(WRONG, code="invalid_login")
        throttle.clear_failures(username)
        self.user = user
        return data
