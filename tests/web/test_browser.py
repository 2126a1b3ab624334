"""In a real browser (Playwright driving Debian's headless Chromium): sign in, see my work,
record a visit and see the due date move, the manager's team view, and axe-core
accessibility checks on each main page.

They run when Chromium and the built front end (`npm ci && npm run build`) are present, and
must run in CI (CI=true) or when CASEWORK_BROWSER_TESTS=1.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from casework.site.testing import PASSWORD, Personas, build

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = Path(settings.VAR_DIR) / "frontend" / "axe.min.js"
REQUIRED = os.environ.get("CI") == "true" or os.environ.get("CASEWORK_BROWSER_TESTS") == "1"
MISSING = [
    what for what, ok in [("chromium", CHROMIUM), ("the built front end", AXE.exists())] if not ok
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(bool(MISSING) and not REQUIRED, reason=f"needs {', '.join(MISSING)}"),
]

if not MISSING:
    from playwright.sync_api import Browser, Page, expect, sync_playwright


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert not MISSING, f"browser tests need {', '.join(MISSING)}"
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
def people(transactional_db: None) -> Personas:
    return build()


@pytest.fixture
def page(browser: Browser, live_server: Any) -> Iterator[Page]:
    # bypass_csp lets the tests inject axe-core; the pages themselves run no script.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    found = context.new_page()
    yield found
    context.close()


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


def test_a_worker_records_a_visit_and_sees_the_due_date_move(page: Page, people: Personas) -> None:
    sign_in(page, "alice")
    expect(page.get_by_role("heading", name="My work")).to_be_visible()
    page.get_by_role("link", name="Amy Adams").click()
    due = page.get_by_role("table", name="Overdue")
    expect(due).to_contain_text("Visit children on a child protection plan")
    page.get_by_role("link", name="Record an event").first.click()
    page.get_by_role("link", name="Child protection visit").click()
    page.get_by_label("Day").fill("20")
    page.get_by_label("Month").fill("6")
    page.get_by_label("Year").fill("2024")
    page.get_by_role("group", name="Seen (optional)", exact=True).get_by_label("Yes").check()
    page.get_by_role("group", name="Seen alone (optional)", exact=True).get_by_label("Yes").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Child protection visit recorded")).to_be_visible()
    coming = page.get_by_role("table", name="Coming up")
    visit_row = coming.get_by_role("row").filter(has_text="Visit children on a child protection")
    expect(visit_row).to_contain_text("4 Jul 2024")


def test_a_manager_sees_the_team_and_its_unallocated_children(page: Page, people: Personas) -> None:
    sign_in(page, "mary")
    expect(page.get_by_role("heading", name="Hilltop child protection team")).to_be_visible()
    expect(page.get_by_role("link", name="Amy Adams").first).to_be_visible()
    expect(page.get_by_text("Worker left; awaiting allocation")).to_be_visible()
    page.get_by_label("Status").select_option("red")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("1 child, most urgent first")).to_be_visible()


@pytest.mark.parametrize(
    ("username", "path"),
    [
        ("", "/accounts/sign-in/"),
        ("alice", "/my-work/"),
        ("alice", "/records/{amy}/"),
        ("alice", "/records/{amy}/chronology/"),
        ("alice", "/records/{amy}/events/"),
        ("alice", "/records/{amy}/events/new/"),
        ("alice", "/records/{amy}/events/new/?type=cp_visit"),
        ("mary", "/team/"),
        ("mary", "/records/{amy}/allocation/"),
        ("mary", "/records/{amy}/access-log/"),
        ("mary", "/figures/"),
    ],
)
def test_main_pages_have_no_accessibility_violations(
    page: Page, people: Personas, username: str, path: str
) -> None:
    if username:
        sign_in(page, username)
    page.goto(path.format(amy=people.amy.public_id))
    assert axe_violations(page) == []


def test_a_form_with_errors_has_no_accessibility_violations(page: Page, people: Personas) -> None:
    sign_in(page, "alice")
    page.goto(f"/records/{people.amy.public_id}/events/new/?type=cp_visit")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2024")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
