"""In a real browser: the equality page, its downloads, the reports page, and axe-core
checks on each (see tests/web/browsing.py for when these run)."""

from __future__ import annotations

import pytest

from casework.site.testing import Personas, build
from web.browsing import BROWSER, MISSING, axe_violations, sign_in
from web.reports.reports_council import build_council

pytestmark = BROWSER

if not MISSING:
    from playwright.sync_api import Page, expect


@pytest.fixture
def people(transactional_db: None) -> Personas:
    built = build()
    build_council(built)
    return built


def test_an_analyst_reads_the_equality_page_and_downloads_it(page: Page, people: Personas) -> None:
    sign_in(page, "pa")
    page.get_by_role("link", name="Reports").click()
    page.get_by_role("link", name="Equality monitoring").click()
    expect(page.get_by_role("heading", name="Equality monitoring", level=1)).to_be_visible()
    page.get_by_label("Compare by").select_option("sex")
    page.get_by_label("Period").select_option("6")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("table", name="Referral: by sex")).to_be_visible()
    expect(
        page.get_by_role("img", name="Referral: children per 10,000 of each group")
    ).to_be_visible()
    assert axe_violations(page) == []

    with page.expect_download() as excel:
        page.get_by_role("link", name="Download as Excel").click()
    assert excel.value.suggested_filename.startswith("equality-sex-")
    assert excel.value.suggested_filename.endswith(".xlsx")
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Download as PDF").click()
    path = pdf.value.path()
    with open(path, "rb") as f:
        assert f.read(4) == b"%PDF"


@pytest.mark.parametrize(
    ("username", "path"),
    [("pa", "/reports/"), ("pa", "/reports/schedules/"), ("carl", "/reports/")],
)
def test_report_pages_have_no_accessibility_violations(
    page: Page, people: Personas, username: str, path: str
) -> None:
    sign_in(page, username)
    page.goto(path)
    assert axe_violations(page) == []


def test_a_schedule_form_with_errors_has_no_accessibility_violations(
    page: Page, people: Personas
) -> None:
    sign_in(page, "pa")
    page.goto("/reports/schedules/")
    page.get_by_role("button", name="Schedule").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
