"""Each worker's due dates as a calendar feed, at a secret, revocable address."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from casework.site.testing import Personas
from casework.work.feeds import open_feed, revoke_feeds
from casework.work.models import CalendarFeed


def test_the_feed_lists_my_due_dates_without_naming_the_child(
    client: Client, people: Personas
) -> None:
    feed = open_feed(people.alice)
    response = client.get(reverse("work:calendar_feed", args=[feed.token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    assert body.count("BEGIN:VEVENT") == 6  # Amy's six outstanding obligations
    assert "DTSTART;VALUE=DATE:20240624" in body
    assert people.amy.public_id in body
    for name in ("Amy", "Adams", "Rita", "Reed"):
        assert name not in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_a_revoked_or_unknown_feed_is_not_found(client: Client, people: Personas) -> None:
    feed = open_feed(people.alice)
    revoke_feeds(people.alice)
    assert client.get(reverse("work:calendar_feed", args=[feed.token])).status_code == 404
    assert client.get(reverse("work:calendar_feed", args=["not-a-token"])).status_code == 404


def test_a_deactivated_workers_feed_is_not_found(client: Client, people: Personas) -> None:
    feed = open_feed(people.alice)
    people.alice.is_active = False
    people.alice.save(update_fields=["is_active"])
    assert client.get(reverse("work:calendar_feed", args=[feed.token])).status_code == 404


def test_a_worker_starts_and_stops_their_feed(client: Client, people: Personas) -> None:
    client.force_login(people.alice)
    url = reverse("work:calendar")
    client.post(url, {"action": "create"})
    feed = CalendarFeed.objects.get(user=people.alice)
    assert feed.token in client.get(url).content.decode()
    client.post(url, {"action": "revoke"})
    feed.refresh_from_db()
    assert not feed.is_active
    client.post(url, {"action": "create"})
    assert CalendarFeed.objects.filter(user=people.alice, revoked_at__isnull=True).count() == 1
    assert CalendarFeed.objects.get(revoked_at__isnull=True).token != feed.token


def test_the_feed_page_needs_a_role_that_opens_records(client: Client, people: Personas) -> None:
    client.force_login(people.carl)
    assert client.get(reverse("work:calendar")).status_code == 403
