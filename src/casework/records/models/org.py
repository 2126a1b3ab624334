"""Services and the teams within them."""

from __future__ import annotations

from django.db import models


class Service(models.Model):
    name = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    name = models.CharField(max_length=200, unique=True)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="teams")

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name
