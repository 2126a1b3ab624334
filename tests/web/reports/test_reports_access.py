"""Who may see and download which report."""

from __future__ import annotations

import pytest
from django.test import Client

from casework.accounts.roles import Ability, Role
from casework.site.testing import Personas


@pytest.mark.parametrize("role", list(Role))
def test_each_role_gets_the_reports_its_abilities_allow(
    client: Client, people: Personas, role: Role
) -> None:
    user = people.by_role[role]
    client.force_login(user)
    figures = user.can(Ability.SEE_FIGURES)
    management = user.can(Ability.SEE_MANAGEMENT_INFORMATION)
    assert client.get("/reports/").status_code == (200 if figures else 403)
    assert client.get("/reports/councillors.xlsx").status_code == (200 if figures else 403)
    expected = 200 if figures and management else 403
    assert client.get("/reports/board.xlsx").status_code == expected
    assert client.get("/reports/lado.xlsx").status_code == expected
    assert client.get("/reports/schedules/").status_code == (200 if management else 403)
    assert client.get("/equality/").status_code == (200 if management else 403)
    assert client.get("/equality/equality.xlsx").status_code == (200 if management else 403)


def test_a_councillor_sees_only_the_councillors_report(client: Client, people: Personas) -> None:
    client.force_login(people.carl)
    page = client.get("/reports/").content.decode()
    assert "Monthly report to councillors" in page
    assert "Quarterly performance board pack" not in page
    assert client.get("/reports/board.pdf").status_code == 403
    assert client.get("/equality/").status_code == 403


def test_a_social_worker_gets_no_reports(client: Client, people: Personas) -> None:
    client.force_login(people.alice)
    assert client.get("/reports/councillors.pdf").status_code == 403


def test_someone_signed_out_is_sent_to_sign_in(client: Client, people: Personas) -> None:
    response = client.get("/reports/councillors.pdf")
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]


def test_an_unknown_report_or_format_is_not_found(client: Client, people: Personas) -> None:
    client.force_login(people.by_role[Role.PERFORMANCE_ANALYST])
    assert client.get("/reports/nonsense.pdf").status_code == 404
    assert client.get("/reports/board.docx").status_code == 404


def test_the_navigation_offers_reports_to_councillors(client: Client, people: Personas) -> None:
    client.force_login(people.carl)
    assert 'href="/reports/"' in client.get("/figures/").content.decode()
