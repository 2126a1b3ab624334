"""What the front door keeps beside the record's events: who called and how to reach them,
and which agencies a MASH enquiry asked. The facts the standards count (the contact, the
enquiry, each check back, consent, the threshold, the outcome) are records Events, so the
engine's timers run from them."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ContactMethod(models.TextChoices):
    PHONE = "phone", "Phone call"
    EMAIL = "email", "Email"
    IN_PERSON = "in_person", "In person"
    LETTER = "letter", "Letter"
    ONLINE_FORM = "online_form", "Multi-agency referral form (MARF)"


class Agency(models.TextChoices):
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    PROBATION = "probation", "Probation"
    HOUSING = "housing", "Housing"
    ADULT_SERVICES = "adult_services", "Adult social care"
    OTHER_COUNCIL = "other_council", "Another council's children's services"


class Contact(models.Model):
    """One contact at the front door, open until its outcome is decided (and, for a
    referral, until the child is allocated)."""

    person = models.ForeignKey(
        "records.Person", on_delete=models.CASCADE, related_name="front_door_contacts"
    )
    event = models.OneToOneField("records.Event", on_delete=models.PROTECT, related_name="+")
    episode_key = models.CharField(max_length=60)  # the contact episode: its timers carry it
    received_at = models.DateTimeField()
    method = models.CharField(max_length=20, choices=ContactMethod.choices)
    caller_name = models.CharField(max_length=200)
    caller_relationship = models.CharField(max_length=200)
    caller_contact = models.CharField(max_length=200, blank=True)
    concern = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()
    outcome = models.CharField(max_length=30, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    assessment_started = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ("-received_at", "-id")
        indexes = (models.Index(fields=["closed_at", "received_at"]),)

    def __str__(self) -> str:
        return f"contact {self.pk} received {self.received_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class AgencyCheck(models.Model):
    """One agency asked for checks by a MASH enquiry, and when its checks came back."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="checks")
    grade = models.CharField(max_length=10)
    agency = models.CharField(max_length=20, choices=Agency.choices)
    asked_at = models.DateTimeField()
    returned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("asked_at", "id")
        constraints = (
            models.UniqueConstraint(
                fields=["contact", "agency", "asked_at"], name="one_check_per_agency_per_enquiry"
            ),
        )

    def __str__(self) -> str:
        return f"{self.agency} checks for contact {self.contact_id}"
