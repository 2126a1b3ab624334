"""In a real browser, the quality assurance path: a quality officer sets up the year's
programme and draws a reproducible sample, a team manager audits a file from it, findings
below standard set actions, and the six-monthly analysis shows its chart and downloads as
PDF and Excel. axe-core checks each new page."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from casework.quality.analysis_document import CHART_TITLE
from casework.quality.models import RemedialAction
from casework.site.testing import Personas, build
from web.browsing import BROWSER, MISSING, axe_violations, sign_in

pytestmark = BROWSER

if not MISSING:
    from playwright.sync_api import Page, expect


@pytest.fixture
def people(transactional_db: None) -> Personas:
    return build()


def _draw(page: Page, seed: str) -> list[str]:
    page.goto("/quality/samples/new/")
    page.get_by_label("Auditor").select_option(label="Mary Mason (Team manager)")
    page.get_by_label("Random", exact=True).check()
    page.get_by_label("Number of cases").fill("2")
    page.get_by_label("Seed").fill(seed)
    page.get_by_role("button", name="Draw the sample").click()
    expect(page.get_by_text("Sample drawn: 2 cases")).to_be_visible()
    table = page.get_by_role("table", name="Cases to audit")
    return [row.inner_text().split("\t")[0] for row in table.locator("tbody tr").all()]


def test_the_quality_assurance_path(page: Page, people: Personas, tmp_path: Path) -> None:
    sign_in(page, "qa")
    page.get_by_role("link", name="Quality assurance").first.click()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Set up the year's programme").click()
    assert axe_violations(page) == []
    page.get_by_label("Year").fill("")
    page.get_by_role("button", name="Set up the programme").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Year").fill("2024")
    page.get_by_role("button", name="Set up the programme").click()
    expect(page.get_by_text("Programme for 2024 set up")).to_be_visible()
    expect(page.get_by_role("table", name="June 2024")).to_contain_text("Mary Mason")
    assert axe_violations(page) == []
    page.goto("/quality/compliance/")
    expect(page.get_by_role("heading", name="June 2024")).to_be_visible()
    assert axe_violations(page) == []

    page.goto("/quality/samples/new/")
    assert axe_violations(page) == []
    first = _draw(page, "20240628")
    assert axe_violations(page) == []
    assert _draw(page, "20240628") == first
    assert len(first) == 2

    page.context.clear_cookies()
    sign_in(page, "mary")
    page.goto("/quality/")
    page.get_by_role("link", name="Sample drawn 28 June 2024").first.click()
    page.get_by_role("link", name="Audit the file").first.click()
    expect(page.get_by_role("heading", name="Audit the file of")).to_be_visible()
    assert axe_violations(page) == []
    for radio in page.locator('input[type="radio"][value="good"]').all():
        radio.check()
    for radio in page.locator('input[type="radio"][value="yes"]').all():
        radio.check()
    page.locator('input[name="chronology-grade"][value="inadequate"]').check()
    page.get_by_label("Comments").nth(3).fill("No entry since the conference")
    page.get_by_role("button", name="Complete the audit").click()
    expect(page.get_by_text("Audit completed. 1 remedial actions set")).to_be_visible()
    expect(page.get_by_role("table", name="Remedial actions from this audit")).to_contain_text(
        "Is there an up to date chronology"
    )
    assert axe_violations(page) == []
    assert RemedialAction.objects.get().owner == people.mary
    page.get_by_role("link", name="Put right: Is there an up to date chronology").click()
    assert axe_violations(page) == []
    page.goto("/my-work/")
    expect(page.get_by_text("Remedy a case file audit finding (inadequate)")).to_be_visible()

    page.goto("/quality/analysis/")
    expect(page.get_by_role("table", name="Overall grades by team")).to_contain_text("Hilltop")
    expect(page.get_by_role("img", name=CHART_TITLE)).to_be_visible()
    page.get_by_text("The figures in this chart").click()
    expect(page.get_by_role("table", name=f"{CHART_TITLE}: the figures")).to_contain_text("Hilltop")
    assert axe_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the analysis (PDF)").click()
    saved = tmp_path / "analysis.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the analysis (Excel spreadsheet)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    workbook = tmp_path / "analysis.xlsx"
    download.value.save_as(workbook)
    book = load_workbook(workbook)
    assert "Overall grades by team" in book.sheetnames
