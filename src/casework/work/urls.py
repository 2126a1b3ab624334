from django.urls import path

from casework.work.views import allocation, figures, my_work, team

app_name = "work"
urlpatterns = [
    path("my-work/", my_work.my_work, name="my_work"),
    path("team/", team.team, name="team"),
    path("figures/", figures.figures, name="figures"),
    path("records/<slug:public_id>/allocation/", allocation.allocation, name="allocation"),
]
