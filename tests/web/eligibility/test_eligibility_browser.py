"""In a real browser: a worker subscribes to the calendar feed and sees reminders and
escalations on My work after the sweep runs; a worker records an eligibility decision.
Accessibility checks (axe-core) on the new pages. See tests/web/browsing.py for when
these run."""

from __future__ import annotations

import datetime as dt

import pytest

from casework.records.actions.events import EventInput, record_event
from casework.site.testing import TODAY, Personas, build
from casework.work.reminders import sweep
from web.browsing import BROWSER, MISSING, axe_violations, sign_in

pytestmark = BROWSER

if not MISSING:
    from playwright.sync_api import Page, expect


@pytest.fixture
def people(transactional_db: None) -> Personas:
    return build()


def test_a_worker_subscribes_to_the_feed_and_sees_reminders_after_the_sweep(
    page: Page, people: Personas
) -> None:
    sign_in(page, "alice")
    expect(page.get_by_text("No reminders have been sent to you recently.")).to_be_visible()
    page.get_by_role("link", name="Subscribe to your due dates in a calendar").click()
    expect(page.get_by_role("heading", name="Calendar feed")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Start a calendar feed").click()
    address = page.locator("code").inner_text()
    assert address.endswith(".ics")
    feed = page.request.get(address)
    assert feed.ok
    body = feed.text()
    assert body.count("BEGIN:VEVENT") == 6
    assert "DTSTART;VALUE=DATE:20240624" in body
    assert "Amy" not in body
    assert "Adams" not in body

    sweep(TODAY + dt.timedelta(days=1))  # as cron would; Amy's visits are 5 days overdue

    page.goto("/my-work/")
    reminders = page.locator(".app-reminders")
    expect(reminders.get_by_role("listitem")).to_have_count(2)
    expect(reminders).to_contain_text("Overdue")
    expect(reminders.get_by_role("link", name="Amy Adams").first).to_be_visible()
    escalated = page.locator(".app-escalated")
    expect(escalated).to_contain_text("Told: Mary Mason")
    assert axe_violations(page) == []

    page.context.clear_cookies()  # and now the team manager
    sign_in(page, "mary")
    page.goto("/my-work/")
    expect(page.locator(".app-escalations").get_by_role("listitem")).to_have_count(2)


def test_a_worker_records_an_eligibility_decision_with_its_reasons(
    page: Page, people: Personas
) -> None:
    sign_in(page, "alice")
    page.goto(f"/records/{people.amy.public_id}/")
    page.get_by_role("link", name="Eligibility and status").click()
    expect(page.get_by_role("heading", name="Service criteria")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Decide Intensive Support Service (IBIT)").click()
    for label in (
        "Allocated a mainland placement because there was no appropriate local resource",
        "Significant risk of permanent exclusion from education",
        "Significant mental health issue",
    ):
        page.get_by_role("group", name=label).get_by_label("Yes").check()
    page.get_by_role("button", name="Check the decision").click()
    expect(page.locator("#decision")).to_contain_text("Eligible: 3 of 5 criteria met")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Record the decision").click()
    row = page.get_by_role("row").filter(has_text="Intensive Support Service (IBIT)")
    expect(row).to_contain_text("eligible: 3 of 5 criteria met")
    expect(row).to_contain_text("Alice Archer")


def test_a_decision_form_with_errors_has_no_accessibility_violations(
    page: Page, people: Personas
) -> None:
    sign_in(page, "alice")
    page.goto(f"/records/{people.amy.public_id}/eligibility/family-resource-team/")
    page.get_by_label("Number of placement moves already").fill("two")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert axe_violations(page) == []


def test_the_record_shows_the_care_leaver_status_accessibly(page: Page, people: Personas) -> None:
    start = EventInput(type="cic_start", occurred=dt.date(2024, 1, 2))
    record_event(people.alice, people.amy, start)
    sign_in(page, "alice")
    page.goto(f"/records/{people.amy.public_id}/")
    expect(page.get_by_role("heading", name="Care-leaver status")).to_be_visible()
    # Amy, born 1 March 2015, is 9: too young for any of the categories.
    expect(page.get_by_text("not a care leaver: aged 9, under 16", exact=False)).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Eligibility and status").first.click()
    expect(page.locator(".app-care-leaver-status")).to_contain_text("Not a care leaver")
    assert axe_violations(page) == []
