"""Every URL. Each view carries an access decision (tests/web/test_routes.py checks)."""

from django.urls import include, path

from casework.accounts.views import home

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("casework.accounts.urls")),
    path("records/", include("casework.records.urls")),
    path("", include("casework.work.urls")),
]
