"""The equality monitoring page and its downloads."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from casework.accounts.models import User
from casework.accounts.roles import Role
from casework.equality.data import monitoring
from casework.reports.suppression import HIDDEN
from casework.site.testing import TODAY, Personas
from web.reports.reports_council import Council, build_council


@pytest.fixture
def council(people: Personas) -> Council:
    return build_council(people)


@pytest.fixture
def analyst(people: Personas) -> User:
    return people.by_role[Role.PERFORMANCE_ANALYST]


def test_the_figures_count_the_children_at_each_stage(council: Council) -> None:
    m = monitoring(TODAY.replace(month=5, day=1), TODAY, "ethnic_group")
    referral = next(t for t in m.stages if t.stage.key == "referral")
    rows = {r.group: r.children for r in referral.rows}
    assert rows["Black"] == 4
    assert rows["White"] == 8
    timeliness = {r.group: (r.completed, r.in_time) for r in m.timeliness.rows}
    assert timeliness["Black"] == (4, 1)
    assert timeliness["White"] == (8, 8)


def test_the_page_shows_rates_ratios_and_intervals(
    client: Client, council: Council, analyst: User
) -> None:
    client.force_login(analyst)
    page = client.get("/equality/?characteristic=ethnic_group&months=6").content.decode()
    assert "Ratio to the rest" in page
    assert "95% interval" in page
    assert "Katz log method" in page
    assert "<svg" in page
    # Inside the building the page shows every count, however small.
    assert HIDDEN not in page.split("Download as Excel")[1]


def test_unknown_choices_fall_back_to_the_defaults(
    client: Client, council: Council, analyst: User
) -> None:
    client.force_login(analyst)
    response = client.get("/equality/?characteristic=<script>&months=999")
    assert response.status_code == 200
    assert "by ethnic group" in response.content.decode()


def test_the_download_hides_small_numbers_and_names_no_child(
    client: Client, council: Council, analyst: User
) -> None:
    client.force_login(analyst)
    response = client.get("/equality/equality.xlsx?characteristic=ethnic_group&months=6")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    # Each table has a sheet of its own, its caption in the first cell.
    sheet = next(s for s in book.worksheets if s["A1"].value == "Referral: by ethnic group")
    referral = list(sheet.iter_rows(values_only=True))
    rows = {r[0]: r for r in referral[2:]}
    assert rows["Black"][1] == HIDDEN
    assert rows["Black"][4] in ("", None)  # no ratio for a hidden count
    assert rows["White"][1] == "withheld"
    cells = {str(c) for s in book.worksheets for r in s.iter_rows(values_only=True) for c in r}
    for child in council.referred + council.unallocated:
        assert child.family_name not in cells
        assert child.reference not in cells
    pdf = client.get("/equality/equality.pdf?characteristic=sex")
    assert pdf.content.startswith(b"%PDF")
