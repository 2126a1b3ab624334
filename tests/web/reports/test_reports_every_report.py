"""Every report builds for its last period, renders, and names no one."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook

from casework.accounts.roles import Role
from casework.challenges.actions import raise_challenge
from casework.records.actions.events import EventInput, record_event
from casework.records.models import Person
from casework.reports.content import REPORTS
from casework.reports.periods import last_complete
from casework.reports.render import Table, to_pdf, to_xlsx
from casework.reports.suppression import HIDDEN
from casework.site.testing import TODAY, Personas
from web.reports.reports_council import Council, build_council

D = dt.date


@pytest.fixture
def council(people: Personas) -> Council:
    built = build_council(people)
    # An allegation against Adam (LADO), received and closed within the year to March 2024.
    lado = people.by_role[Role.LADO]
    record_event(lado, people.adam, EventInput(type="lado_allegation", occurred=D(2023, 6, 1)))
    record_event(
        lado,
        people.adam,
        EventInput(
            type="lado_closed", occurred=D(2023, 6, 20), details={"outcome": "unsubstantiated"}
        ),
    )
    return built


@pytest.mark.parametrize("report", list(REPORTS))
def test_each_report_renders_and_names_no_one(council: Council, report: str) -> None:
    spec = REPORTS[report]
    doc = spec.build(last_complete(spec.frequency, TODAY), TODAY)
    assert to_pdf(doc).startswith(b"%PDF")
    book = load_workbook(io.BytesIO(to_xlsx(doc)))
    assert book["Report"]["A1"].value == doc.title
    text = "\n".join(doc.texts())
    for p in Person.objects.all():
        for ident in (p.given_name, p.family_name, p.reference, p.public_id):
            assert not re.search(rf"\b{re.escape(ident)}\b", text), (report, ident)


def test_the_lado_report_counts_the_allegation(council: Council) -> None:
    spec = REPORTS["lado"]
    doc = spec.build(last_complete(spec.frequency, TODAY), TODAY)
    tables = {b.caption: b for b in doc.blocks if isinstance(b, Table)}
    figures = {r[0]: r[1] for r in tables["Allegations and enquiries"].rows}
    assert figures["Allegations received"] == HIDDEN  # one allegation
    bands = {r[0]: r[1] for r in tables["Allegations closed in the year, by time to resolve"].rows}
    assert bands["Within 1 month"] == HIDDEN
    assert bands["Total"] == HIDDEN  # nothing else to hide, so the total goes too


def test_the_iro_report_counts_the_challenges_raised_in_the_year(council: Council) -> None:
    chair = council.people.by_role[Role.REVIEWING_OFFICER]
    children = [council.people.amy, council.people.ben]
    for i in range(6):  # six in the year to March 2024, one after it
        raise_challenge(
            chair, children[i % 2], concern="Plan drift", wanted="A review", today=D(2023, 5, i + 1)
        )
    raise_challenge(chair, council.people.amy, concern="Later", wanted="", today=D(2024, 4, 2))
    spec = REPORTS["iro"]
    doc = spec.build(last_complete(spec.frequency, TODAY), TODAY)
    tables = {b.caption: b for b in doc.blocks if isinstance(b, Table)}
    figures = {r[0]: r[1] for r in tables["Practice challenges"].rows}
    assert figures["Challenges raised"] == 6
    assert figures["Still open"] == 6
    assert figures["Resolved by the team manager"] == 0
