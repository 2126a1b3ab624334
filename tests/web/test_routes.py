"""Every URL has an access decision, and nothing but the sign-in page is open to all."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver

from casework.accounts.access import access_decision


def patterns(
    resolver: URLResolver | None = None, prefix: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from patterns(entry, prefix + str(entry.pattern))
        else:
            yield prefix + str(entry.pattern), entry


def test_every_url_has_an_access_decision() -> None:
    undecided = [route for route, p in patterns() if access_decision(p.callback) is None]
    assert undecided == []


def test_only_the_sign_in_page_is_public() -> None:
    public = sorted(route for route, p in patterns() if access_decision(p.callback) == "public")
    assert public == ["accounts/sign-in/"]


def test_there_are_routes_to_check() -> None:
    assert len(list(patterns())) >= 14


def test_every_record_page_has_a_plain_name_for_the_access_log() -> None:
    from casework.accounts.views import PAGE_NAMES

    record_pages = {
        str(p.name)
        for _, p in patterns()
        if (access_decision(p.callback) or "").startswith("person page")
    }
    named = {name.split(":")[1] for name in PAGE_NAMES}
    assert record_pages == named


def test_only_the_calendar_feed_is_opened_by_a_token_in_its_address() -> None:
    by_token = sorted(
        route for route, p in patterns() if access_decision(p.callback) == "calendar feed token"
    )
    assert by_token == ["calendar/<slug:token>.ics"]
