"""Self-assessment and action plans."""

from django.apps import AppConfig


class ImprovementConfig(AppConfig):
    name = "casework.improvement"
    label = "improvement"
    verbose_name = "Self-assessment and action plans"

    def ready(self) -> None:
        from casework.improvement.tasks import plan_action_tasks
        from casework.work.tasks import task_source

        task_source(plan_action_tasks)
