"""The front sheet form, for adding a child and for changing an existing child's record."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from casework.accounts.models import User
from casework.records.front_sheet import LABELS, FrontSheet
from casework.records.models import Ethnicity, LegalStatus, Person, Sex, Team
from casework.site.forms import DateField, GovukForm, not_in_future

YES_NO = [("yes", "Yes"), ("no", "No")]
_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")

# The census groups the ethnicity codes, and people look for their group first.
_ETHNIC_GROUPS = (
    ("White", "W"),
    ("Mixed or multiple ethnic groups", "M"),
    ("Asian or Asian British", "A"),
    ("Black or Black British", "B"),
    ("Other ethnic group", "CO"),
)


def ethnicity_choices() -> list[Any]:
    groups: list[Any] = [("", "Choose the child's ethnicity")]
    for title, letters in _ETHNIC_GROUPS:
        codes = [(c.value, c.label) for c in Ethnicity if c.value[0] in letters]
        groups.append((title, codes))
    groups.append(
        ("Not given", [(Ethnicity.REFU, "Declined to say"), (Ethnicity.NOBT, "Not yet asked")])
    )
    return groups


def clean_postcode(text: str) -> str:
    """A UK postcode in capitals with one space before the last three characters."""
    compact = "".join(text.upper().split())
    if not compact:
        return ""
    if not _POSTCODE.match(compact):
        raise ValidationError("Enter a real postcode, like SW1A 1AA")
    return f"{compact[:-3]} {compact[-3:]}"


def _text(
    name: str, *, required: bool = False, message: str = "", **kwargs: Any
) -> forms.CharField:
    errors = {"max_length": f"{LABELS[name]} must be %(limit_value)d characters or fewer"}
    if message:
        errors["required"] = message
    return forms.CharField(label=LABELS[name], required=required, error_messages=errors, **kwargs)


def _yes_no(question: str, message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=question,
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": message},
    )


class FrontSheetForm(GovukForm):
    given_name = _text(
        "given_name", required=True, max_length=100, message="Enter the child's given names"
    )
    family_name = _text(
        "family_name", required=True, max_length=100, message="Enter the child's family name"
    )
    date_of_birth = DateField(
        label=LABELS["date_of_birth"],
        help_text="For example, 27 3 2015",
        error_messages={"required": "Enter the child's date of birth"},
    )
    sex = forms.ChoiceField(
        label=LABELS["sex"],
        choices=Sex.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the child's sex"},
    )
    ethnicity = forms.ChoiceField(
        label=LABELS["ethnicity"],
        choices=ethnicity_choices,
        help_text="As the child or family describe it, in the children in need census groups",
        error_messages={
            "required": "Choose the child's ethnicity",
            "invalid_choice": "Choose the child's ethnicity",
        },
    )
    first_language = _text(
        "first_language",
        max_length=100,
        help_text="For example, English, Polish or British Sign Language",
    )
    interpreter_needed = _yes_no(
        "Does the child or family need an interpreter?", "Say whether an interpreter is needed"
    )
    disability = _text(
        "disability",
        max_length=200,
        help_text="Leave blank if the child has none. For example, autism or a hearing impairment.",
    )
    uasc = _yes_no(
        "Is the child an unaccompanied asylum seeker?",
        "Say whether the child is an unaccompanied asylum seeker",
    )
    address = _text("address", widget=forms.Textarea({"rows": 3}), help_text="Without the postcode")
    postcode = _text(
        "postcode",
        widget=forms.TextInput(
            {"class": "govuk-input govuk-input--width-10", "autocomplete": "off"}
        ),
    )
    gp = _text("gp", max_length=200, help_text="The surgery, and the doctor if known")
    school = _text("school", max_length=200, help_text="Or nursery or college")
    legal_status = forms.ChoiceField(
        label=LABELS["legal_status"],
        choices=LegalStatus.choices,
        required=False,
        error_messages={"invalid_choice": "Choose a legal status from the list"},
    )

    def __init__(self, today: dt.date, *args: Any, **kwargs: Any) -> None:
        self.today = today
        super().__init__(*args, **kwargs)

    def clean_date_of_birth(self) -> dt.date:
        day: dt.date = self.cleaned_data["date_of_birth"]
        try:
            not_in_future(day, self.today)
        except ValidationError as exc:
            raise ValidationError("The date of birth must be today or in the past") from exc
        return day

    def clean_postcode(self) -> str:
        return clean_postcode(self.cleaned_data["postcode"])

    def sheet(self) -> FrontSheet:
        data = self.cleaned_data
        return FrontSheet(
            given_name=data["given_name"],
            family_name=data["family_name"],
            date_of_birth=data["date_of_birth"],
            sex=data["sex"],
            ethnicity=data["ethnicity"],
            first_language=data["first_language"],
            interpreter_needed=data["interpreter_needed"] == "yes",
            disability=data["disability"],
            uasc=data["uasc"] == "yes",
            address=data["address"],
            postcode=data["postcode"],
            gp=data["gp"],
            school=data["school"],
            legal_status=data["legal_status"],
        )

    @staticmethod
    def initial_for(person: Person) -> dict[str, Any]:
        sheet = FrontSheet.of(person)
        initial: dict[str, Any] = dict(vars(sheet))
        initial["interpreter_needed"] = "yes" if sheet.interpreter_needed else "no"
        initial["uasc"] = "yes" if sheet.uasc else "no"
        return initial


class WorkerField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name} ({obj.team.name})" if obj.team else obj.display_name


class AddChildForm(FrontSheetForm):
    """The front sheet, and who will hold the child's record."""

    team = forms.ModelChoiceField(
        label="Team",
        queryset=Team.objects.none(),
        help_text="The team that will hold the child's record",
        error_messages={
            "required": "Choose a team",
            "invalid_choice": "Choose a team from the list",
        },
    )
    worker = WorkerField(
        label="Allocate to",
        queryset=User.objects.none(),
        required=False,
        empty_label="Nobody yet: the child is unallocated",
        error_messages={"invalid_choice": "Choose a worker from the list"},
    )

    def __init__(
        self,
        today: dt.date,
        teams: QuerySet[Team],
        workers: QuerySet[User],
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(today, *args, **kwargs)
        team_field = self.fields["team"]
        assert isinstance(team_field, forms.ModelChoiceField)
        team_field.queryset = teams
        if teams.count() == 1:
            self.initial.setdefault("team", teams.get().pk)
        worker_field = self.fields["worker"]
        assert isinstance(worker_field, forms.ModelChoiceField)
        if workers.exists():
            worker_field.queryset = workers
        else:
            del self.fields["worker"]

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        team, worker = self.cleaned_data.get("team"), self.cleaned_data.get("worker")
        if team is not None and worker is not None and worker.team_id != team.pk:
            self.add_error(
                "worker", f"Choose a worker in {team.name}, or leave the child unallocated"
            )
        return data
