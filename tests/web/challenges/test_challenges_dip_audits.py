"""Casework proposes a dip audit for each of seed 004's triggers, and none without one;
the chair confirms it with findings or dismisses it with a reason."""

from __future__ import annotations

import datetime as dt

from django.core.management import call_command
from django.test import Client

from casework.accounts.models import AuditAction, AuditEntry
from casework.accounts.roles import Role
from casework.challenges.models import DipAudit, DipAuditStatus, DipAuditTrigger
from casework.challenges.proposals import find, propose
from casework.records.actions.events import EventInput, record_event
from casework.records.models import Person
from casework.site.testing import PASSWORD, TODAY, Personas


def _record(people: Personas, person: Person, type_: str, day: dt.date, **details: str) -> None:
    record_event(people.alice, person, EventInput(type=type_, occurred=day, details=details))


def _triggers(person: Person, day: dt.date = TODAY) -> set[str]:
    return {p.trigger.value for p in find(Person.objects.filter(pk=person.pk), day)}


def _kept_up(people: Personas) -> None:
    """Amy's visit and core group happen on time, so nothing is overdue on 28 June."""
    _record(people, people.amy, "cp_visit", dt.date(2024, 6, 20))
    _record(people, people.amy, "core_group", dt.date(2024, 6, 20))


def test_a_missed_visit_and_a_lapsed_core_group_are_each_proposed(people: Personas) -> None:
    # Amy's plan started on 10 June: her first visit and core group were due by 24 June.
    assert _triggers(people.amy) == {"missed_visit", "core_group_lapsed"}


def test_a_visit_alone_leaves_only_the_core_group(people: Personas) -> None:
    _record(people, people.amy, "cp_visit", dt.date(2024, 6, 20))
    assert _triggers(people.amy) == {"core_group_lapsed"}


def test_nothing_is_proposed_when_the_work_is_done(people: Personas) -> None:
    _kept_up(people)
    assert _triggers(people.amy) == set()


def test_a_conference_with_no_chronology_update_in_the_3_months_before_is_proposed(
    people: Personas,
) -> None:
    _kept_up(people)
    _record(people, people.amy, "chronology_update", dt.date(2024, 3, 20))  # over 3 months
    _record(people, people.amy, "rcpc", dt.date(2024, 6, 25))
    assert _triggers(people.amy) == {"chronology_not_updated"}


def test_a_conference_after_a_recent_chronology_update_is_not_proposed(
    people: Personas,
) -> None:
    _kept_up(people)
    _record(people, people.amy, "chronology_update", dt.date(2024, 4, 1))
    _record(people, people.amy, "rcpc", dt.date(2024, 6, 25))
    assert _triggers(people.amy) == set()


def test_proposals_are_never_duplicated(people: Personas) -> None:
    assert propose(TODAY) == 2
    assert propose(TODAY) == 0
    call_command("propose_dip_audits", "--date", TODAY.isoformat())
    assert DipAudit.objects.count() == 2


def test_a_dismissed_proposal_is_not_proposed_again(people: Personas) -> None:
    propose(TODAY)
    DipAudit.objects.update(status=DipAuditStatus.DISMISSED, reason="Visit happened, not recorded")
    assert propose(TODAY) == 0
    assert not DipAudit.objects.filter(status=DipAuditStatus.PROPOSED).exists()


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_the_chair_confirms_a_dip_audit_with_findings(people: Personas) -> None:
    propose(TODAY)
    dip = DipAudit.objects.get(trigger=DipAuditTrigger.VISIT)
    url = f"/challenges/records/{people.amy.public_id}/dip-audits/{dip.pk}/"
    response = _client("iro").post(
        url, {"action": "confirm", "confirm-findings": "No visit since the plan started"}
    )
    assert response.status_code == 302
    dip.refresh_from_db()
    assert (dip.status, dip.findings, dip.decided_by) == (
        DipAuditStatus.CONFIRMED,
        "No visit since the plan started",
        people.by_role[Role.REVIEWING_OFFICER],
    )
    assert AuditEntry.objects.filter(
        action=AuditAction.DIP_AUDIT_RECORDED, person=people.amy
    ).exists()


def test_dismissing_needs_a_reason(people: Personas) -> None:
    propose(TODAY)
    dip = DipAudit.objects.get(trigger=DipAuditTrigger.CORE_GROUP)
    url = f"/challenges/records/{people.amy.public_id}/dip-audits/{dip.pk}/"
    empty = _client("iro").post(url, {"action": "dismiss", "dismiss-reason": ""})
    assert empty.status_code == 200
    assert "Say why no dip audit is needed" in empty.content.decode()
    dip.refresh_from_db()
    assert dip.status == DipAuditStatus.PROPOSED
    done = _client("iro").post(url, {"action": "dismiss", "dismiss-reason": "Held, minutes late"})
    assert done.status_code == 302
    dip.refresh_from_db()
    assert (dip.status, dip.reason) == (DipAuditStatus.DISMISSED, "Held, minutes late")


def test_a_decided_dip_audit_is_not_decided_again(people: Personas) -> None:
    propose(TODAY)
    dip = DipAudit.objects.get(trigger=DipAuditTrigger.VISIT)
    url = f"/challenges/records/{people.amy.public_id}/dip-audits/{dip.pk}/"
    client = _client("iro")
    client.post(url, {"action": "confirm", "confirm-findings": "First"})
    client.post(url, {"action": "dismiss", "dismiss-reason": "Second"})
    dip.refresh_from_db()
    assert (dip.status, dip.findings, dip.reason) == (DipAuditStatus.CONFIRMED, "First", "")
