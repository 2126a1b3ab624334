from django.urls import path

from casework.equality import views

app_name = "equality"
urlpatterns = [
    path("", views.equality, name="equality"),
    path("equality.pdf", views.download_pdf, name="download_pdf"),
    path("equality.xlsx", views.download_xlsx, name="download_xlsx"),
]
