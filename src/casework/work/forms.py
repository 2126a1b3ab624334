"""Allocation, transfer and unallocation forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from casework.accounts.models import User
from casework.records.models import Team
from casework.site.forms import GovukForm

REASON_HELP = "For example, awaiting allocation after a transfer, or worker on leave"
CONTACT_HELP = "Who keeps in touch with the child and family until a worker is allocated, and how"


class AllocateForm(GovukForm):
    worker = forms.ModelChoiceField(
        label="Allocate to",
        queryset=User.objects.none(),
        error_messages={"required": "Choose a worker"},
    )

    def __init__(self, workers: QuerySet[User], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["worker"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = workers


class UnallocatedForm(GovukForm):
    reason = forms.CharField(
        label="Why is the child unallocated?",
        max_length=300,
        help_text=REASON_HELP,
        error_messages={"required": "Say why the child is unallocated"},
    )
    contact_arrangement = forms.CharField(
        label="How is contact kept?",
        max_length=300,
        help_text=CONTACT_HELP,
        error_messages={"required": "Say how contact with the child is kept"},
    )


class TransferForm(UnallocatedForm):
    team = forms.ModelChoiceField(
        label="Transfer to",
        queryset=Team.objects.all(),
        error_messages={"required": "Choose a team"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"] = self.fields.pop("team")
        self.order_fields(["team", "reason", "contact_arrangement"])
