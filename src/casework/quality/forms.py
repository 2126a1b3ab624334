"""Forms for the audit programme, sampling, the audit tool and remedial actions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import QuerySet

from casework.accounts.models import User
from casework.quality.evidence import Evidence
from casework.quality.frameworks import MONTHS, AuditQuestion, AuditTemplate
from casework.quality.models import CadenceChoice, SampleMethod, ScheduledAudit
from casework.records.models import Team
from casework.site.forms import GovukForm

YES_NO = [("yes", "Yes"), ("no", "No")]

if TYPE_CHECKING:
    _UserChoice = forms.ModelChoiceField[User]
    _ScheduledChoice = forms.ModelChoiceField[ScheduledAudit]
else:  # the field is not subscriptable at run time
    _UserChoice = _ScheduledChoice = forms.ModelChoiceField


class SetUpYearForm(GovukForm):
    year = forms.IntegerField(
        label="Year",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Enter the year to set up",
            "invalid": "Enter the year as a number, like 2027",
            "min_value": "Enter a year from 2000 to 2100",
            "max_value": "Enter a year from 2000 to 2100",
        },
    )


class AuditKindForm(GovukForm):
    title = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter a name for the audit"}
    )
    cadence = forms.ChoiceField(
        label="How often",
        choices=CadenceChoice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how often the audit is held"},
    )
    months = forms.MultipleChoiceField(
        label="Months the audit is held in",
        choices=[(str(i), name) for i, name in enumerate(MONTHS, start=1)],
        widget=forms.SelectMultiple(attrs={"size": "12"}),
        required=False,
        help_text="Leave empty for audits held only when needed",
    )
    file_count = forms.IntegerField(
        label="Files to audit",
        min_value=1,
        max_value=500,
        required=False,
        help_text="Per team or team manager where the audit is done by each",
        error_messages={
            "invalid": "Enter the number of files as a number",
            "min_value": "Enter at least 1 file",
            "max_value": "Enter no more than 500 files",
        },
    )
    publish_days_before = forms.IntegerField(
        label="Days before the audit that the list of cases is published",
        min_value=0,
        max_value=90,
        error_messages={
            "required": "Enter the number of days, or 0",
            "invalid": "Enter the number of days as a number",
            "min_value": "Enter 0 or more days",
            "max_value": "Enter no more than 90 days",
        },
    )
    active = forms.BooleanField(label="Include this audit in the programme", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("cadence") == CadenceChoice.UNSCHEDULED and data.get("months"):
            self.add_error("months", "An audit held only when needed has no months")
        return data


class AuditorField(_UserChoice):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name} ({obj.get_role_display()})"


class ScheduledField(_ScheduledChoice):
    def label_from_instance(self, obj: ScheduledAudit) -> str:
        return _scheduled_label(obj)


class SampleForm(GovukForm):
    scheduled = ScheduledField(
        label="Scheduled audit",
        queryset=ScheduledAudit.objects.none(),
        required=False,
        help_text="The list is published on the audit's publishing date",
    )
    auditor = AuditorField(
        label="Auditor",
        queryset=User.objects.none(),
        error_messages={"required": "Choose who will audit the files"},
        help_text="Cases are drawn only from records this person may see",
    )
    method = forms.ChoiceField(
        label="How to choose the cases",
        choices=SampleMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how to choose the cases"},
    )
    size = forms.IntegerField(
        label="Number of cases",
        min_value=1,
        max_value=200,
        error_messages={
            "required": "Enter the number of cases",
            "invalid": "Enter the number of cases as a number",
            "min_value": "Enter at least 1 case",
            "max_value": "Enter no more than 200 cases",
        },
    )
    team = forms.ModelChoiceField(
        label="Only from this team", queryset=Team.objects.all(), required=False
    )
    seed = forms.IntegerField(
        label="Seed",
        min_value=1,
        max_value=2**62,
        required=False,
        help_text=(
            "Leave empty for a new sample; enter a recorded seed to draw the same cases again"
        ),
        error_messages={
            "invalid": "Enter the seed as a whole number",
            "min_value": "Enter a seed of 1 or more",
            "max_value": "Enter a seed from a recorded sample",
        },
    )

    def __init__(
        self,
        auditors: QuerySet[User],
        scheduled: QuerySet[ScheduledAudit],
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        auditor = self.fields["auditor"]
        chosen = self.fields["scheduled"]
        assert isinstance(auditor, AuditorField)
        assert isinstance(chosen, ScheduledField)
        auditor.queryset = auditors
        chosen.queryset = scheduled


def _scheduled_label(audit: ScheduledAudit) -> str:
    who = audit.auditor.display_name if audit.auditor else audit.team.name if audit.team else ""
    when = f"{audit.held_on.day} {audit.held_on:%B %Y}"
    return f"{audit.kind.title}, {when}" + (f", {who}" if who else "")


@dataclass(frozen=True)
class QuestionFields:
    question: AuditQuestion
    evidence: Evidence | None
    grade: forms.BoundField
    confirmed: forms.BoundField | None
    correction: forms.BoundField | None
    comment: forms.BoundField


class AuditForm(GovukForm):
    """One grade and comment per question, the record's evidence to confirm or correct, and
    the overall grade."""

    def __init__(
        self,
        template: AuditTemplate,
        questions: list[AuditQuestion],
        evidence: dict[str, Evidence | None],
        *args: Any,
        **kwargs: Any,
    ) -> None:
        grades = [(g.grade, g.label) for g in template.grades.points]
        self.questions = questions
        self.evidence = evidence
        fields: dict[str, forms.Field] = {}
        initial: dict[str, Any] = dict(kwargs.pop("initial", None) or {})
        for question in questions:
            q = question.id
            fields[f"{q}-grade"] = forms.ChoiceField(
                label=question.question,
                choices=grades,
                widget=forms.RadioSelect,
                error_messages={"required": f"Grade: {question.question}"},
            )
            found = evidence.get(q)
            if found is not None:
                fields[f"{q}-confirmed"] = forms.ChoiceField(
                    label="Is what the record shows right?",
                    choices=YES_NO,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": "Say whether the record's evidence is right: "
                        + question.question
                    },
                )
                fields[f"{q}-correction"] = forms.CharField(
                    label="What is wrong with it",
                    widget=forms.Textarea(attrs={"rows": 2}),
                    required=False,
                )
                if found.suggested:
                    initial.setdefault(f"{q}-grade", found.suggested)
            fields[f"{q}-comment"] = forms.CharField(
                label="Comments", widget=forms.Textarea(attrs={"rows": 2}), required=False
            )
        fields["overall_grade"] = forms.ChoiceField(
            label="Overall grade for the file",
            choices=grades,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose an overall grade for the file"},
        )
        fields["overall_comment"] = forms.CharField(
            label="Overall comments", widget=forms.Textarea(attrs={"rows": 4}), required=False
        )
        # The questions depend on the template and the child, so the fields are made here;
        # Django copies `base_fields` into each form, and GovukForm then styles them.
        self.base_fields = fields  # type: ignore[misc]
        super().__init__(*args, initial=initial, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for question in self.questions:
            q = question.id
            if (
                data.get(f"{q}-confirmed") == "no"
                and not str(data.get(f"{q}-correction", "")).strip()
            ):
                self.add_error(
                    f"{q}-correction",
                    f"Say what is wrong with the record's evidence: {question.question}",
                )
        return data

    def rows(self) -> list[QuestionFields]:
        found = []
        for question in self.questions:
            q = question.id
            has = f"{q}-confirmed" in self.fields
            found.append(
                QuestionFields(
                    question=question,
                    evidence=self.evidence.get(q),
                    grade=self[f"{q}-grade"],
                    confirmed=self[f"{q}-confirmed"] if has else None,
                    correction=self[f"{q}-correction"] if has else None,
                    comment=self[f"{q}-comment"],
                )
            )
        return found


class CompleteActionForm(GovukForm):
    outcome = forms.CharField(
        label="What was done",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what was done to put it right"},
    )


class ReopenForm(GovukForm):
    reason = forms.CharField(
        label="Why the case is re-opened",
        max_length=300,
        error_messages={"required": "Say why the case is re-opened"},
    )


def default_year(today: dt.date) -> int:
    """The year to offer to set up: next year from October, when the next one is planned."""
    return today.year + 1 if today.month >= 10 else today.year
