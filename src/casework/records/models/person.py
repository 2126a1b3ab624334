"""A child, or an adult (LADO and fostering), with the key information of the front sheet."""

from __future__ import annotations

import datetime as dt
import secrets
import string

from django.conf import settings
from django.db import models

_ALPHABET = string.ascii_lowercase + string.digits


def new_public_id() -> str:
    """An opaque id for URLs, unrelated to any name or case number."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(12))


class PersonKind(models.TextChoices):
    CHILD = "child", "Child"
    ADULT = "adult", "Adult"


class Sex(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNKNOWN = "U", "Not known"
    INDETERMINATE = "I", "Indeterminate"


class Ethnicity(models.TextChoices):
    """The ethnicity codes of the children in need census and SSDA903."""

    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WROM = "WROM", "Gypsy or Roma"
    WOTH = "WOTH", "Any other White background"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Caribbean"
    BAFR = "BAFR", "African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Declined"
    NOBT = "NOBT", "Information not yet obtained"


class LegalStatus(models.TextChoices):
    NONE = "", "None"
    CIN = "CIN", "Child in need (section 17)"
    CP = "CP", "Child protection plan"
    V2 = "V2", "Accommodated under section 20"
    C1 = "C1", "Interim care order"
    C2 = "C2", "Full care order"
    E1 = "E1", "Placement order"
    J2 = "J2", "Remanded to local authority accommodation"
    L1 = "L1", "Police protection"
    L2 = "L2", "Emergency protection order"
    CL = "CL", "Care leaver"


class Person(models.Model):
    kind = models.CharField(max_length=10, choices=PersonKind.choices, default=PersonKind.CHILD)
    public_id = models.CharField(max_length=12, unique=True, default=new_public_id)
    reference = models.CharField("case number", max_length=40, unique=True)
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)

    # The front sheet (seed 000, 2.4.26).
    ethnicity = models.CharField(
        max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT, blank=True
    )
    first_language = models.CharField(max_length=100, blank=True, default="English")
    interpreter_needed = models.BooleanField(default=False)
    disability = models.CharField(max_length=200, blank=True)  # blank: none recorded
    legal_status = models.CharField(
        max_length=4, choices=LegalStatus.choices, default=LegalStatus.NONE, blank=True
    )
    uasc = models.BooleanField("unaccompanied asylum-seeking child", default=False)
    gp = models.CharField("GP", max_length=200, blank=True)
    school = models.CharField(max_length=200, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=8, blank=True)

    # Who holds the case. A child with no worker is unallocated: say why and how contact
    # is kept until a worker is allocated (Climbie recommendation 54).
    is_open = models.BooleanField(default=True)
    team = models.ForeignKey(
        "records.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="caseload",
    )
    unallocated_reason = models.CharField(max_length=300, blank=True)
    contact_arrangement = models.CharField(max_length=300, blank=True)

    # Restricted records (a relative of staff, say) are seen only by the people named.
    restricted = models.BooleanField(default=False)
    restricted_to = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="restricted_records"
    )

    # Copied from the obligations when they are worked out, so lists sort without joins.
    next_due = models.DateField(null=True, blank=True)
    next_standard = models.CharField(max_length=100, blank=True)
    overdue_count = models.PositiveIntegerField(default=0)
    evaluated_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = (
            "family_name",
            "given_name",
        )
        verbose_name_plural = "people"
        indexes = (
            models.Index(fields=["worker", "is_open", "next_due"]),
            models.Index(fields=["team", "is_open", "next_due"]),
        )

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    def age_on(self, day: dt.date) -> int | None:
        born = self.date_of_birth
        if born is None:
            return None
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def is_unallocated(self) -> bool:
        return self.worker_id is None
