from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "casework.quality"
    label = "quality"
    verbose_name = "Quality assurance"

    def ready(self) -> None:
        from casework.quality.tasks import audit_actions
        from casework.work.tasks import task_source

        task_source(audit_actions)
