"""Shared by the browser tests (Playwright driving Debian's headless Chromium).

A browser test module sets `pytestmark = BROWSER`, asks for the `page` fixture (in
tests/web/conftest.py) and overrides `people` with a `transactional_db` version, because the
live server reads the database from another thread.

They run when Chromium and the built front end (`npm ci && npm run build`) are present, and
must run in CI (CI=true) or when CASEWORK_BROWSER_TESTS=1.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.conf import settings

from casework.site.testing import PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = Path(settings.VAR_DIR) / "frontend" / "axe.min.js"
REQUIRED = os.environ.get("CI") == "true" or os.environ.get("CASEWORK_BROWSER_TESTS") == "1"
MISSING = [
    what for what, ok in [("chromium", CHROMIUM), ("the built front end", AXE.exists())] if not ok
]

BROWSER = [
    pytest.mark.browser,
    pytest.mark.skipif(bool(MISSING) and not REQUIRED, reason=f"needs {', '.join(MISSING)}"),
]


def sign_in(page: Page, username: str) -> None:
    page.goto("/accounts/sign-in/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a',"
        " 'wcag21aa', 'wcag22aa', 'best-practice']})"
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]
