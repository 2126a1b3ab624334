from django.urls import path

from casework.frontdoor.views import contact, dashboard, steps

app_name = "frontdoor"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("new/", dashboard.find_child, name="find"),
    path("new/child/", contact.contact_new_child, name="contact_new_child"),
    path("<slug:public_id>/new/", contact.contact_new, name="contact_new"),
    path("<slug:public_id>/<int:contact_id>/", contact.contact, name="contact"),
    path("<slug:public_id>/<int:contact_id>/allocation/", steps.allocation, name="allocation"),
    path("<slug:public_id>/<int:contact_id>/day-23.ics", steps.day_23_invite, name="day_23_invite"),
    path(
        "<slug:public_id>/<int:contact_id>/checks/<int:check_id>/",
        steps.check_back,
        name="check_back",
    ),
    path("<slug:public_id>/<int:contact_id>/<slug:name>/", steps.step, name="step"),
]
