"""Forms for raising, answering and closing challenges, and deciding dip audits."""

from __future__ import annotations

from django import forms

from casework.site.forms import GovukForm


def _text(label: str, required_message: str, *, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=help_text,
        error_messages={
            "required": required_message,
            "max_length": "Keep this under 5,000 characters",
        },
    )


class RaiseForm(GovukForm):
    concern = _text(
        "What is the concern?",
        "Say what the concern is",
        help_text="For example, visits have not happened, or the plan is not being followed",
    )
    wanted = _text(
        "What do you want to happen?",
        "Say what you want to happen",
        help_text="For example, the visits to take place within a week",
    )


class RespondForm(GovukForm):
    response = _text("Your response", "Write your response")


class EscalateForm(GovukForm):
    reason = _text("Why does this need to go further?", "Say why the challenge is escalated")


class CloseForm(GovukForm):
    resolved = forms.TypedChoiceField(
        label="Was the challenge resolved?",
        choices=(("yes", "Yes"), ("no", "No")),
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the challenge was resolved"},
    )
    outcome = _text("Outcome", "Say what the outcome was")


class ConfirmDipAuditForm(GovukForm):
    findings = _text(
        "Findings",
        "Write the findings of the dip audit",
        help_text="What you found on the file and what you asked the team to do",
    )


class DismissDipAuditForm(GovukForm):
    reason = _text("Why is no dip audit needed?", "Say why no dip audit is needed")
