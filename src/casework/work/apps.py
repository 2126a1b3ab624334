from django.apps import AppConfig


class WorkConfig(AppConfig):
    name = "casework.work"
    label = "work"
    verbose_name = "Work"
