from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "casework.records.imports"
    label = "imports"
    verbose_name = "Imported returns"
