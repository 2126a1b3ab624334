from django.urls import path

from casework.quality.views import analysis, audits, programme, samples

app_name = "quality"
urlpatterns = [
    path("", programme.home, name="home"),
    path("programme/", programme.programme, name="programme"),
    path("programme/<slug:key>/", programme.kind_edit, name="kind"),
    path("calendar/", programme.calendar, name="calendar"),
    path("compliance/", programme.compliance_page, name="compliance"),
    path("samples/", samples.samples, name="samples"),
    path("samples/new/", samples.new_sample, name="sample_new"),
    path("samples/<int:sample_id>/", samples.sample, name="sample"),
    path("records/<slug:public_id>/audit/", audits.audit_form, name="audit_form"),
    path("records/<slug:public_id>/audits/<int:audit_id>/", audits.audit, name="audit"),
    path("actions/", audits.actions, name="actions"),
    path("records/<slug:public_id>/actions/<int:action_id>/", audits.action, name="action"),
    path("analysis/", analysis.analysis, name="analysis"),
    path(
        "analysis/<str:period>.pdf",
        analysis.analysis_download,
        {"fmt": "pdf"},
        name="analysis_pdf",
    ),
    path(
        "analysis/<str:period>.xlsx",
        analysis.analysis_download,
        {"fmt": "xlsx"},
        name="analysis_xlsx",
    ),
]
