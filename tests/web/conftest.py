"""Django for the web tests: a fixed date, fast password hashing, and the personas."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from casework.site.testing import TODAY, Personas, build
from web.browsing import CHROMIUM, MISSING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


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


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert not MISSING, f"browser tests need {', '.join(MISSING)}"
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the
    # fixtures here are ordinary synchronous ones.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as pw:
            found = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            yield found
            found.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser: Browser, live_server: Any) -> Iterator[Page]:
    # bypass_csp lets the tests inject axe-core; the pages themselves run no script.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    found = context.new_page()
    yield found
    context.close()
