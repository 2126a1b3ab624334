"""Allocation and transfer, recorded as events and audited."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from casework.accounts.models import AuditAction, AuditEntry
from casework.records.models import Event
from casework.site.testing import Personas


def test_a_manager_allocates_an_unallocated_child(client: Client, people: Personas) -> None:
    client.force_login(people.mary)
    url = reverse("work:allocation", args=[people.ben.public_id])
    response = client.post(url, {"action": "allocate", "allocate-worker": people.bob.pk})
    assert response.status_code == 302
    people.ben.refresh_from_db()
    assert people.ben.worker == people.bob
    assert people.ben.unallocated_reason == ""
    event = Event.objects.get(person=people.ben, type="allocation")
    assert event.details == {"worker": "bob", "team": "Hilltop child protection team"}
    assert AuditEntry.objects.filter(person=people.ben, action=AuditAction.ALLOCATED).exists()


def test_a_transfer_moves_the_child_and_leaves_them_unallocated_with_a_reason(
    client: Client, people: Personas
) -> None:
    client.force_login(people.mary)
    url = reverse("work:allocation", args=[people.amy.public_id])
    response = client.post(
        url,
        {
            "action": "transfer",
            "transfer-team": people.riverside.pk,
            "transfer-reason": "Stepped down to child in need",
            "transfer-contact_arrangement": "Riverside duty worker visits weekly",
        },
    )
    assert response.status_code == 302
    people.amy.refresh_from_db()
    assert (people.amy.team, people.amy.worker) == (people.riverside, None)
    assert people.amy.contact_arrangement == "Riverside duty worker visits weekly"
    transfer = Event.objects.get(person=people.amy, type="transfer")
    assert transfer.details == {"to_team": "Riverside child in need team"}
    entries = AuditEntry.objects.filter(person=people.amy, action=AuditAction.TRANSFERRED)
    assert entries.count() == 1


def test_unallocating_needs_a_reason_and_how_contact_is_kept(
    client: Client, people: Personas
) -> None:
    client.force_login(people.mary)
    url = reverse("work:allocation", args=[people.amy.public_id])
    response = client.post(url, {"action": "unallocate"})
    assert b"Say why the child is unallocated" in response.content
    assert b"Say how contact with the child is kept" in response.content
    people.amy.refresh_from_db()
    assert people.amy.worker == people.alice


def test_a_social_worker_cannot_allocate(client: Client, people: Personas) -> None:
    client.force_login(people.alice)
    url = reverse("work:allocation", args=[people.amy.public_id])
    response = client.post(url, {"action": "allocate", "allocate-worker": people.alice.pk})
    assert response.status_code == 403
