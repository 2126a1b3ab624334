"""Form fields with GOV.UK Design System markup: the date input (day, month, year)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError


class DateInput(forms.MultiWidget):
    template_name = "widgets/date_input.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        part = {"inputmode": "numeric", "class": "govuk-input govuk-date-input__input"}
        super().__init__(
            widgets={
                "day": forms.TextInput({**part, "class": part["class"] + " govuk-input--width-2"}),
                "month": forms.TextInput(
                    {**part, "class": part["class"] + " govuk-input--width-2"}
                ),
                "year": forms.TextInput({**part, "class": part["class"] + " govuk-input--width-4"}),
            },
            attrs=attrs,
        )

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A calendar date typed as day, month and year, with errors in plain English."""

    widget = DateInput

    def __init__(self, **kwargs: Any) -> None:
        fields = (
            forms.IntegerField(min_value=1, max_value=31),
            forms.IntegerField(min_value=1, max_value=12),
            forms.IntegerField(min_value=1900, max_value=2200),
        )
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("required", "Enter a date")
        kwargs["error_messages"].setdefault("incomplete", "Enter a day, month and year")
        kwargs["error_messages"].setdefault("invalid", "Enter a real date")
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list: list[Any]) -> dt.date | None:
        if not data_list or all(v in (None, "") for v in data_list):
            return None
        if any(v in (None, "") for v in data_list):
            raise ValidationError("Enter a day, month and year", code="incomplete")
        day, month, year = (int(v) for v in data_list)
        try:
            return dt.date(year, month, day)
        except ValueError as exc:
            raise ValidationError("Enter a real date", code="invalid") from exc

    def clean(self, value: Any) -> Any:
        try:
            return super().clean(value)
        except ValidationError as exc:
            # The parts' own messages ("Ensure this value is...") are not plain English.
            if exc.code in ("required", "incomplete"):
                raise
            raise ValidationError("Enter a real date", code="invalid") from exc


def not_in_future(day: dt.date | None, today: dt.date) -> None:
    if day is not None and day > today:
        raise ValidationError("The date must be today or in the past")


# Most specific widget first: TimeInput and PasswordInput are kinds of TextInput.
_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.TimeInput: "govuk-input govuk-input--width-5",
    forms.NumberInput: "govuk-input govuk-input--width-5",
    forms.PasswordInput: "govuk-input govuk-!-width-one-half",
    forms.TextInput: "govuk-input",
}


class GovukForm(forms.Form):
    """Adds the GOV.UK classes, hints and error states to each field's widget."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            _style(self, name, field)

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            field = self.fields.get(name)
            if field is None:
                continue
            widget = field.widget
            described = [f"{self[name].auto_id}-error"]
            if field.help_text:
                described.insert(0, f"{self[name].auto_id}-hint")
            widget.attrs["aria-describedby"] = " ".join(described)
            base = widget.attrs.get("class", "")
            for suffix in ("input", "select", "textarea"):
                if f"govuk-{suffix}" in base.split():
                    widget.attrs["class"] = f"{base} govuk-{suffix}--error"


def _style(form: forms.Form, name: str, field: forms.Field) -> None:
    widget = field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxInput | DateInput):
        return
    for cls, css in _CLASSES.items():
        if isinstance(widget, cls):
            widget.attrs.setdefault("class", css)
            break
    if field.help_text:
        widget.attrs["aria-describedby"] = f"{form[name].auto_id}-hint"
