"""Practice challenges."""

from django.apps import AppConfig


class ChallengesConfig(AppConfig):
    name = "casework.challenges"
    label = "challenges"
    verbose_name = "Practice challenges"

    def ready(self) -> None:
        from casework.challenges.rules import rules
        from casework.challenges.tasks import challenge_tasks
        from casework.work.tasks import task_source

        rules()  # a mistake in rules.yaml stops start-up, not a page later
        task_source(challenge_tasks)
