"""The form for scheduling a report."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from casework.reports.kinds import ReportKind
from casework.reports.periods import Frequency

MAX_RECIPIENTS = 50


class ScheduleForm(forms.Form):
    report = forms.ChoiceField(
        label="Report",
        choices=ReportKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a report"},
    )
    frequency = forms.ChoiceField(
        label="How often",
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how often to send it"},
    )
    recipients = forms.CharField(
        label="Email addresses",
        help_text="One a line. Each report goes to these addresses as PDF and Excel.",
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 4}),
        max_length=5000,
        error_messages={
            "required": "Enter at least one email address",
            "max_length": "Enter fewer email addresses",
        },
    )

    def clean_recipients(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["recipients"].splitlines()]
        found = [line for line in lines if line]
        if not found:
            raise ValidationError("Enter at least one email address")
        if len(found) > MAX_RECIPIENTS:
            raise ValidationError(f"Enter no more than {MAX_RECIPIENTS} email addresses")
        for address in found:
            try:
                validate_email(address)
            except ValidationError:
                raise ValidationError(
                    f"Enter email addresses like name@council.gov.uk ({address!r} is not one)"
                ) from None
        return found
