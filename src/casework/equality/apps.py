from django.apps import AppConfig


class EqualityConfig(AppConfig):
    name = "casework.equality"
    label = "equality"
    verbose_name = "Equality monitoring"
