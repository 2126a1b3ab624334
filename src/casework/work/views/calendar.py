"""A worker's calendar feed, and the page to start or stop it."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from casework.accounts.access import AuthedRequest, requires
from casework.accounts.roles import Ability
from casework.work.feeds import feed_owner, feed_token, ics, open_feed, revoke_feeds
from casework.work.models import CalendarFeed


@requires(Ability.VIEW_RECORDS)
def calendar_settings(request: AuthedRequest) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            revoke_feeds(request.user)
        else:
            open_feed(request.user)
        return redirect("work:calendar")
    feed = CalendarFeed.objects.filter(user=request.user, revoked_at__isnull=True).first()
    url = ""
    if feed is not None:
        url = request.build_absolute_uri(reverse("work:calendar_feed", args=[feed.token]))
    return render(request, "work/calendar.html", {"feed": feed, "feed_url": url})


@feed_token
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    user = feed_owner(token)
    if user is None:
        raise Http404("No such feed")
    base = request.build_absolute_uri("/").rstrip("/")
    response = HttpResponse(ics(user, base), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
