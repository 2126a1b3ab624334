"""The audit tool: pre-filled evidence, grades and comments, below-standard findings that
set actions and tell the managers, actions tracked to completion, and re-opening a case."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from casework.accounts.models import AccessLog, AuditAction, AuditEntry
from casework.accounts.roles import Role
from casework.quality.audits import template
from casework.quality.models import ActionStatus, CaseAudit, RemedialAction
from casework.records.actions.events import EventInput, record_event
from casework.site.testing import PASSWORD, TODAY, Personas


@pytest.fixture
def emails(people: Personas) -> Personas:
    for user, address in (
        (people.mary, "mary@example.org"),
        (people.by_role[Role.SERVICE_MANAGER], "sam@example.org"),
    ):
        user.email = address
        user.save()
    return people


def _form(
    grade: str, *, overall: str = "good", confirm: str = "yes", skip: str = ""
) -> dict[str, Any]:
    data: dict[str, Any] = {"overall_grade": overall, "overall_comment": "Seen in supervision"}
    for q in template().questions:
        if q.id == skip:
            continue
        data[f"{q.id}-grade"] = grade
        data[f"{q.id}-comment"] = ""
        data[f"{q.id}-confirmed"] = confirm
        data[f"{q.id}-correction"] = ""
    return data


def _signed_in(client: Client, username: str) -> Client:
    assert client.login(username=username, password=PASSWORD)
    return client


def test_the_form_is_pre_filled_with_what_the_record_shows(
    people: Personas, client: Client
) -> None:
    record_event(
        people.alice,
        people.amy,
        EventInput(type="assessment_complete", occurred=dt.date(2024, 3, 12)),
    )
    _signed_in(client, "mary")
    page = client.get(f"/quality/records/{people.amy.public_id}/audit/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Assessment completed 12 March 2024, within the last 12 months." in text
    # Amy's first child protection visit is overdue: the recording evidence says so.
    assert "What the record shows" in text
    # Questions for children in care do not apply to Amy; core groups (child protection) do.
    assert "Are the requirements for a looked after child met?" not in text
    assert "Are core groups happening at least every 6 weeks?" in text
    # The suggested grade is checked in the form.
    assert 'value="good" checked' in text.replace("\n", " ") or 'value="good"  checked' in text


def test_auditing_a_file_is_written_to_the_access_log(people: Personas, client: Client) -> None:
    _signed_in(client, "mary")
    client.get(f"/quality/records/{people.amy.public_id}/audit/")
    assert AccessLog.objects.filter(
        user=people.mary, person=people.amy, page="quality:audit_form"
    ).exists()


@pytest.mark.parametrize(
    ("username", "status"),
    [("olivia", 404), ("alice", 403), ("bob", 403), ("pa", 404), ("mary", 200), ("qa", 200)],
)
def test_only_auditors_who_may_see_the_child_may_audit_the_file(
    people: Personas, client: Client, username: str, status: int
) -> None:
    _signed_in(client, username)
    assert client.get(f"/quality/records/{people.amy.public_id}/audit/").status_code == status


def test_the_quality_officer_may_not_open_a_restricted_record_to_audit(
    people: Personas, client: Client
) -> None:
    _signed_in(client, "qa")
    assert client.get(f"/quality/records/{people.rita.public_id}/audit/").status_code == 404


def test_a_good_audit_sets_no_actions_and_tells_no_one(emails: Personas, client: Client) -> None:
    people = emails
    _signed_in(client, "mary")
    done = client.post(f"/quality/records/{people.amy.public_id}/audit/", _form("good"))
    assert done.status_code == 302
    audit = CaseAudit.objects.get()
    assert (audit.overall_grade, audit.team, audit.auditor) == ("good", people.hilltop, people.mary)
    assert audit.answers.count() == len(
        [q for q in template().questions if q.id != "looked-after-requirements"]
    )
    assert not RemedialAction.objects.exists()
    assert mail.outbox == []
    assert AuditEntry.objects.filter(
        action=AuditAction.QUALITY_CASE_AUDIT_COMPLETED, person=people.amy
    ).exists()


def test_below_standard_findings_set_actions_and_tell_the_managers(
    emails: Personas, client: Client
) -> None:
    people = emails
    _signed_in(client, "qa")
    data = _form("good", overall="requires-improvement")
    data["chronology-grade"] = "inadequate"
    data["chronology-comment"] = "No entries since March"
    data["contingency-plan-grade"] = "requires-improvement"
    response = client.post(f"/quality/records/{people.amy.public_id}/audit/", data, follow=True)
    assert "3 remedial actions set" in response.content.decode()
    actions = list(RemedialAction.objects.order_by("id"))
    assert [a.question for a in actions] == ["chronology", "contingency-plan", ""]
    assert {a.owner for a in actions} == {people.mary}  # the child's team manager
    assert {a.due for a in actions} == {TODAY + dt.timedelta(days=28)}
    assert "No entries since March" in actions[0].description
    # One email to Hilltop's team manager and the service manager of its service.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["mary@example.org", "sam@example.org"]
    assert "Amy" not in message.body
    assert "Adams" not in message.body
    assert f"/quality/records/{people.amy.public_id}/audits/" in message.body
    notified = AuditEntry.objects.get(action=AuditAction.QUALITY_FINDINGS_NOTIFIED)
    assert sorted(notified.detail["recipients"]) == sorted(
        [people.mary.pk, people.by_role[Role.SERVICE_MANAGER].pk]
    )


def test_bad_input_names_the_field_and_writes_nothing(people: Personas, client: Client) -> None:
    _signed_in(client, "mary")
    data = _form("good", skip="chronology")
    data["front-sheet-confirmed"] = "no"
    page = client.post(f"/quality/records/{people.amy.public_id}/audit/", data)
    text = page.content.decode()
    assert page.status_code == 200
    assert "There is a problem" in text
    assert "Grade: Is there an up to date chronology of significant events only?" in text
    assert "Say what is wrong with the record&#x27;s evidence" in text
    assert 'href="#id_chronology-grade_0"' in text
    assert not CaseAudit.objects.exists()
    assert (
        client.post(
            f"/quality/records/{people.amy.public_id}/audit/",
            {**_form("good"), "overall_grade": "superb"},
        ).status_code
        == 200
    )
    assert not CaseAudit.objects.exists()


def test_a_corrected_evidence_is_kept_with_the_answer(people: Personas, client: Client) -> None:
    _signed_in(client, "mary")
    data = _form("good")
    data["front-sheet-confirmed"] = "no"
    data["front-sheet-correction"] = "The paper file names a different GP"
    client.post(f"/quality/records/{people.amy.public_id}/audit/", data)
    answer = CaseAudit.objects.get().answers.get(question="front-sheet")
    assert answer.evidence_confirmed is False
    assert answer.correction == "The paper file names a different GP"
    assert "Allocated worker Alice Archer" in answer.evidence


def _below_standard_audit(people: Personas, client: Client) -> RemedialAction:
    _signed_in(client, "qa")
    data = _form("good")
    data["chronology-grade"] = "inadequate"
    client.post(f"/quality/records/{people.amy.public_id}/audit/", data)
    return RemedialAction.objects.get()


def test_an_open_action_is_on_the_owner_s_my_work_without_the_child_s_name(
    people: Personas, client: Client, settings: Any
) -> None:
    action = _below_standard_audit(people, client)
    settings.CASEWORK_TODAY = (action.due + dt.timedelta(days=1)).isoformat()
    _signed_in(client, "mary")
    page = client.get("/my-work/").content.decode()
    assert "Other tasks" in page, page[-3000:]
    other = page.split("Other tasks", 1)[1]
    assert "Remedy a case file audit finding (inadequate)" in other
    assert "Overdue" in other.split("</table>")[0]
    assert "Amy" not in other.split("</table>")[0]
    assert f"/quality/records/{people.amy.public_id}/actions/{action.pk}/" in other


def test_the_owner_completes_an_action(people: Personas, client: Client) -> None:
    action = _below_standard_audit(people, client)
    url = f"/quality/records/{people.amy.public_id}/actions/{action.pk}/"
    _signed_in(client, "alice")
    assert client.post(url, {"action": "complete", "outcome": "Done"}).status_code == 403
    _signed_in(client, "mary")
    empty = client.post(url, {"action": "complete", "outcome": " "})
    assert "Say what was done to put it right" in empty.content.decode()
    client.post(url, {"action": "complete", "outcome": "Chronology brought up to date"})
    action.refresh_from_db()
    assert (action.status, action.completed_by, action.completed_on) == (
        ActionStatus.DONE,
        people.mary,
        TODAY,
    )
    assert AuditEntry.objects.filter(
        action=AuditAction.QUALITY_REMEDIAL_ACTION_DONE, person=people.amy
    ).exists()
    page = client.get("/my-work/").content.decode()
    assert "Remedy a case file audit finding" not in page


def test_a_closed_case_can_be_re_opened_from_the_action(people: Personas, client: Client) -> None:
    record_event(
        people.alice, people.amy, EventInput(type="case_closed", occurred=dt.date(2024, 6, 25))
    )
    action = _below_standard_audit(people, client)
    url = f"/quality/records/{people.amy.public_id}/actions/{action.pk}/"
    # The quality officer changes no record, so cannot re-open it.
    assert client.post(url, {"action": "reopen", "reopen-reason": "x"}).status_code == 403
    _signed_in(client, "mary")
    assert "Re-open the case" in client.get(url).content.decode()
    missing = client.post(url, {"action": "reopen", "reopen-reason": ""})
    assert "Say why the case is re-opened" in missing.content.decode()
    client.post(url, {"action": "reopen", "reopen-reason": "Closed before the plan was reviewed"})
    people.amy.refresh_from_db()
    assert people.amy.is_open
    entry = AuditEntry.objects.filter(action=AuditAction.EVENT_RECORDED, person=people.amy).first()
    assert entry is not None
    assert entry.detail["type"] == "case_open"
    assert "Re-open the case" not in client.get(url).content.decode()


def test_the_actions_list_shows_only_children_the_user_may_see(
    people: Personas, client: Client
) -> None:
    _below_standard_audit(people, client)
    _signed_in(client, "qa")
    assert "Amy Adams" in client.get("/quality/actions/").content.decode()
    _signed_in(client, "olivia")
    assert client.get("/quality/actions/").status_code == 403
    _signed_in(client, "mary")
    assert "Amy Adams" in client.get("/quality/actions/").content.decode()
