"""Forms for self-assessments and action plans."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet

from casework.accounts.models import User
from casework.improvement.framework import framework
from casework.improvement.models import ActionStatus, SelfAssessment
from casework.improvement.trends import indicator_choices
from casework.site.forms import DateField, GovukForm


def _text(label: str, required: str, *, help_text: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=5000,
        help_text=help_text,
        error_messages={"required": required, "max_length": "Keep this under 5,000 characters"},
    )


class StartForm(GovukForm):
    year = forms.IntegerField(
        label="Year",
        min_value=2000,
        max_value=2100,
        help_text="For example, 2026",
        error_messages={
            "required": "Enter the year of the self-assessment",
            "invalid": "Enter the year as a number, like 2026",
            "min_value": "Enter a year from 2000",
            "max_value": "Enter a year before 2100",
        },
    )

    def clean_year(self) -> int:
        year: int = self.cleaned_data["year"]
        if SelfAssessment.objects.filter(year=year).exists():
            raise forms.ValidationError(f"There is already a self-assessment for {year}")
        return year


class RatingForm(GovukForm):
    score = forms.TypedChoiceField(
        label="Rating",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a rating", "invalid_choice": "Choose a rating"},
    )
    evidence = _text(
        "Evidence",
        "Write the evidence for the rating",
        help_text="What shows how well the council meets this criterion, and where it is kept",
        rows=6,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["score"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [
            (p.score, f"{p.score}. {p.label}: {p.descriptor}") for p in framework().scale.points
        ]


class ActionForm(GovukForm):
    text = _text("Action", "Describe the action")
    lead = forms.ModelChoiceField(
        label="Lead officer",
        queryset=User.objects.none(),
        error_messages={
            "required": "Choose a lead officer",
            "invalid_choice": "Choose a lead officer",
        },
    )
    target = DateField(label="Target date", help_text="For example, 31 3 2027")
    forum = forms.CharField(
        label="How will progress be monitored?",
        max_length=200,
        help_text="The board or meeting that monitors it, for example the performance board",
        error_messages={"required": "Say how progress will be monitored"},
    )

    def __init__(self, leads: QuerySet[User], today: dt.date, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        field = self.fields["lead"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = leads

    def clean_target(self) -> dt.date:
        target: dt.date = self.cleaned_data["target"]
        if target < self.today:
            raise forms.ValidationError("The target date must be today or later")
        return target


class PlanForm(GovukForm):
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={"required": "Enter a title"},
        help_text="For example, Inspection of safeguarding and looked after children 2026",
    )
    source = forms.CharField(
        label="What is it in response to?",
        max_length=300,
        required=False,
        help_text="The inspection, review or audit the recommendations come from",
    )


class RecommendationForm(GovukForm):
    text = _text("Recommendation", "Write the recommendation")


class SuccessCriterionForm(GovukForm):
    text = _text("Success criterion", "Write the success criterion", rows=3)
    indicator = forms.ChoiceField(
        label="Live indicator that measures it",
        required=False,
        error_messages={"invalid_choice": "Choose an indicator from the list"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["indicator"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "None"), *indicator_choices()]


class ProgressForm(GovukForm):
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a status", "invalid_choice": "Choose a status"},
    )
    progress = forms.CharField(
        label="Progress",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
        error_messages={"max_length": "Keep this under 5,000 characters"},
    )
