"""In a real browser: a chair raises a practice challenge and confirms a proposed dip audit,
the manager answers, and the new pages pass axe-core's checks (see tests/web/browsing.py)."""

from __future__ import annotations

import pytest

from casework.accounts.roles import Role
from casework.challenges.models import Challenge, DipAudit, DipAuditStatus
from casework.improvement.actions import (
    add_action,
    add_recommendation,
    create_plan,
    start_self_assessment,
)
from casework.site.testing import TODAY, Personas, build
from web.browsing import BROWSER, MISSING, axe_violations, sign_in

pytestmark = BROWSER

if not MISSING:
    from playwright.sync_api import Page, expect


@pytest.fixture
def people(transactional_db: None) -> Personas:
    return build()


def test_a_chair_raises_a_challenge_and_confirms_a_dip_audit(page: Page, people: Personas) -> None:
    sign_in(page, "iro")
    page.goto(f"/records/{people.amy.public_id}/")
    page.get_by_role("link", name="Practice challenges").last.click()
    page.get_by_role("link", name="Raise a practice challenge").click()
    page.get_by_role("button", name="Raise challenge").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("What is the concern?").fill("No visit since the plan started")
    page.get_by_label("What do you want to happen?").fill("A visit this week")
    page.get_by_role("button", name="Raise challenge").click()
    expect(page.get_by_text("Practice challenge raised", exact=True)).to_be_visible()
    expect(page.get_by_role("cell", name="Mary Mason")).to_be_visible()
    assert Challenge.objects.get().raised_by == people.by_role[Role.REVIEWING_OFFICER]

    page.goto("/challenges/dip-audits/")
    proposed = page.get_by_role("table", name="Proposed")
    expect(proposed).to_contain_text("Statutory visit missed")
    proposed.get_by_role("link", name="Decide for Amy Adams, statutory visit missed").click()
    page.get_by_label("Findings").fill("No visit recorded since 10 June")
    page.get_by_role("button", name="Record dip audit").click()
    expect(page.get_by_text("Dip audit recorded", exact=True)).to_be_visible()
    expect(page.get_by_role("table", name="Decided")).to_contain_text("Recorded by Ira Rowe")
    dip = DipAudit.objects.get(trigger="missed_visit")
    assert dip.status == DipAuditStatus.CONFIRMED


def test_the_manager_answers_the_challenge_from_the_challenges_page(
    page: Page, people: Personas
) -> None:
    from casework.challenges.actions import raise_challenge

    raise_challenge(
        people.by_role[Role.REVIEWING_OFFICER], people.amy, concern="c", wanted="w", today=TODAY
    )
    sign_in(page, "mary")
    page.goto("/challenges/")
    page.get_by_role("table", name="Waiting for your response").get_by_role(
        "link", name="Amy Adams"
    ).click()
    page.get_by_label("Your response").fill("Visit booked for Monday")
    page.get_by_role("button", name="Save response").click()
    expect(page.get_by_text("Response recorded", exact=True)).to_be_visible()
    expect(page.get_by_text("Visit booked for Monday")).to_be_visible()


@pytest.mark.parametrize(
    ("username", "path"),
    [
        ("iro", "/challenges/"),
        ("iro", "/challenges/dip-audits/"),
        ("iro", "/challenges/records/{amy}/"),
        ("iro", "/challenges/records/{amy}/new/"),
        ("iro", "/challenges/records/{amy}/{challenge}/"),
        ("mary", "/challenges/records/{amy}/{challenge}/"),
        ("iro", "/challenges/records/{amy}/dip-audits/{dip}/"),
        ("qa", "/improvement/"),
        ("qa", "/improvement/self-assessment/2024/"),
        ("qa", "/improvement/self-assessment/2024/criteria/3.1/"),
        ("qa", "/improvement/plans/new/"),
        ("qa", "/improvement/plans/{plan}/"),
        ("qa", "/improvement/plans/{plan}/recommendations/{rec}/"),
        ("mary", "/improvement/plans/{plan}/actions/{action}/"),
    ],
)
def test_the_new_pages_have_no_accessibility_violations(
    page: Page, people: Personas, username: str, path: str
) -> None:
    from casework.challenges.actions import raise_challenge
    from casework.challenges.proposals import propose

    iro = people.by_role[Role.REVIEWING_OFFICER]
    qa = people.by_role[Role.QUALITY_ASSURANCE]
    challenge = raise_challenge(iro, people.amy, concern="c", wanted="w", today=TODAY)
    propose(TODAY)
    dip = DipAudit.objects.order_by("pk").first()
    assert dip is not None
    start_self_assessment(qa, 2024)
    plan = create_plan(qa, title="Inspection action plan")
    rec = add_recommendation(qa, plan, text="Allocate referrals promptly")
    action = add_action(
        qa, rec, text="Weekly report", lead=people.mary, target=TODAY, forum="Performance board"
    )
    sign_in(page, username)
    page.goto(
        path.format(
            amy=people.amy.public_id,
            challenge=challenge.pk,
            dip=dip.pk,
            plan=plan.pk,
            rec=rec.pk,
            action=action.pk,
        )
    )
    assert axe_violations(page) == []


def test_forms_with_errors_have_no_accessibility_violations(page: Page, people: Personas) -> None:
    start_self_assessment(people.by_role[Role.QUALITY_ASSURANCE], 2024)
    sign_in(page, "qa")
    page.goto("/improvement/self-assessment/2024/criteria/3.1/")
    page.get_by_role("button", name="Save rating").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_role("link", name="Describe the action")).to_be_visible()
    assert axe_violations(page) == []
