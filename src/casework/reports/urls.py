from django.urls import path

from casework.reports.views import downloads, schedules

app_name = "reports"
urlpatterns = [
    path("", downloads.reports, name="reports"),
    path("<slug:report>.<str:fmt>", downloads.download, name="download"),
    path("schedules/", schedules.schedules, name="schedules"),
    path("produced/<int:pk>.<str:fmt>", schedules.produced, name="produced"),
]
