"""In a real browser: a duty worker takes a contact on a Friday afternoon from the first
call to allocation, with every timer on the page and correct, the MASH timers running
over the weekend in real hours; and axe-core finds nothing wrong on the new pages."""

from __future__ import annotations

import pytest

from casework.site.testing import Personas, build
from web.browsing import BROWSER, MISSING, axe_violations, sign_in
from web.frontdoor.conftest import Clock, new_contact

pytestmark = BROWSER

if not MISSING:
    from playwright.sync_api import Locator, Page, expect


@pytest.fixture
def people(transactional_db: None) -> Personas:
    return build()


def _timer(page: Page, title: str) -> Locator:
    table = page.get_by_role("table", name="Timers for this contact, most urgent first")
    return table.get_by_role("row").filter(has_text=title)


def _when(page: Page, time: str, day: str = "") -> None:
    if day:
        page.get_by_label("Day").fill(day)
    page.get_by_label("Time").fill(time)


def _sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()


def test_a_duty_worker_takes_a_friday_contact_through_to_allocation(
    page: Page, people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")  # Friday afternoon
    sign_in(page, "alice")
    page.goto(f"/records/{people.amy.public_id}/")
    page.get_by_role("link", name="Front door").click()
    expect(page.get_by_text("There are no open contacts")).to_be_visible()
    page.get_by_role("link", name="Take a new contact").click()
    page.get_by_label("Child's name or case number").fill("ben")
    page.get_by_role("button", name="Find the child").click()
    page.get_by_role("link", name="Ben Brown").click()

    # The call: the date and time are filled in with now; the call came in at 14:30.
    page.get_by_label("Time it came in").fill("14:30")
    page.get_by_label("Phone call").check()
    page.get_by_label("Name of the person calling or writing").fill("Pat Jones")
    page.get_by_label("Their relationship to the child, or their agency").fill("Class teacher")
    page.get_by_label("What the concern is").fill("A bruise on Ben's arm; he says dad did it")
    page.get_by_label("The caller alleges the child has been harmed on purpose").check()
    page.get_by_role("button", name="Save the contact").click()
    expect(page.get_by_text("Contact recorded")).to_be_visible()
    expect(_timer(page, "within one hour")).to_contain_text("15:30 on Fri 28 Jun 2024")
    expect(_timer(page, "within one hour")).to_contain_text("Met")
    recommendation = _timer(page, "Make a threshold recommendation within 24 hours")
    expect(recommendation).to_contain_text("14:30 on Sat 29 Jun 2024")
    expect(recommendation).to_contain_text("23 hours 30 minutes left")

    page.get_by_role("link", name="Record parental consent").click()
    page.get_by_label("Both parents gave consent").check()
    _when(page, "14:50")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Consent recorded")).to_be_visible()

    page.get_by_role("link", name="Send a MASH enquiry").click()
    page.get_by_label("Red: checks back within 4 hours").check()
    page.get_by_label("Police").check()
    page.get_by_label("Health").check()
    page.get_by_role("button", name="Save").click()
    red = _timer(page, "within 4 hours of a red MASH enquiry")
    expect(red).to_contain_text("19:00 on Fri 28 Jun 2024")
    expect(red).to_contain_text("4 hours left")
    clock("2024-06-28 16:30")
    page.get_by_role("link", name="Record checks back from Police").click()
    _when(page, "16:10")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Police checks back")).to_be_visible()
    # Health has not replied yet: the timer still runs.
    red = _timer(page, "within 4 hours of a red MASH enquiry")
    expect(red).to_contain_text("2 hours 30 minutes left")
    _sign_out(page)

    # Monday morning: health never replied. The 4-hour timer fell due at 19:00 on Friday
    # and the 24-hour recommendation at 14:30 on Saturday, not on Monday.
    clock("2024-07-01 09:00")
    sign_in(page, "alice")
    page.goto("/front-door/")
    card = page.locator(".govuk-summary-card").filter(has_text="Ben Brown")
    expect(card).to_contain_text("2 days 14 hours overdue")
    expect(card).to_contain_text("1 day 18 hours overdue")
    assert axe_violations(page) == []
    card.get_by_role("link", name="Ben Brown").click()
    page.get_by_role("link", name="Record checks back from Health").click()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("All checks are back")).to_be_visible()
    expect(_timer(page, "within 4 hours of a red MASH enquiry")).to_contain_text("Met late")

    page.get_by_role("link", name="Make the threshold recommendation").click()
    page.get_by_label("Tier 3 (diversion)").check()
    page.get_by_label("Child and family assessment").check()
    page.get_by_label("Reasons").fill("Unexplained injury; family known to early help")
    _when(page, "09:00")
    page.get_by_role("button", name="Save").click()
    expect(_timer(page, "Make a threshold recommendation")).to_contain_text("Met late")
    decision = _timer(page, "decides next steps within 24 hours")
    expect(decision).to_contain_text("09:00 on Tue 2 Jul 2024")
    expect(decision).to_contain_text("1 day left")
    assert axe_violations(page) == []
    contact_url = page.url
    _sign_out(page)

    # The duty manager decides, records the outcome, tells the referrer and allocates.
    clock("2024-07-01 10:00")
    sign_in(page, "mary")
    page.goto(contact_url)
    expect(_timer(page, "decides next steps within 24 hours")).to_contain_text("23 hours left")
    page.get_by_role("link", name="Record the manager's threshold decision").click()
    page.get_by_label("Tier 3 (diversion)").check()
    page.get_by_label("Child and family assessment").check()
    page.get_by_label("Reasons").fill("Agree: assessment")
    page.get_by_role("group", name="Is a strategy discussion needed?").get_by_label("No").check()
    page.get_by_role("button", name="Save").click()
    expect(_timer(page, "decides next steps within 24 hours")).to_contain_text("Met")

    page.get_by_role("link", name="Record the outcome").click()
    page.get_by_label("Referral to children's social care").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Record that the referrer was told the outcome").click()
    page.get_by_label("How they were told").fill("Phone call to Pat Jones")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Referrer told the outcome", exact=True)).to_be_visible()

    page.get_by_role("link", name="Allocate").click()
    page.get_by_label("Worker").select_option(label="Bob Baker, Hilltop child protection team")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Allocated to Bob Baker")).to_be_visible()
    assessment = _timer(page, "within 25 working days of allocation")
    expect(assessment).to_contain_text("Mon 5 Aug 2024")
    expect(assessment).to_contain_text("due in 35 days")
    expect(page.get_by_text("Day 23 reminder")).to_contain_text("Thursday 1 August 2024")
    assert axe_violations(page) == []
    page.goto("/front-door/")
    expect(page.get_by_text("There are no open contacts")).to_be_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/front-door/",
        "/front-door/new/?q=ben",
        "/front-door/new/child/",
        "/front-door/{ben}/new/",
        "/front-door/{ben}/{contact}/",
        "/front-door/{ben}/{contact}/consent/",
        "/front-door/{ben}/{contact}/enquiry/",
        "/front-door/{ben}/{contact}/decision/",
        "/front-door/{ben}/{contact}/allocation/",
    ],
)
def test_front_door_pages_have_no_accessibility_violations(
    page: Page, people: Personas, clock: Clock, path: str
) -> None:
    clock("2024-06-28 15:00")
    contact = new_contact(people.alice, people.ben, "2024-06-28 14:30")
    sign_in(page, "mary")
    page.goto(path.format(ben=people.ben.public_id, contact=contact.pk))
    assert axe_violations(page) == []


def test_a_contact_form_with_errors_has_no_accessibility_violations(
    page: Page, people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")
    sign_in(page, "alice")
    page.goto("/front-door/new/child/")
    page.get_by_label("Time it came in").fill("16:00")
    page.get_by_role("button", name="Save the contact").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(page.get_by_role("link", name="Enter the caller's name")).to_be_visible()
    expect(
        page.get_by_role("link", name="The date and time must be now or in the past")
    ).to_be_visible()
    assert axe_violations(page) == []
