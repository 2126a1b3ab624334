"""Signing in and out, throttling, sessions and security headers."""

from __future__ import annotations

from django.conf import settings
from django.test import Client
from django.urls import reverse

from casework.accounts.models import AuditAction, AuditEntry
from casework.site.testing import PASSWORD, Personas

SIGN_IN = "/accounts/sign-in/"


def test_a_social_worker_signs_in_and_lands_on_my_work(client: Client, people: Personas) -> None:
    response = client.post(SIGN_IN, {"username": "alice", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("work:my_work")
    assert b"Amy Adams" in response.content
    assert AuditEntry.objects.filter(actor=people.alice, action=AuditAction.SIGNED_IN).exists()


def test_a_team_manager_lands_on_the_team_workload(client: Client, people: Personas) -> None:
    response = client.post(SIGN_IN, {"username": "mary", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("work:team")


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(
    client: Client, people: Personas
) -> None:
    response = client.post(SIGN_IN, {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert b"Enter a correct user name and password" in response.content
    assert b"Error: Sign in" in response.content


def test_sign_in_is_locked_after_five_failures_even_with_the_right_password(
    client: Client, people: Personas
) -> None:
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        client.post(SIGN_IN, {"username": "alice", "password": "wrong"})
    response = client.post(SIGN_IN, {"username": "Alice", "password": PASSWORD})
    assert b"too many attempts" in response.content
    assert "_auth_user_id" not in client.session


def test_it_only_follows_next_to_this_site(client: Client, people: Personas) -> None:
    response = client.post(
        SIGN_IN, {"username": "alice", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_signing_out_needs_a_post(client: Client, people: Personas) -> None:
    client.force_login(people.alice)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("work:my_work")).status_code == 302


def test_sessions_end_after_thirty_idle_minutes() -> None:
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_pages_carry_security_headers_and_are_not_cached(client: Client, people: Personas) -> None:
    client.force_login(people.alice)
    response = client.get(reverse("records:record", args=[people.amy.public_id]))
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cache-Control"] == "no-store"


def test_urls_carry_no_name_or_case_number(client: Client, people: Personas) -> None:
    url = reverse("records:record", args=[people.amy.public_id])
    assert "Amy" not in url
    assert people.amy.reference not in url
    assert len(people.amy.public_id) == 12
