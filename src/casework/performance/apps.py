from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "casework.performance"
    label = "performance"
    verbose_name = "Performance"
