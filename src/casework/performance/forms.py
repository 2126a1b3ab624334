"""The what-if form: a standard of the active pack, one of its intervals, a new timescale."""

from __future__ import annotations

from typing import Any

from django import forms

from casework.insight.whatif import interval_names
from casework.standards.model import Pack, Standard
from casework.standards.timescale import Timescale, TimescaleError

LAST = "last"
POSITIONS = (
    (LAST, "The last (for a repeating standard, the interval that repeats)"),
    ("0", "The first"),
    ("1", "The second"),
    ("2", "The third"),
)


class WhatIfForm(forms.Form):
    standard = forms.ChoiceField(
        label="Standard",
        error_messages={"required": "Choose a standard", "invalid_choice": "Choose a standard"},
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    interval = forms.ChoiceField(
        label="Which timescale to change",
        choices=POSITIONS,
        initial=LAST,
        error_messages={"invalid_choice": "Choose which timescale to change"},
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    timescale = forms.CharField(
        label="New timescale",
        help_text="For example, 20 working days, 6 weeks or 3 months",
        max_length=40,
        error_messages={"required": "Enter the new timescale, for example 20 working days"},
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-20"}),
    )

    def __init__(self, *args: Any, pack: Pack, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pack = pack
        field = self.fields["standard"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Choose a standard")] + [
            (s.id, s.title) for s in pack.checkable if s.intervals
        ]

    def clean_timescale(self) -> Timescale:
        text = " ".join(str(self.cleaned_data["timescale"]).split())
        try:
            timescale = Timescale.parse(text)
        except TimescaleError:
            raise forms.ValidationError(
                "Enter the timescale as a number and a unit, for example 20 working days"
            ) from None
        if timescale.amount <= 0:
            raise forms.ValidationError("Enter a timescale longer than nothing")
        return timescale

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        standard_id = data.get("standard")
        if standard_id:
            standard: Standard = self.pack.get(str(standard_id))
            count = len(standard.intervals)
            raw = data.get("interval", LAST)
            position = count - 1 if raw in (LAST, None, "") else int(str(raw))
            if position >= count:
                names = ", ".join(n.lower() for n in interval_names(standard))
                self.add_error(
                    "interval",
                    f"This standard has {count} timescale{'s' if count > 1 else ''} ({names})",
                )
            data["position"] = position
        return data
