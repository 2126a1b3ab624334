"""In a real browser: a manager opens Performance, an indicator, and the children behind
a figure; axe-core finds no accessibility problems on any of them."""

from __future__ import annotations

import pytest

from casework.site.testing import Personas, build
from web.browsing import BROWSER, MISSING, axe_violations, sign_in
from web.performance.history import referred_in_june

pytestmark = BROWSER

if not MISSING:
    from playwright.sync_api import Page, expect


@pytest.fixture
def people(transactional_db: None) -> Personas:
    found = build()
    referred_in_june(found)
    return found


def test_a_manager_drills_down_from_a_tile_to_the_children(page: Page, people: Personas) -> None:
    sign_in(page, "mary")
    page.get_by_role("link", name="Performance").click()
    expect(page.get_by_role("heading", name="Performance", exact=True)).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Children referred", exact=True).click()
    expect(page.get_by_role("heading", name="Children referred", level=1)).to_be_visible()
    page.get_by_label("Period", exact=True).select_option(label="Jun 2024 (to 28 Jun)")
    page.get_by_role("button", name="Show").click()
    assert axe_violations(page) == []
    page.get_by_role("link", name="The 5 behind this figure").click()
    expect(page.get_by_role("heading", name="The children behind the figure")).to_be_visible()
    expect(page.get_by_role("link", name="Amy Adams")).to_be_visible()
    expect(page.get_by_text("2 children are not listed")).to_be_visible()
    assert axe_violations(page) == []


def test_what_if_shows_an_error_summary_then_the_comparison(page: Page, people: Personas) -> None:
    sign_in(page, "mary")
    page.goto("/performance/what-if/")
    page.get_by_label("Standard").select_option("cp-visit")
    page.get_by_label("New timescale").fill("soon")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("New timescale").fill("20 working days")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("table", name="Obligations due in the last 12 months")).to_be_visible()
    assert axe_violations(page) == []
