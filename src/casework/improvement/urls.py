from django.urls import path

from casework.improvement.views import plans, self_assessment

app_name = "improvement"
urlpatterns = [
    path("", self_assessment.index, name="index"),
    path("self-assessment/<int:year>/", self_assessment.self_assessment, name="self_assessment"),
    path(
        "self-assessment/<int:year>/criteria/<str:number>/",
        self_assessment.criterion,
        name="criterion",
    ),
    path("plans/new/", plans.plan_new, name="plan_new"),
    path("plans/<int:pk>/", plans.plan, name="plan"),
    path(
        "plans/<int:plan_pk>/recommendations/<int:pk>/",
        plans.recommendation,
        name="recommendation",
    ),
    path("plans/<int:plan_pk>/actions/<int:pk>/", plans.action_detail, name="action"),
]
