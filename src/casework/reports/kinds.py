"""The reports there are (their content is in `casework.reports.content`)."""

from django.db import models


class ReportKind(models.TextChoices):
    COUNCILLORS = "councillors", "Monthly report to councillors"
    BOARD = "board", "Quarterly performance board pack"
    EQUALITY = "equality", "Six-monthly equality report"
    IRO = "iro", "IRO service annual report figures"
    LADO = "lado", "LADO annual report figures"
