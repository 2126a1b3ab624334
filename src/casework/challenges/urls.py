from django.urls import path

from casework.challenges.views import lists, record

app_name = "challenges"
urlpatterns = [
    path("", lists.index, name="index"),
    path("dip-audits/", lists.dip_audits, name="dip_audits"),
    path("records/<slug:public_id>/", record.person_challenges, name="person"),
    path("records/<slug:public_id>/new/", record.raise_challenge, name="raise"),
    path("records/<slug:public_id>/<int:pk>/", record.detail, name="detail"),
    path("records/<slug:public_id>/dip-audits/<int:pk>/", record.dip_audit, name="dip_audit"),
]
