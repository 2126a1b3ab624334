"""The front door's forms: short, with plain-English errors that name the field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from casework.accounts.models import User
from casework.frontdoor.models import Agency, ContactMethod
from casework.site.forms import DateField, GovukForm

# Seed 000, 2.2: the four tiers of need (tier 4 is the highest need, priority 1).
TIERS = [
    ("1", "Tier 1 (inclusion): low risk or needs"),
    ("2", "Tier 2 (realising potential): moderate risk or needs"),
    ("3", "Tier 3 (diversion): substantial risk of significant harm"),
    ("4", "Tier 4 (safety and security): critical risk of significant harm"),
]
NEXT_STEPS = [
    ("nfa", "No further action"),
    ("information_advice", "Information and advice"),
    ("early_help", "Early help"),
    ("assessment", "Child and family assessment"),
    ("strategy", "Strategy discussion"),
]
OUTCOMES = [
    ("referral", "Referral to children's social care"),
    ("early_help", "Early help"),
    ("information_advice", "Information and advice"),
    ("nfa", "No further action"),
    ("other", "Something else"),
]
YES_NO = [("yes", "Yes"), ("no", "No")]


def _radios(label: str, choices: list[tuple[str, str]], message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
    )


def _text(label: str, message: str, *, long: bool = False, hint: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=5000 if long else 200,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": 4}) if long else forms.TextInput,
        error_messages={"required": message, "max_length": f"{label} is too long"},
    )


def _time(label: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        help_text="For example, 14:30",
        input_formats=["%H:%M", "%H.%M"],
        widget=forms.TimeInput(format="%H:%M"),
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": "Enter a time like 14:30",
        },
    )


class WhenForm(GovukForm):
    """A date and a time, together a moment in England that cannot be in the future."""

    on = DateField(label="Date", error_messages={"required": "Enter the date"})
    at_time = _time("Time")

    def __init__(self, now: dt.datetime, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})
        local = timezone.localtime(now)
        kwargs["initial"].setdefault("on", local.date())
        kwargs["initial"].setdefault("at_time", local.time().replace(second=0, microsecond=0))
        super().__init__(*args, **kwargs)
        self.now = now

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, time = data.get("on"), data.get("at_time")
        if isinstance(day, dt.date) and isinstance(time, dt.time):
            moment = timezone.make_aware(dt.datetime.combine(day, time))
            if moment > self.now:
                self.add_error("at_time", "The date and time must be now or in the past")
            else:
                data["moment"] = moment
        return data

    def moment(self) -> dt.datetime:
        found: dt.datetime = self.cleaned_data["moment"]
        return found


class ContactForm(WhenForm):
    on = DateField(
        label="Date the contact came in",
        error_messages={"required": "Enter the date the contact came in"},
    )
    at_time = _time("Time it came in")
    method = _radios("How it came in", ContactMethod.choices, "Choose how the contact came in")
    caller_name = _text("Name of the person calling or writing", "Enter the caller's name")
    caller_relationship = _text(
        "Their relationship to the child, or their agency",
        "Enter the caller's relationship to the child or their agency",
        hint="For example: mother, neighbour, class teacher at Hilltop Primary School",
    )
    caller_contact = _text("How to reach them", "", hint="A phone number or email address")
    concern = _text("What the concern is", "Enter what the concern is", long=True)
    deliberate_harm_alleged = forms.BooleanField(
        label="The caller alleges the child has been harmed on purpose", required=False
    )

    field_order: tuple[str, ...] = (
        "on",
        "at_time",
        "method",
        "caller_name",
        "caller_relationship",
        "caller_contact",
        "concern",
        "deliberate_harm_alleged",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["caller_contact"].required = False


class NewChildContactForm(ContactForm):
    given_name = _text("Child's given name", "Enter the child's given name")
    family_name = _text("Child's family name", "Enter the child's family name")
    date_of_birth = DateField(label="Child's date of birth", required=False)

    field_order: tuple[str, ...] = (
        "given_name",
        "family_name",
        "date_of_birth",
        *ContactForm.field_order,
    )

    def clean_date_of_birth(self) -> dt.date | None:
        born: dt.date | None = self.cleaned_data.get("date_of_birth")
        if born is not None and born > self.now.date():
            raise forms.ValidationError("The date of birth must be today or in the past")
        return born


class ConsentForm(WhenForm):
    consent = _radios(
        "Parental consent",
        [
            ("given", "Both parents gave consent"),
            ("override", "The duty manager overrides the need for consent"),
        ],
        "Choose whether consent was given or overridden",
    )
    rationale = _text(
        "Reason for overriding consent", "", long=True, hint="Needed when consent is overridden"
    )
    field_order: tuple[str, ...] = (
        "consent",
        "rationale",
        "on",
        "at_time",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rationale"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("consent") == "override" and not str(data.get("rationale", "")).strip():
            self.add_error("rationale", "Give the reason for overriding consent")
        return data


class EnquiryForm(WhenForm):
    grade = _radios(
        "Grade",
        [
            ("red", "Red: checks back within 4 hours"),
            ("amber", "Amber: checks back within 24 hours"),
        ],
        "Choose red or amber",
    )
    agencies = forms.MultipleChoiceField(
        label="Agencies asked for checks",
        choices=Agency.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one agency"},
    )
    field_order: tuple[str, ...] = (
        "grade",
        "agencies",
        "on",
        "at_time",
    )


class CheckBackForm(WhenForm):
    pass


class RecommendationForm(WhenForm):
    tier = _radios("Tier of need", TIERS, "Choose the tier of need")
    next_step = _radios("Next step", NEXT_STEPS, "Choose the next step")
    reasons = _text("Reasons", "Give the reasons", long=True)
    field_order: tuple[str, ...] = (
        "tier",
        "next_step",
        "reasons",
        "on",
        "at_time",
    )


class DecisionForm(RecommendationForm):
    strategy_needed = _radios(
        "Is a strategy discussion needed?", YES_NO, "Choose whether a strategy discussion is needed"
    )
    field_order: tuple[str, ...] = (
        "tier",
        "next_step",
        "reasons",
        "strategy_needed",
        "on",
        "at_time",
    )


class OutcomeForm(WhenForm):
    outcome = _radios("Outcome", OUTCOMES, "Choose the outcome")
    field_order: tuple[str, ...] = (
        "outcome",
        "on",
        "at_time",
    )


class ReferrerForm(WhenForm):
    method = _text(
        "How they were told",
        "Enter how the referrer was told",
        hint="For example: phone call, email, letter",
    )
    field_order: tuple[str, ...] = (
        "method",
        "on",
        "at_time",
    )


class PoliceForm(WhenForm):
    pass


class WorkerField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name}, {obj.team}"


class AllocationForm(GovukForm):
    worker = WorkerField(
        label="Worker", queryset=User.objects.none(), error_messages={"required": "Choose a worker"}
    )
    start_assessment = forms.BooleanField(
        label="Start a child and family assessment today (25 working days)", required=False
    )

    def __init__(self, workers: QuerySet[User], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["worker"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = workers


class FindForm(GovukForm):
    q = forms.CharField(
        label="Child's name or case number",
        max_length=100,
        error_messages={"required": "Enter a name or case number"},
    )
