"""The audit programme: defaults from the framework, setting up a year, the calendar, and
whether the programme itself was kept."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from casework.accounts.models import AuditAction, AuditEntry
from casework.accounts.roles import Role
from casework.quality import compliance
from casework.quality.audits import AnswerInput, complete_audit, template
from casework.quality.frameworks import load_audit_programme
from casework.quality.models import AuditKind, ScheduledAudit
from casework.quality.programme import load_defaults, set_up_year
from casework.site.testing import PASSWORD, TODAY, Personas


def _signed_in(client: Client, username: str) -> Client:
    assert client.login(username=username, password=PASSWORD)
    return client


def test_the_defaults_are_the_framework_s_audits_with_their_timetable(people: Personas) -> None:
    load_defaults()
    programme = load_audit_programme()
    assert [k.key for k in AuditKind.objects.all()] == [a.id for a in programme.audits]
    senior = AuditKind.objects.get(key="senior-manager")
    assert senior.months == [3, 7, 9, 12]  # the timetable's months, not every third one
    assert senior.publish_days_before == 7  # the list a week before (2.4.32)
    team_manager = AuditKind.objects.get(key="team-manager")
    assert (team_manager.files, team_manager.per, team_manager.months) == (
        6,
        "team manager",
        list(range(1, 13)),
    )
    assert AuditKind.objects.get(key="random").months == []
    assert AuditKind.objects.get(key="supervision").months == list(range(1, 13))


def test_setting_up_a_year_schedules_every_audit_once(people: Personas) -> None:
    qa = people.by_role[Role.QUALITY_ASSURANCE]
    result = set_up_year(qa, 2027)
    audits = ScheduledAudit.objects.filter(year=2027)
    # One team manager (Mary): 12 monthly audits of 6 files.
    mine = audits.filter(kind__key="team-manager", auditor=people.mary)
    assert mine.count() == 12
    assert {a.files for a in mine} == {6}
    assert mine.get(month=2).held_on == dt.date(2027, 2, 28)
    # The data management officer: one file a month from each of the three teams.
    assert audits.filter(kind__key="data-management-officer").count() == 36
    senior = audits.filter(kind__key="senior-manager").order_by("month")
    assert [(a.held_on, a.publish_on) for a in senior][:1] == [
        (dt.date(2027, 3, 15), dt.date(2027, 3, 8))
    ]
    assert senior.count() == 4
    assert audits.filter(kind__key="random").count() == 0
    assert result.created == audits.count()
    again = set_up_year(qa, 2027)
    assert (again.created, again.existing) == (0, result.created)
    assert ScheduledAudit.objects.filter(year=2027).count() == result.created
    assert AuditEntry.objects.filter(action=AuditAction.QUALITY_PROGRAMME_SET_UP).count() == 2


def test_a_changed_audit_type_is_used_for_the_next_year(people: Personas) -> None:
    load_defaults()
    AuditKind.objects.filter(key="team-manager").update(files=8, months=[1, 4])
    AuditKind.objects.filter(key="pep").update(active=False)
    set_up_year(people.by_role[Role.QUALITY_ASSURANCE], 2028)
    audits = ScheduledAudit.objects.filter(year=2028)
    assert sorted(audits.filter(kind__key="team-manager").values_list("month", "files")) == [
        (1, 8),
        (4, 8),
    ]
    assert not audits.filter(kind__key="pep").exists()


def test_only_those_who_run_the_programme_may_set_it_up(people: Personas) -> None:
    with pytest.raises(PermissionDenied):
        set_up_year(people.mary, 2027)
    assert not ScheduledAudit.objects.exists()


def test_the_programme_page_sets_up_a_year_and_rejects_a_bad_one(
    people: Personas, client: Client
) -> None:
    _signed_in(client, "qa")
    page = client.get("/quality/programme/")
    assert page.status_code == 200
    assert "Senior manager file audit" in page.content.decode()
    bad = client.post("/quality/programme/", {"year": "next year"})
    assert bad.status_code == 200
    assert "There is a problem" in bad.content.decode()
    assert "Enter the year as a number" in bad.content.decode()
    assert not ScheduledAudit.objects.exists()
    done = client.post("/quality/programme/", {"year": "2024"}, follow=True)
    assert "Programme for 2024 set up" in done.content.decode()
    calendar = done.content.decode()
    assert "June 2024" in calendar
    assert "Team manager audit" in calendar


def test_a_team_manager_may_not_open_the_programme_but_sees_the_calendar(
    people: Personas, client: Client
) -> None:
    _signed_in(client, "mary")
    assert client.get("/quality/programme/").status_code == 403
    assert client.get("/quality/calendar/").status_code == 200
    assert client.get("/quality/").status_code == 200
    _signed_in(client, "alice")
    assert client.get("/quality/").status_code == 403
    assert client.get("/quality/analysis/").status_code == 403


def test_editing_an_audit_type_checks_its_input(people: Personas, client: Client) -> None:
    load_defaults()
    _signed_in(client, "qa")
    bad = client.post(
        "/quality/programme/random/",
        {
            "title": "Random audit",
            "cadence": "unscheduled",
            "months": ["3"],
            "publish_days_before": "0",
        },
    )
    assert "An audit held only when needed has no months" in bad.content.decode()
    good = client.post(
        "/quality/programme/team-manager/",
        {
            "title": "Team manager audit",
            "cadence": "monthly",
            "months": ["1", "2"],
            "file_count": "5",
            "publish_days_before": "3",
            "active": "on",
        },
    )
    assert good.status_code == 302
    kind = AuditKind.objects.get(key="team-manager")
    assert (kind.files, kind.months, kind.publish_days_before) == (5, [1, 2], 3)
    assert AuditEntry.objects.filter(action=AuditAction.QUALITY_AUDIT_KIND_CHANGED).exists()


def _answers(grade: str) -> list[AnswerInput]:
    return [AnswerInput(q.id, grade) for q in template().questions if not q.applies_to]


def test_compliance_counts_each_team_manager_s_files_against_six(people: Personas) -> None:
    set_up_year(people.by_role[Role.QUALITY_ASSURANCE], TODAY.year)
    for child in (people.amy, people.ben):
        complete_audit(people.mary, child, _answers("good"), "good", "", TODAY)
    rows = compliance.for_month(TODAY.year, TODAY.month, TODAY)
    mary = next(r for r in rows if r.scheduled.auditor == people.mary)
    assert (mary.audited, mary.required, mary.kept) == (2, 6, compliance.Kept.IN_HAND)
    may = compliance.for_month(TODAY.year, 5, TODAY)
    assert {r.kept for r in may} == {compliance.Kept.MISSED}
    senior = compliance.senior_manager_audits(TODAY.year, TODAY)
    assert [r.kept for r in senior] == [
        compliance.Kept.MISSED,
        compliance.Kept.IN_HAND,
        compliance.Kept.IN_HAND,
        compliance.Kept.IN_HAND,
    ]


def test_a_senior_manager_audit_counts_as_held(people: Personas) -> None:
    set_up_year(people.by_role[Role.QUALITY_ASSURANCE], 2024)
    head = people.by_role[Role.HEAD_OF_SERVICE]
    complete_audit(head, people.cara, _answers("good"), "good", "", dt.date(2024, 3, 14))
    senior = compliance.senior_manager_audits(2024, TODAY)
    assert senior[0].kept is compliance.Kept.DONE


def test_the_compliance_page_shows_the_month(people: Personas, client: Client) -> None:
    set_up_year(people.by_role[Role.QUALITY_ASSURANCE], 2024)
    _signed_in(client, "qa")
    page = client.get("/quality/compliance/?month=2024-05").content.decode()
    assert "May 2024" in page
    assert "Not done" in page
    assert "0 of 6" in page
    assert client.get("/quality/compliance/?month=2024-13").status_code == 404
