from django.apps import AppConfig


class ChallengesConfig(AppConfig):
    name = "casework.challenges"
    label = "challenges"
    verbose_name = "Practice challenges"
