"""Eligibility on the child's record: the care-leaver status worked out from the care
history, and decisions under the service criteria (tier of need, the disability team,
intensive support, the family resource team) recorded from the facts a worker enters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from casework.accounts.access import AuthedRequest, person_page
from casework.eligibility import FactError, rules
from casework.eligibility.criteria import FactValue, apply
from casework.eligibility.model import Decision, Fact, FactType
from casework.records.actions.status import record_eligibility_decision
from casework.records.evaluation import today
from casework.records.models import CareLeaverStanding, EligibilityDecision, Person
from casework.records.views.record import tabs
from casework.site.forms import GovukForm

NOT_RECORDED = ""
YES_NO = [("yes", "Yes"), ("no", "No"), (NOT_RECORDED, "Not known")]


def _label(fact: Fact) -> str:
    return fact.title[0].upper() + fact.title[1:]


def _field(fact: Fact) -> forms.Field:
    if fact.type in (FactType.YES_NO, FactType.CHOICE):
        choices = (
            YES_NO
            if fact.type is FactType.YES_NO
            else [
                *((v, v.replace("_", " ").capitalize()) for v in fact.values),
                (NOT_RECORDED, "Not known"),
            ]
        )
        return forms.ChoiceField(
            label=_label(fact),
            choices=choices,
            widget=forms.RadioSelect,
            required=False,
            error_messages={"invalid_choice": f"Choose an answer for: {_label(fact)}"},
        )
    return forms.IntegerField(
        label=_label(fact),
        required=False,
        min_value=0,
        max_value=200,
        widget=forms.TextInput({"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "invalid": f"{_label(fact)} must be a whole number, like 3",
            "min_value": f"{_label(fact)} must be 0 or more",
            "max_value": f"{_label(fact)} must be 200 or less",
        },
    )


class _DecisionForm(GovukForm):
    decision: Decision

    def facts(self) -> dict[str, FactValue | None]:
        """The facts entered; one left as not known is not recorded (the decision may then
        be undecided)."""
        out: dict[str, FactValue | None] = {}
        for name, fact in self.decision.facts.items():
            value = self.cleaned_data.get(name)
            if value in (None, NOT_RECORDED):
                out[name] = None
            elif fact.type is FactType.YES_NO:
                out[name] = value == "yes"
            else:
                out[name] = value
        return out


def decision_form(decision: Decision) -> type[_DecisionForm]:
    """A form with one field for each fact the decision reads, and a note."""
    fields: dict[str, Any] = {name: _field(fact) for name, fact in decision.facts.items()}
    fields["note"] = forms.CharField(
        label="Anything else the decision rests on",
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 3}),
        error_messages={"max_length": "Keep the note to 2,000 characters or fewer"},
    )
    fields["decision"] = decision
    return type("DecisionForm", (_DecisionForm,), fields)


def _initial(decision: Decision, person: Person) -> dict[str, Any]:
    """Facts the record already holds: the child's age, and the last decision's facts."""
    last = EligibilityDecision.objects.filter(person=person, decision=decision.id).first()
    initial: dict[str, Any] = {}
    if last is not None:
        for name, value in last.facts.items():
            if name in decision.facts:
                initial[name] = ("yes" if value else "no") if isinstance(value, bool) else value
    age = person.age_on(today())
    if "age" in decision.facts and age is not None:
        initial["age"] = age
    return initial


@person_page()
def eligibility(request: AuthedRequest, person: Person) -> HttpResponse:
    decisions = rules().decisions
    latest = []
    for decision in decisions.values():
        found = EligibilityDecision.objects.filter(person=person, decision=decision.id).first()
        latest.append((decision, found))
    context = {
        "person": person,
        "standing": CareLeaverStanding.objects.filter(person=person).first(),
        "latest": latest,
        "history": EligibilityDecision.objects.filter(person=person).select_related("decided_by")[
            :50
        ],
        **tabs(request, person),
    }
    return render(request, "records/eligibility.html", context)


@person_page(change=True)
def eligibility_decide(request: AuthedRequest, person: Person, decision_id: str) -> HttpResponse:
    decision = rules().decisions.get(decision_id)
    if decision is None:
        raise Http404("No such decision")
    data = request.POST if request.method == "POST" else None
    form = decision_form(decision)(data, initial=_initial(decision, person))
    preview = None
    if data is not None and form.is_valid():
        facts = form.facts()
        try:
            if request.POST.get("action") == "record":
                _, result = record_eligibility_decision(
                    request.user, person, decision.id, facts, note=form.cleaned_data["note"]
                )
                messages.success(request, f"{decision.title}: {result.reason}")
                return redirect("records:eligibility", public_id=person.public_id)
            preview = apply(decision, facts)
        except FactError as exc:
            form.add_error(None, str(exc))
    context = {
        "person": person,
        "decision": decision,
        "form": form,
        "preview": preview,
        **tabs(request, person),
    }
    return render(request, "records/eligibility_decide.html", context)
