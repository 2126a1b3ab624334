from django.urls import path

from casework.accounts.views import access_log
from casework.records.views import eligibility, events, people, record

app_name = "records"
urlpatterns = [
    path("new/", people.child_new, name="child_new"),
    path("<slug:public_id>/", record.record, name="record"),
    path(
        "<slug:public_id>/front-sheet/",
        people.front_sheet_change,
        name="front_sheet_change",
    ),
    path("<slug:public_id>/chronology/", record.chronology_view, name="chronology"),
    path("<slug:public_id>/chronology/add/", record.chronology_add, name="chronology_add"),
    path("<slug:public_id>/events/", events.events, name="events"),
    path("<slug:public_id>/events/new/", events.event_new, name="event_new"),
    path("<slug:public_id>/events/<int:event_id>/", events.event_detail, name="event"),
    path(
        "<slug:public_id>/events/<int:event_id>/correct/",
        events.event_correct,
        name="event_correct",
    ),
    path(
        "<slug:public_id>/events/<int:event_id>/withdraw/",
        events.event_withdraw,
        name="event_withdraw",
    ),
    path("<slug:public_id>/access-log/", access_log, name="access_log"),
    path("<slug:public_id>/eligibility/", eligibility.eligibility, name="eligibility"),
    path(
        "<slug:public_id>/eligibility/<slug:decision_id>/",
        eligibility.eligibility_decide,
        name="eligibility_decide",
    ),
]
