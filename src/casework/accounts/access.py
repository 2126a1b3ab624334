"""Access decisions for views. Every URL's view carries one (a test checks this).

- `public`: anyone, signed in or not (the sign-in page).
- `signed_in`: any signed-in user.
- `requires(ability)`: a signed-in user whose role has the ability.
- `person_page(...)`: a page about one person's record. The person is looked up through the
  access policy (404 outside the user's reach, 403 where they may see but not change), and
  the view is written to the access log.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, cast

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from casework.accounts.models import AccessLog, User
from casework.accounts.policy import policy
from casework.accounts.roles import Ability
from casework.records.models import Person

P = ParamSpec("P")
View = Callable[..., HttpResponse]


class AuthedRequest(HttpRequest):
    user: User


def _decided(view: View, decision: str) -> None:
    cast(Any, view).access_decision = decision


def access_decision(view: object) -> str | None:
    """The decision a view carries, or None."""
    return cast(str | None, getattr(view, "access_decision", None))


def public(view: View) -> View:
    view = login_not_required(view)
    _decided(view, "public")
    return view


def signed_in(view: Callable[Concatenate[AuthedRequest, P], HttpResponse]) -> View:
    _decided(view, "signed in")
    return view


def requires(
    ability: Ability,
) -> Callable[[Callable[Concatenate[AuthedRequest, P], HttpResponse]], View]:
    def decorate(view: Callable[Concatenate[AuthedRequest, P], HttpResponse]) -> View:
        @functools.wraps(view)
        def wrapper(request: AuthedRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            if not request.user.can(ability):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        _decided(wrapper, f"requires {ability}")
        return wrapper

    return decorate


PersonView = Callable[Concatenate[AuthedRequest, Person, P], HttpResponse]


def person_page(*, change: bool = False, allocate: bool = False) -> Callable[[PersonView[P]], View]:
    """For views taking `public_id` from the URL; the view receives the Person instead."""

    def decorate(view: PersonView[P]) -> View:
        @functools.wraps(view)
        def wrapper(
            request: AuthedRequest, public_id: str, *args: P.args, **kwargs: P.kwargs
        ) -> HttpResponse:
            user = request.user
            person = (
                policy.viewable(user)
                .select_related("team", "worker")
                .filter(public_id=public_id)
                .first()
            )
            if person is None:
                raise Http404("No such record")
            AccessLog.objects.create(
                user=user,
                person=person,
                at=timezone.now(),
                page=request.resolver_match.view_name if request.resolver_match else "",
                method=request.method or "GET",
            )
            allowed = policy.allocatable(user) if allocate else policy.changeable(user)
            if (change or allocate) and not allowed.filter(pk=person.pk).exists():
                raise PermissionDenied
            return view(request, person, *args, **kwargs)

        what = "allocate" if allocate else "change" if change else "see"
        _decided(wrapper, f"person page: may {what}")
        return wrapper

    return decorate
