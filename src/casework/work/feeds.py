"""Calendar feeds: each worker's outstanding due dates as iCalendar (RFC 5545).

The feed is fetched by calendar programs that cannot sign in, so the secret is a token in
the URL path. It names no child: each event carries the standard's title and the record's
opaque id only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, cast

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.utils import timezone

from casework.accounts.models import User
from casework.accounts.policy import policy
from casework.records.models import Obligation
from casework.records.presenters import standard_title
from casework.work.models import CalendarFeed
from casework.work.queries import outstanding

FEED_TOKEN_DECISION = "calendar feed token"


def feed_token(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Open to calendar programs; the view itself must look the token up."""
    view = login_not_required(view)
    cast(Any, view).access_decision = FEED_TOKEN_DECISION
    return view


def feed_owner(token: str) -> User | None:
    feed = (
        CalendarFeed.objects.filter(token=token, revoked_at__isnull=True)
        .select_related("user")
        .first()
    )
    if feed is None or not feed.user.is_active:
        return None
    return feed.user


def open_feed(user: User) -> CalendarFeed:
    """The user's feed, creating one if there is none."""
    feed = CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).first()
    return feed or CalendarFeed.objects.create(user=user, created_at=timezone.now())


def revoke_feeds(user: User) -> int:
    """Stop every feed the user has; a new one gets a new address."""
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def feed_obligations(user: User) -> list[Obligation]:
    mine = policy.viewable(user).filter(worker=user, is_open=True)
    return list(outstanding(mine).select_related("person").order_by("due", "id"))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets are folded onto lines starting with a space (RFC 5545)."""
    parts: list[str] = []
    limit = 75
    while len(line.encode()) > limit:
        cut = limit
        while len(line[:cut].encode()) > limit:
            cut -= 1
        parts.append(line[:cut])
        line = line[cut:]
        limit = 74
    parts.append(line)
    return [parts[0], *(" " + part for part in parts[1:])]


def ics(user: User, base_url: str) -> str:
    stamp = timezone.now().astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Casework//Due dates//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Casework due dates",
    ]
    for o in feed_obligations(user):
        public_id = o.person.public_id
        lines += [
            "BEGIN:VEVENT",
            f"UID:{o.standard}-{o.sequence}-{o.due:%Y%m%d}-{public_id}@casework",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{o.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{o.due + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(standard_title(o.standard))} ({public_id})",
            f"URL:{base_url}/records/{public_id}/",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
