"""In a real browser: sign in, see my work, record a visit and see the due date move, the
manager's team view, and axe-core accessibility checks on each main page (see
tests/web/browsing.py for when these run)."""

from __future__ import annotations

import pytest

from casework.site.testing import Personas, build
from web.browsing import BROWSER, MISSING, axe_violations, sign_in

pytestmark = BROWSER

if not MISSING:
    from playwright.sync_api import Page, expect


@pytest.fixture
def people(transactional_db: None) -> Personas:
    return build()


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
