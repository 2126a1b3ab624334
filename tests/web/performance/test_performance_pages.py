"""The management information pages: who may open them, the figures they show, and the
children behind a figure as each role sees them."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from casework.accounts.roles import ROLE_ACCESS, Ability, Role
from casework.performance.models import IndicatorFigure, Refresh
from casework.site.testing import PASSWORD, TODAY, Personas
from web.performance.history import JUNE, referred_in_june


@pytest.fixture
def history(people: Personas) -> Personas:
    referred_in_june(people)
    return people


def signed_in(client: Client, username: str) -> Client:
    assert client.login(username=username, password=PASSWORD)
    return client


PAGES = [
    reverse("performance:overview"),
    reverse("performance:standards"),
    reverse("performance:team_report"),
    reverse("performance:what_if"),
    reverse("performance:indicator", args=["children-referred"]),
    reverse("performance:children", args=["children-referred"]) + f"?period=month&at={JUNE}",
]


@pytest.mark.parametrize("role", list(Role))
def test_each_role_opens_the_pages_only_with_management_information(
    role: Role, client: Client, history: Personas
) -> None:
    user = history.by_role[role]
    signed_in(client, user.username)
    allowed = Ability.SEE_MANAGEMENT_INFORMATION in ROLE_ACCESS[role].abilities
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == (200 if allowed else 403), (role, url)


def test_signed_out_people_are_sent_to_sign_in(client: Client, history: Personas) -> None:
    response = client.get(reverse("performance:overview"))
    assert response.status_code == 302
    assert "sign-in" in response["Location"]


def test_the_refresh_stores_a_figure_for_every_indicator_and_period(history: Personas) -> None:
    refresh = Refresh.objects.get()
    assert refresh.as_of == TODAY
    assert IndicatorFigure.objects.count() == refresh.figures
    june = IndicatorFigure.objects.get(
        indicator="children-referred", period_kind="month", period_key=JUNE
    )
    assert june.numerator == 5
    assert june.denominator is None
    assert june.cuts["team"] == {
        "Hilltop child protection team": [3, None],
        "Riverside child in need team": [1, None],
        "Faraway early help team": [1, None],
    }
    assessed = IndicatorFigure.objects.get(
        indicator="assessments-in-45-working-days", period_kind="month", period_key=JUNE
    )
    assert (assessed.numerator, assessed.denominator) == (2, 2)


def test_the_refresh_can_run_again_and_replaces_the_figures(history: Personas) -> None:
    from casework.performance.refresh import refresh_indicators

    before = IndicatorFigure.objects.count()
    refresh_indicators(TODAY)
    assert IndicatorFigure.objects.count() == before
    assert Refresh.objects.count() == 2


def test_the_overview_shows_tiles_with_trend_charts(client: Client, history: Personas) -> None:
    signed_in(client, "mary")
    page = client.get(reverse("performance:overview")).content.decode()
    assert "Children referred" in page
    assert 'role="img"' in page
    assert "England 2023 to 24: 22%" in page  # re-referrals, the published figure


def test_the_indicator_page_shows_definition_trend_and_cuts(
    client: Client, history: Personas
) -> None:
    signed_in(client, "mary")
    url = reverse("performance:indicator", args=["children-referred"])
    page = client.get(url + f"?period=month&at={JUNE}").content.decode()
    assert "Children with at least one referral accepted in the period." in page
    assert "The recommendation" not in page
    assert "By team" in page
    assert "Hilltop child protection team" in page
    assert "The figures in this chart" in page  # the data table beside each chart
    assert "Jun 2024" in page


def test_a_manager_sees_the_children_behind_a_figure_within_their_reach(
    client: Client, history: Personas
) -> None:
    signed_in(client, "mary")
    url = reverse("performance:children", args=["children-referred"])
    page = client.get(url + f"?period=month&at={JUNE}").content.decode()
    for name in ("Amy Adams", "Ben Brown", "Rita Reed"):  # Rita is restricted to Mary
        assert name in page
    for name in ("Cara Clark", "Fay Fox"):
        assert name not in page
    assert "2 children are not listed" in page


def test_a_restricted_record_is_not_named_to_a_head_of_service_not_named_on_it(
    client: Client, history: Personas
) -> None:
    signed_in(client, "hos")
    url = reverse("performance:children", args=["children-referred"])
    page = client.get(url + f"?period=month&at={JUNE}").content.decode()
    for name in ("Amy Adams", "Ben Brown", "Cara Clark", "Fay Fox"):
        assert name in page
    assert "Rita Reed" not in page
    assert "1 child is not listed" in page


def test_an_analyst_sees_how_many_children_but_not_who(client: Client, history: Personas) -> None:
    signed_in(client, "pa")
    url = reverse("performance:children", args=["children-referred"])
    response = client.get(
        url + f"?period=month&at={JUNE}&cut=team&group=Hilltop child protection team"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<strong>3</strong>" in page
    for name in ("Amy", "Ben", "Rita", "Cara", "Fay"):
        assert name not in page
    assert "not who they are" in page


def test_the_drill_down_count_equals_the_stored_figure_in_every_group(
    client: Client, history: Personas
) -> None:
    signed_in(client, "hos")
    row = IndicatorFigure.objects.get(
        indicator="children-referred", period_kind="month", period_key=JUNE
    )
    url = reverse("performance:children", args=["children-referred"])
    for cut, groups in row.cuts.items():
        for group, (numerator, _) in groups.items():
            response = client.get(url, {"period": "month", "at": JUNE, "cut": cut, "group": group})
            assert response.context["total"] == numerator, (cut, group)
            assert response.context["stored"] == numerator


def test_an_unknown_indicator_cut_or_group_is_not_found(client: Client, history: Personas) -> None:
    signed_in(client, "mary")
    assert client.get(reverse("performance:indicator", args=["no-such"])).status_code == 404
    url = reverse("performance:children", args=["children-referred"])
    assert client.get(url, {"cut": "shoe_size", "group": "9"}).status_code == 404
    assert client.get(url, {"cut": "team", "group": "No such team"}).status_code == 404


def test_nothing_sensitive_goes_in_the_links(client: Client, history: Personas) -> None:
    signed_in(client, "mary")
    url = reverse("performance:indicator", args=["children-referred"])
    page = client.get(url + f"?period=month&at={JUNE}").content.decode()
    hrefs = [part.split('"', 1)[0] for part in page.split('href="')[1:]]
    for href in hrefs:
        assert "Amy" not in href
        assert "C000001" not in href


def test_the_weekly_team_report_counts_assessment_activity(
    client: Client, history: Personas
) -> None:
    signed_in(client, "mary")
    response = client.get(reverse("performance:team_report"), {"week": "2024-w25"})
    report = response.context["report"]
    assert report.team == history.hilltop
    assert report.completed == 1  # Amy's assessment, completed on 20 June
    assert report.completed_in_time == 1
    week24 = client.get(reverse("performance:team_report"), {"week": "2024-w24"})
    assert week24.context["report"].started == 1
    assert len(week24.context["report"].in_progress) == 1
    assert "Amy Adams" in week24.content.decode()


def test_the_weekly_report_shows_an_analyst_counts_only(client: Client, history: Personas) -> None:
    signed_in(client, "pa")
    response = client.get(
        reverse("performance:team_report"), {"week": "2024-w24", "team": str(history.hilltop.pk)}
    )
    assert response.context["report"].started == 1
    assert "Amy Adams" not in response.content.decode()


def test_what_if_names_the_field_when_the_timescale_cannot_be_read(
    client: Client, history: Personas
) -> None:
    signed_in(client, "mary")
    response = client.get(
        reverse("performance:what_if"),
        {"standard": "cp-visit", "interval": "last", "timescale": "soonish"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'href="#id_timescale"' in page
    assert "Error: What if" in page


def test_what_if_says_when_a_standard_has_no_such_timescale(
    client: Client, history: Personas
) -> None:
    signed_in(client, "mary")
    response = client.get(
        reverse("performance:what_if"),
        {"standard": "cp-visit", "interval": "2", "timescale": "20 working days"},
    )
    assert 'href="#id_interval"' in response.content.decode()


def test_what_if_compares_the_standard_as_it_is_and_as_changed(
    client: Client, history: Personas
) -> None:
    signed_in(client, "mary")
    response = client.get(
        reverse("performance:what_if"),
        {"standard": "cp-visit", "interval": "last", "timescale": "20 working days"},
    )
    found = response.context["found"]
    assert found is not None
    assert found.old.text == "10 working days"
    assert found.new.text == "20 working days"
    page = response.content.decode()
    assert "If changed (20 working days)" in page


def test_stored_compliance_equals_the_stored_obligations_due_in_the_period(
    history: Personas,
) -> None:
    from casework.records.models import Obligation

    for row in IndicatorFigure.objects.filter(indicator="standards-met-on-time"):
        due = [
            str(o.status_on(TODAY))
            for o in Obligation.objects.filter(due__range=(row.start, row.end))
            if o.status_on(TODAY) != "open"
        ]
        assert row.denominator == len(due), row.period_key
        assert (row.met, row.late, row.overdue) == (
            due.count("met"),
            due.count("late"),
            due.count("overdue"),
        )
    assert IndicatorFigure.objects.filter(indicator="standards-met-on-time", denominator__gt=0)


def test_the_refresh_command_says_how_many_figures_it_stored(history: Personas) -> None:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("refresh_indicators", date=TODAY, stdout=out)
    assert f"Stored {IndicatorFigure.objects.count()} indicator figures as of {TODAY}" in (
        out.getvalue()
    )


def test_the_indicator_page_gives_englands_figure_with_its_table(
    client: Client, history: Personas
) -> None:
    signed_in(client, "mary")
    url = reverse("performance:indicator", args=["re-referrals-within-12-months"])
    page = client.get(url).content.decode()
    assert "England 2023 to 24" in page
    assert "22% (139080 of 621880" in page
