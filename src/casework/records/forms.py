"""Forms for recording events (fields from the event vocabulary), correcting them, and
adding chronology entries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from casework.accounts.models import User
from casework.records.models import Episode, Event, Person
from casework.site.forms import DateField, GovukForm, not_in_future
from casework.standards import vocabulary
from casework.standards.vocabulary import Detail

YES_NO = [("yes", "Yes"), ("no", "No")]
MAX_RADIOS = 6


def event_type_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Event types grouped by area, for a select with option groups."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for name, kind in vocabulary().events.items():
        if name == "birth":
            continue
        groups.setdefault(kind.area.capitalize(), []).append((name, kind.title))
    return sorted(groups.items())


class EventTypeForm(GovukForm):
    type = forms.ChoiceField(
        label="What do you want to record?",
        choices=[("", "Choose what happened"), *event_type_choices()],
        error_messages={
            "required": "Choose what happened",
            "invalid_choice": "Choose what happened",
        },
    )


class _OccurredMixin(GovukForm):
    def __init__(self, today: dt.date, *args: Any, **kwargs: Any) -> None:
        self.today = today
        super().__init__(*args, **kwargs)

    def clean_occurred(self) -> dt.date:
        day: dt.date = self.cleaned_data["occurred"]
        not_in_future(day, self.today)
        return day


def _detail_field(detail: Detail) -> forms.Field:
    label = (detail.title or detail.name.replace("_", " ")).capitalize()
    if detail.type == "yes_no":
        return forms.ChoiceField(
            label=label, choices=YES_NO, widget=forms.RadioSelect, required=False
        )
    if detail.type == "choice":
        choices = [(v, v.replace("_", " ").capitalize()) for v in detail.values]
        if len(choices) > MAX_RADIOS:
            return forms.ChoiceField(label=label, choices=[("", ""), *choices], required=False)
        return forms.ChoiceField(
            label=label, choices=choices, widget=forms.RadioSelect, required=False
        )
    if detail.type == "date":
        return DateField(label=label, required=False)
    if detail.type == "number":
        return forms.DecimalField(
            label=label, required=False, error_messages={"invalid": "Enter a number"}
        )
    return forms.CharField(label=label, required=False, max_length=500)


def _as_text(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


class EventForm(_OccurredMixin):
    """The short form for one type of event: when, who, its details, and a note."""

    occurred = DateField(label="When did it happen?", help_text="For example, 27 3 2024")
    occurred_time = forms.TimeField(
        label="Time",
        required=False,
        help_text="Only if it matters, for example 14:30",
        input_formats=["%H:%M", "%H.%M"],
        widget=forms.TimeInput(format="%H:%M"),
        error_messages={"invalid": "Enter a time like 14:30"},
    )
    worker = forms.ModelChoiceField(
        label="Worker", queryset=User.objects.none(), error_messages={"required": "Choose a worker"}
    )
    episode = forms.ModelChoiceField(
        label="Part of",
        queryset=Episode.objects.none(),
        required=False,
        empty_label="Nothing in particular",
    )
    note = forms.CharField(
        label="What happened",
        required=False,
        widget=forms.Textarea({"rows": 4}),
        help_text="A short factual summary for the chronology",
    )

    def __init__(
        self,
        today: dt.date,
        event_type: str,
        person: Person,
        workers: Any,
        *args: Any,
        with_episode: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(today, *args, **kwargs)
        self.event_type = event_type
        self.detail_names: list[str] = []
        worker_field = self.fields["worker"]
        assert isinstance(worker_field, forms.ModelChoiceField)
        worker_field.queryset = workers
        episode_field = self.fields["episode"]
        assert isinstance(episode_field, forms.ModelChoiceField)
        if with_episode and not _is_episode_edge(event_type):
            episode_field.queryset = person.episodes.filter(ended__isnull=True)
            latest = episode_field.queryset.first()
            if latest is not None and "episode" not in self.initial:
                self.initial["episode"] = latest.pk
        else:
            del self.fields["episode"]
        kind = vocabulary().events[event_type]
        for name, detail in kind.details.items():
            field_name = f"detail_{name}"
            self.fields[field_name] = _detail_field(detail)
            self.detail_names.append(name)
        # The note reads best last.
        self.fields["note"] = self.fields.pop("note")

    def details(self) -> dict[str, str]:
        found = {n: _as_text(self.cleaned_data.get(f"detail_{n}")) for n in self.detail_names}
        return {n: v for n, v in found.items() if v != ""}

    def detail_fields(self) -> list[forms.BoundField]:
        return [self[f"detail_{n}"] for n in self.detail_names]


def _is_episode_edge(event_type: str) -> bool:
    return any(event_type in (k.starts, k.ends) for k in vocabulary().episodes.values())


class CorrectionForm(EventForm):
    reason = forms.CharField(
        label="Why are you correcting it?",
        max_length=300,
        error_messages={"required": "Say why you are correcting it"},
    )

    @classmethod
    def initial_for(cls, event: Event) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "occurred": event.occurred,
            "occurred_time": event.occurred_time,
            "worker": event.worker_id,
            "note": event.note,
        }
        for name, value in event.details.items():
            initial[f"detail_{name}"] = _initial_detail(value)
        return initial


def _initial_detail(value: str) -> Any:
    lowered = str(value).lower()
    if lowered in ("true", "yes"):
        return "yes"
    if lowered in ("false", "no"):
        return "no"
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return value


class WithdrawForm(GovukForm):
    reason = forms.CharField(
        label="Why should this event no longer count?",
        max_length=300,
        help_text="For example, it was recorded on the wrong child's record",
        error_messages={"required": "Say why the event should no longer count"},
    )


class ChronologyEntryForm(_OccurredMixin):
    occurred = DateField(label="Date", help_text="For example, 27 3 2024")
    title = forms.CharField(
        label="What happened", max_length=200, error_messages={"required": "Say what happened"}
    )
    summary = forms.CharField(label="Summary", required=False, widget=forms.Textarea({"rows": 4}))
    significant = forms.BooleanField(label="Significant event", required=False, initial=True)
