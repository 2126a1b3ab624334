"""Django for the web tests: a fixed date, fast password hashing, and the personas."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from casework.site.testing import TODAY, Personas, build


@pytest.fixture(autouse=True)
def _fixed_today(settings: SettingsWrapper) -> None:
    settings.CASEWORK_TODAY = TODAY.isoformat()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def people(db: None) -> Personas:
    return build()


@pytest.fixture
def client() -> Client:
    return Client()
