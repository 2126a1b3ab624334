"""Eligibility decisions on the child's record: the worker enters the facts a rule asks
for, sees the decision with its reasons, and records it with who decided and when."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from casework.accounts.models import AuditAction, AuditEntry
from casework.records.actions.status import record_eligibility_decision
from casework.records.models import EligibilityDecision
from casework.site.testing import Personas

NO = {"mainland_placement": "no", "placement_breakdown_risk": "no", "home_concern": "no"}
THREE = {**NO, "mainland_placement": "yes", "exclusion_risk": "yes", "mental_health": "yes"}
REASON = (
    "eligible: 3 of 5 criteria met: allocated a mainland placement because there was no "
    "appropriate local resource; significant risk of permanent exclusion from education; "
    "significant mental health issue"
)


def url(people: Personas, decision: str = "intensive-support") -> str:
    return reverse("records:eligibility_decide", args=[people.amy.public_id, decision])


def test_checking_shows_the_decision_and_why_without_recording_it(
    client: Client, people: Personas
) -> None:
    client.force_login(people.alice)
    response = client.post(url(people), {**THREE, "action": "check"})
    assert response.status_code == 200
    assert "Eligible: 3 of 5 criteria met: allocated a mainland placement" in (
        response.content.decode()
    )
    assert not EligibilityDecision.objects.exists()


def test_recording_keeps_the_decision_with_who_and_when_and_an_audit_row(
    client: Client, people: Personas
) -> None:
    client.force_login(people.alice)
    response = client.post(url(people), {**THREE, "note": "Discussed with the IBIT lead"})
    assert response.status_code == 200  # without action=record it is only a check
    response = client.post(url(people), {**THREE, "action": "record"}, follow=True)
    [row] = EligibilityDecision.objects.all()
    assert (row.person, row.decided_by, row.outcome, row.met) == (
        people.amy,
        people.alice,
        "eligible",
        True,
    )
    assert row.reason == REASON
    assert row.facts["mental_health"] is True
    assert row.facts["placement_breakdown_risk"] is False
    assert row.source.endswith("2.3.36")
    [entry] = AuditEntry.objects.filter(action=AuditAction.ELIGIBILITY_DECIDED)
    assert (entry.actor, entry.person, entry.action_id) == (people.alice, people.amy, row.action_id)
    assert entry.detail["outcome"] == "eligible"
    page = response.content.decode()
    assert REASON in page
    assert "Alice Archer" in page


def test_a_fact_left_unknown_can_leave_the_decision_undecided(
    client: Client, people: Personas
) -> None:
    client.force_login(people.alice)
    facts = {"mainland_placement": "yes", "mental_health": "yes", "action": "record"}
    client.post(url(people), facts)
    [row] = EligibilityDecision.objects.all()
    assert row.outcome == "undecided"
    assert "significant risk of permanent exclusion from education" in row.reason


def test_the_disability_criteria_use_the_childs_age_from_the_record(
    client: Client, people: Personas
) -> None:
    client.force_login(people.alice)
    page = client.get(url(people, "disability-team")).content.decode()
    assert 'value="9"' in page  # Amy, born 1 March 2015, is 9 on 28 June 2024


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("placement_moves", "two", "Number of placement moves already must be a whole number"),
        ("placement_moves", "-1", "Number of placement moves already must be 0 or more"),
        ("family_breakdown_risk", "perhaps", "Choose an answer for: At immediate risk of family"),
    ],
)
def test_bad_input_names_the_field_and_records_nothing(
    client: Client, people: Personas, field: str, value: str, message: str
) -> None:
    client.force_login(people.alice)
    response = client.post(url(people, "family-resource-team"), {field: value, "action": "record"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert message in page
    assert f'href="#id_{field}' in page
    assert not EligibilityDecision.objects.exists()
    assert not AuditEntry.objects.filter(action=AuditAction.ELIGIBILITY_DECIDED).exists()


def test_only_those_who_may_change_the_record_may_decide(client: Client, people: Personas) -> None:
    page = reverse("records:eligibility", args=[people.amy.public_id])
    client.force_login(people.olivia)  # another service: the record is out of reach
    assert client.get(url(people)).status_code == 404
    assert client.get(page).status_code == 404
    client.force_login(people.carl)  # a councillor sees figures only
    assert client.get(url(people)).status_code == 404
    client.force_login(people.bob)  # a colleague in the team may see, not change
    assert client.get(page).status_code == 200
    assert client.post(url(people), {**THREE, "action": "record"}).status_code == 403
    assert not EligibilityDecision.objects.exists()
    client.force_login(people.mary)  # the team manager may
    assert client.get(url(people)).status_code == 200


def test_an_unknown_decision_is_not_found(client: Client, people: Personas) -> None:
    client.force_login(people.alice)
    assert client.get(url(people, "no-such-rule")).status_code == 404


def test_the_eligibility_page_lists_the_latest_decision_of_each_kind(
    client: Client, people: Personas
) -> None:
    record_eligibility_decision(people.alice, people.amy, "tier-of-need", {"risk_level": "low"})
    record_eligibility_decision(
        people.mary, people.amy, "tier-of-need", {"risk_level": "substantial"}
    )
    client.force_login(people.alice)
    page = client.get(reverse("records:eligibility", args=[people.amy.public_id])).content.decode()
    latest = page.split("Every decision recorded")[0]
    assert "tier 3 (diversion), priority 2" in latest
    assert "tier 1 (inclusion)" not in latest
    assert page.count("tier 1 (inclusion), priority 4: level of risk") == 1
