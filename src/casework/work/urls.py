from django.urls import path

from casework.work.views import allocation, calendar, figures, my_work, team

app_name = "work"
urlpatterns = [
    path("my-work/", my_work.my_work, name="my_work"),
    path("my-work/calendar/", calendar.calendar_settings, name="calendar"),
    path("calendar/<slug:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    path("team/", team.team, name="team"),
    path("figures/", figures.figures, name="figures"),
    path("records/<slug:public_id>/allocation/", allocation.allocation, name="allocation"),
]
