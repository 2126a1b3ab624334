"""The service navigation, by what the signed-in user may do."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from casework.accounts.roles import Ability


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items: list[tuple[str, str, str]] = []
    if user.can(Ability.VIEW_RECORDS):
        items.append(("My work", reverse("work:my_work"), "work:my_work"))
    if user.can(Ability.SEE_TEAM_WORKLOAD):
        items.append(("Team workload", reverse("work:team"), "work:team"))
    if user.can(Ability.SEE_FIGURES):
        items.append(("Figures", reverse("work:figures"), "work:figures"))
        items.append(("Reports", reverse("reports:reports"), "reports:reports"))
    if user.can(Ability.SEE_MANAGEMENT_INFORMATION):
        items.append(("Performance", reverse("performance:overview"), "performance:overview"))
    if user.can(Ability.TAKE_CONTACTS):
        items.append(("Front door", reverse("frontdoor:dashboard"), "frontdoor:dashboard"))
    if user.can(Ability.RAISE_CHALLENGES) or user.can(Ability.SEE_TEAM_WORKLOAD):
        items.append(("Practice challenges", reverse("challenges:index"), "challenges:index"))
    if user.can(Ability.SEE_MANAGEMENT_INFORMATION):
        items.append(("Improvement", reverse("improvement:index"), "improvement:index"))
    if user.can(Ability.AUDIT_FILES) or user.can(Ability.RUN_QUALITY_PROGRAMME):
        items.append(("Quality assurance", reverse("quality:home"), "quality:home"))
    current = request.resolver_match.view_name if request.resolver_match else ""
    return {
        "nav_items": [
            {"text": text, "href": href, "current": name == current} for text, href, name in items
        ]
    }
