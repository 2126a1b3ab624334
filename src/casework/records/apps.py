from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "casework.records"
    label = "records"
    verbose_name = "Records"
