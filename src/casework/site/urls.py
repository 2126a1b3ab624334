"""Every URL. Each view carries an access decision (tests/web/test_routes.py checks)."""

from django.urls import include, path

from casework.accounts.views import home

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("casework.accounts.urls")),
    path("records/", include("casework.records.urls")),
    path("", include("casework.work.urls")),
    path("front-door/", include("casework.frontdoor.urls")),
    path("quality/", include("casework.quality.urls")),
    path("challenges/", include("casework.challenges.urls")),
    path("improvement/", include("casework.improvement.urls")),
    path("performance/", include("casework.performance.urls")),
    path("equality/", include("casework.equality.urls")),
    path("reports/", include("casework.reports.urls")),
]
