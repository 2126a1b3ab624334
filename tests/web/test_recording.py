"""Recording an event re-evaluates the child in the same request; corrections and
withdrawals keep every version."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from casework.accounts.models import AuditAction, AuditEntry
from casework.records.models import Event, EventVersion, Obligation, ObligationStatus
from casework.site.testing import Personas


def visit(day: int, month: int = 6, **extra: str) -> dict[str, str]:
    return {
        "type": "cp_visit",
        "occurred_day": str(day),
        "occurred_month": str(month),
        "occurred_year": "2024",
        "occurred_time": "",
        "worker": "",
        "detail_seen": "yes",
        "detail_seen_alone": "yes",
        "detail_bedroom_seen": "no",
        "note": "Saw Amy at home.",
        **extra,
    }


def cp_visits(people: Personas) -> list[tuple[int, dt.date, str]]:
    rows = Obligation.objects.filter(person=people.amy, standard="cp-visit").order_by("sequence")
    return [(o.sequence, o.due, o.status) for o in rows]


def test_recording_a_visit_moves_the_due_date_in_the_same_request(
    client: Client, people: Personas
) -> None:
    assert cp_visits(people) == [(1, dt.date(2024, 6, 24), ObligationStatus.OVERDUE)]
    client.force_login(people.alice)
    url = reverse("records:event_new", args=[people.amy.public_id])
    response = client.post(url, visit(20, worker=str(people.alice.pk)))
    assert response.status_code == 302
    assert cp_visits(people) == [
        (1, dt.date(2024, 6, 24), ObligationStatus.MET),
        (2, dt.date(2024, 7, 4), ObligationStatus.OPEN),
    ]
    people.amy.refresh_from_db()
    assert people.amy.next_due == dt.date(2024, 6, 24)  # the core group is still overdue
    page = client.get(response["Location"])
    assert b"4 Jul 2024" in page.content
    assert b"Child protection visit recorded" in page.content


def test_the_event_keeps_who_recorded_it_and_its_details(client: Client, people: Personas) -> None:
    client.force_login(people.alice)
    url = reverse("records:event_new", args=[people.amy.public_id])
    client.post(url, visit(20, worker=str(people.alice.pk), occurred_time="14:30"))
    event = Event.objects.get(person=people.amy, type="cp_visit")
    assert event.details == {"seen": "yes", "seen_alone": "yes", "bedroom_seen": "no"}
    assert event.occurred_time == dt.time(14, 30)
    assert event.written_by == people.alice
    assert event.recorded == dt.date(2024, 6, 28)
    entry = AuditEntry.objects.get(action=AuditAction.EVENT_RECORDED, detail__event=event.pk)
    assert entry.actor == people.alice
    assert entry.person == people.amy


def test_a_date_in_the_future_is_refused_in_plain_english(client: Client, people: Personas) -> None:
    client.force_login(people.alice)
    url = reverse("records:event_new", args=[people.amy.public_id])
    response = client.post(url, visit(1, month=7, worker=str(people.alice.pk)))
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b"The date must be today or in the past" in response.content
    assert not Event.objects.filter(type="cp_visit").exists()


def test_a_date_that_does_not_exist_is_refused(client: Client, people: Personas) -> None:
    client.force_login(people.alice)
    url = reverse("records:event_new", args=[people.amy.public_id])
    response = client.post(url, visit(31, month=2, worker=str(people.alice.pk)))
    assert b"Enter a real date" in response.content


def test_choosing_what_to_record_comes_first(client: Client, people: Personas) -> None:
    client.force_login(people.alice)
    url = reverse("records:event_new", args=[people.amy.public_id])
    chooser = client.get(url)
    assert b"What do you want to record?" in chooser.content
    form = client.get(url, {"type": "cp_visit"})
    assert b"Seen alone" in form.content


def test_a_correction_is_a_new_version_and_the_old_one_is_kept(
    client: Client, people: Personas
) -> None:
    client.force_login(people.alice)
    new = reverse("records:event_new", args=[people.amy.public_id])
    client.post(new, visit(20, worker=str(people.alice.pk)))
    event = Event.objects.get(type="cp_visit")
    url = reverse("records:event_correct", args=[people.amy.public_id, event.pk])
    response = client.post(
        url, {**visit(21, worker=str(people.alice.pk)), "reason": "Wrong day typed"}
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.version, event.occurred, event.reason) == (
        2,
        dt.date(2024, 6, 21),
        "Wrong day typed",
    )
    old = EventVersion.objects.get(event=event)
    assert (old.version, old.occurred) == (1, dt.date(2024, 6, 20))
    assert cp_visits(people)[1][1] == dt.date(2024, 7, 5)
    history = client.get(reverse("records:event", args=[people.amy.public_id, event.pk]))
    assert b"Version 1" in history.content
    assert b"Wrong day typed" in history.content


def test_a_correction_needs_a_reason(client: Client, people: Personas) -> None:
    client.force_login(people.alice)
    client.post(
        reverse("records:event_new", args=[people.amy.public_id]),
        visit(20, worker=str(people.alice.pk)),
    )
    event = Event.objects.get(type="cp_visit")
    url = reverse("records:event_correct", args=[people.amy.public_id, event.pk])
    response = client.post(url, visit(21, worker=str(people.alice.pk)))
    assert b"Say why you are correcting it" in response.content
    event.refresh_from_db()
    assert event.version == 1


def test_a_withdrawn_event_stops_counting_but_stays_in_the_history(
    client: Client, people: Personas
) -> None:
    client.force_login(people.alice)
    client.post(
        reverse("records:event_new", args=[people.amy.public_id]),
        visit(20, worker=str(people.alice.pk)),
    )
    event = Event.objects.get(type="cp_visit")
    url = reverse("records:event_withdraw", args=[people.amy.public_id, event.pk])
    client.post(url, {"reason": "Recorded on the wrong child's record"})
    event.refresh_from_db()
    assert event.withdrawn
    assert cp_visits(people) == [(1, dt.date(2024, 6, 24), ObligationStatus.OVERDUE)]
    assert EventVersion.objects.filter(event=event, withdrawn=False).exists()


def test_forms_are_protected_against_cross_site_requests(people: Personas) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.alice)
    url = reverse("records:event_new", args=[people.amy.public_id])
    assert client.post(url, visit(20, worker=str(people.alice.pk))).status_code == 403
    assert not Event.objects.filter(type="cp_visit").exists()


def test_a_manual_chronology_entry_appears_beside_the_events(
    client: Client, people: Personas
) -> None:
    client.force_login(people.alice)
    url = reverse("records:chronology_add", args=[people.amy.public_id])
    response = client.post(
        url,
        {
            "occurred_day": "12",
            "occurred_month": "6",
            "occurred_year": "2024",
            "title": "Police called to the home",
            "summary": "Neighbour reported shouting.",
            "significant": "on",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("records:chronology", args=[people.amy.public_id]))
    assert b"Police called to the home" in page.content
    assert b"Child protection plan started" in page.content
    significant = client.get(
        reverse("records:chronology", args=[people.amy.public_id]), {"significant": "yes"}
    )
    assert b"Police called to the home" in significant.content
