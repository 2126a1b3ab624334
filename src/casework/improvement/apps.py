from django.apps import AppConfig


class ImprovementConfig(AppConfig):
    name = "casework.improvement"
    label = "improvement"
    verbose_name = "Self-assessment and action plans"
