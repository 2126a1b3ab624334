"""Taking a contact and its steps in the browser's forms: bad input gives a GOV.UK error
summary naming the field, and nothing is half-written."""

from __future__ import annotations

from typing import Any

from django.test import Client

from casework.accounts.models import AuditEntry
from casework.frontdoor.models import AgencyCheck, Contact
from casework.records.models import Event, Person
from casework.site.testing import PASSWORD, Personas
from web.frontdoor.conftest import Clock, new_contact

GOOD = {
    "on_day": "28",
    "on_month": "6",
    "on_year": "2024",
    "at_time": "14:30",
    "method": "phone",
    "caller_name": "Pat Jones",
    "caller_relationship": "Class teacher",
    "caller_contact": "",
    "concern": "Bruise on the arm",
}


def _signed_in(client: Client, username: str) -> Client:
    assert client.login(username=username, password=PASSWORD)
    return client


def _counts() -> tuple[int, int, int, int]:
    return (
        Person.objects.count(),
        Event.objects.count(),
        Contact.objects.count(),
        AuditEntry.objects.count(),
    )


def test_a_contact_about_a_known_child_is_recorded_with_its_event(
    client: Client, people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")
    _signed_in(client, "alice")
    response = client.post(f"/front-door/{people.ben.public_id}/new/", GOOD)
    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/front-door/{people.ben.public_id}/{contact.pk}/"
    assert contact.person == people.ben
    assert contact.recorded_by == people.alice
    event = contact.event
    assert (event.type, str(event.occurred), str(event.occurred_time)) == (
        "contact",
        "2024-06-28",
        "14:30:00",
    )
    assert event.details["method"] == "phone"
    assert event.written_by == people.alice


def test_a_contact_about_a_new_child_adds_them_to_the_duty_team(
    client: Client, people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")
    _signed_in(client, "alice")
    data = {**GOOD, "given_name": "Dan", "family_name": "Dale"}
    client.post("/front-door/new/child/", data)
    dan = Person.objects.get(given_name="Dan")
    assert dan.team == people.hilltop
    assert dan.worker is None
    assert dan.unallocated_reason
    assert Contact.objects.get().person == dan


def test_missing_fields_are_named_and_nothing_is_written(
    client: Client, people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")
    _signed_in(client, "alice")
    before = _counts()
    bad = {**GOOD, "caller_name": "", "at_time": "", "concern": "  ", "given_name": "Dan"}
    response = client.post("/front-door/new/child/", bad)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter the caller&#x27;s name" in page
    assert "Enter the time it came in" in page
    assert "Enter what the concern is" in page
    assert "Enter the child&#x27;s family name" in page
    assert 'href="#id_caller_name"' in page
    assert _counts() == before


def test_a_contact_in_the_future_is_refused(client: Client, people: Personas, clock: Clock) -> None:
    clock("2024-06-28 15:00")
    _signed_in(client, "alice")
    before = _counts()
    response = client.post(f"/front-door/{people.ben.public_id}/new/", {**GOOD, "at_time": "15:01"})
    assert "The date and time must be now or in the past" in response.content.decode()
    assert _counts() == before


def test_nonsense_values_are_refused_not_crashed_on(
    client: Client, people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")
    _signed_in(client, "alice")
    bad = {**GOOD, "on_day": "31", "on_month": "2", "at_time": "25:99", "method": "pigeon"}
    response = client.post(f"/front-door/{people.ben.public_id}/new/", bad)
    page = response.content.decode()
    assert "Enter a real date" in page
    assert "Enter a time like 14:30" in page
    assert "Choose how the contact came in" in page
    assert Contact.objects.count() == 0


def _step(client: Client, people: Personas, name: str, data: dict[str, Any]) -> Any:
    contact = Contact.objects.get()
    url = f"/front-door/{people.ben.public_id}/{contact.pk}/{name}/"
    when = {"on_day": "28", "on_month": "6", "on_year": "2024", "at_time": "14:55"}
    return client.post(url, {**when, **data})


def test_an_override_of_consent_needs_its_reason_and_a_manager(
    client: Client, people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")
    new_contact(people.alice, people.ben, "2024-06-28 14:30")
    _signed_in(client, "alice")
    page = _step(client, people, "consent", {"consent": "override"}).content.decode()
    assert "Give the reason for overriding consent" in page
    page = _step(
        client, people, "consent", {"consent": "override", "rationale": "Risk to the child"}
    ).content.decode()
    assert "Only a duty manager can override consent" in page
    assert not Event.objects.filter(type="consent_obtained").exists()

    client.logout()
    _signed_in(client, "mary")
    response = _step(
        client, people, "consent", {"consent": "override", "rationale": "Risk to the child"}
    )
    assert response.status_code == 302
    event = Event.objects.get(type="consent_obtained")
    assert event.details == {"override": "yes", "rationale": "Risk to the child"}
    assert event.written_by == people.mary


def test_an_enquiry_needs_a_grade_and_an_agency(
    client: Client, people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")
    new_contact(people.alice, people.ben, "2024-06-28 14:30")
    _signed_in(client, "alice")
    page = _step(client, people, "enquiry", {"grade": "green"}).content.decode()
    assert "Choose red or amber" in page
    assert "Choose at least one agency" in page
    assert 'href="#id_agencies_0"' in page
    assert AgencyCheck.objects.count() == 0
    response = _step(client, people, "enquiry", {"grade": "red", "agencies": ["police", "health"]})
    assert response.status_code == 302
    assert sorted(AgencyCheck.objects.values_list("agency", flat=True)) == ["health", "police"]
    assert Event.objects.get(type="mash_enquiry").details["grade"] == "red"


def test_checks_cannot_come_back_before_they_were_asked_for(
    client: Client, people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")
    contact = new_contact(people.alice, people.ben, "2024-06-28 14:30")
    _signed_in(client, "alice")
    _step(client, people, "enquiry", {"grade": "red", "agencies": ["police"]})
    check = AgencyCheck.objects.get()
    url = f"/front-door/{people.ben.public_id}/{contact.pk}/checks/{check.pk}/"
    when = {"on_day": "28", "on_month": "6", "on_year": "2024", "at_time": "14:00"}
    page = client.post(url, when).content.decode()
    assert "Checks cannot come back before they were asked for" in page
    check.refresh_from_db()
    assert check.returned_at is None
    assert not Event.objects.filter(type__in=["mash_agency_reply", "mash_checks_back"]).exists()


def test_a_closed_contact_takes_no_more_steps(
    client: Client, people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")
    new_contact(people.alice, people.ben, "2024-06-28 14:30")
    _signed_in(client, "alice")
    assert _step(client, people, "outcome", {"outcome": "nfa"}).status_code == 302
    before = Event.objects.count()
    _step(client, people, "recommendation", {"tier": "1", "next_step": "nfa", "reasons": "x"})
    assert Event.objects.count() == before
    # Telling the referrer the outcome comes after the contact closes.
    assert _step(client, people, "referrer", {"method": "Phone call"}).status_code == 302
    assert Event.objects.filter(type="referrer_told_outcome").count() == 1


def test_allocation_waits_for_a_referral_outcome(
    client: Client, people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")
    contact = new_contact(people.alice, people.ben, "2024-06-28 14:30")
    _signed_in(client, "mary")
    url = f"/front-door/{people.ben.public_id}/{contact.pk}/allocation/"
    assert "Record the outcome as a referral first" in client.get(url).content.decode()
    client.post(url, {"worker": people.bob.pk, "start_assessment": "on"})
    people.ben.refresh_from_db()
    assert people.ben.worker is None
    assert not Event.objects.filter(type__in=["allocation", "assessment_start"]).exists()


def test_the_day_23_invite_is_a_calendar_file_naming_no_child(
    client: Client, people: Personas, clock: Clock
) -> None:
    from casework.frontdoor.actions import allocate_contact, decide_outcome
    from web.frontdoor.conftest import at

    clock("2024-06-28 15:00")
    contact = new_contact(people.alice, people.ben, "2024-06-28 14:30")
    decide_outcome(people.mary, contact, at=at("2024-06-28 14:50"), outcome="referral")
    allocate_contact(people.mary, contact, people.bob, start_assessment=True)
    _signed_in(client, "mary")
    response = client.get(f"/front-door/{people.ben.public_id}/{contact.pk}/day-23.ics")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "DTSTART;VALUE=DATE:20240731" in body
    assert "Ben" not in body
    assert "Brown" not in body


def test_an_allegation_of_deliberate_harm_brings_up_the_climbie_reminders(
    client: Client, people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")
    _signed_in(client, "alice")
    plain = client.post(f"/front-door/{people.ben.public_id}/new/", GOOD, follow=True)
    assert "Recommendation 35" not in plain.content.decode()
    harm = {**GOOD, "deliberate_harm_alleged": "on"}
    page = client.post(f"/front-door/{people.ben.public_id}/new/", harm, follow=True)
    text = page.content.decode()
    assert "within 24 hours of the allegation of deliberate harm" in text
    assert "001 · Recommendation 98" in text
    assert "001 · Recommendation 36" in text
    assert Contact.objects.latest("pk").event.details["deliberate_harm_alleged"] == "yes"
