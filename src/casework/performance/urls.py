from django.urls import URLPattern, path

from casework.performance.views import indicator, overview, reports

app_name = "performance"
urlpatterns: list[URLPattern] = [
    path("", overview.overview, name="overview"),
    path("standards/", overview.standards, name="standards"),
    path("team-report/", reports.team_report, name="team_report"),
    path("what-if/", reports.what_if_page, name="what_if"),
    path("<slug:indicator_id>/", indicator.indicator_page, name="indicator"),
    path("<slug:indicator_id>/children/", indicator.children, name="children"),
]
