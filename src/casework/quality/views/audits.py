"""The audit tool for one child's file, a completed audit, and its remedial actions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from casework.accounts.access import AuthedRequest, person_page, signed_in
from casework.accounts.policy import policy
from casework.accounts.roles import Ability
from casework.quality.audits import (
    AnswerInput,
    actions_visible_to,
    complete_action,
    complete_audit,
    template,
)
from casework.quality.evidence import evidence_for, questions_for
from casework.quality.forms import AuditForm, CompleteActionForm, ReopenForm
from casework.quality.models import ActionStatus, CaseAudit, RemedialAction, SampleCase
from casework.quality.sampling import visible_cases
from casework.quality.views.common import check_quality_user, nav_context
from casework.records.actions.cases import reopen_case
from casework.records.evaluation import today
from casework.records.models import Person


def _sample_case(request: AuthedRequest, person: Person) -> SampleCase | None:
    raw = request.GET.get("case") or request.POST.get("case") or ""
    if not raw.isdigit():
        return None
    found = (
        SampleCase.objects.select_related("sample", "sample__scheduled")
        .filter(pk=int(raw), person=person)
        .first()
    )
    if found is None or found.sample.auditor_id != request.user.pk:
        return None
    if not visible_cases(found.sample, request.user, today()).filter(pk=found.pk).exists():
        return None
    return found


@person_page()
def audit_form(request: AuthedRequest, person: Person) -> HttpResponse:
    """Auditing a child's file is a view of their record (written to the access log)."""
    user = request.user
    if not user.can(Ability.AUDIT_FILES):
        raise PermissionDenied
    day = today()
    tool = template()
    questions = questions_for(tool, person)
    evidence = {q.id: evidence_for(q, person, day) for q in questions}
    sample_case = _sample_case(request, person)
    form = AuditForm(tool, questions, evidence, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        answers = []
        for q in questions:
            found = evidence[q.id]
            confirmed = data.get(f"{q.id}-confirmed")
            answers.append(
                AnswerInput(
                    question=q.id,
                    grade=data[f"{q.id}-grade"],
                    comment=data[f"{q.id}-comment"],
                    evidence=found.text if found else "",
                    evidence_confirmed=None if found is None else confirmed == "yes",
                    correction=data.get(f"{q.id}-correction", "") or "",
                )
            )
        done = complete_audit(
            user,
            person,
            answers,
            data["overall_grade"],
            data["overall_comment"],
            day,
            sample_case=sample_case,
        )
        note = (
            f"Audit completed. {len(done.actions)} remedial actions set"
            if done.actions
            else "Audit completed"
        )
        if done.notified:
            note += ", and the team and service managers told"
        messages.success(request, note)
        return redirect("quality:audit", public_id=person.public_id, audit_id=done.audit.pk)
    context = {
        "person": person,
        "form": form,
        "rows": form.rows(),
        "grades": tool.grades.points,
        "sample_case": sample_case,
        "today": day,
    }
    return render(request, "quality/audit_form.html", context)


@person_page()
def audit(request: AuthedRequest, person: Person, audit_id: int) -> HttpResponse:
    found = get_object_or_404(
        CaseAudit.objects.select_related("auditor", "team"), pk=audit_id, person=person
    )
    tool = template()
    answers = []
    for answer in found.answers.all():
        try:
            question = tool.question(answer.question).question
            grade = tool.grades.get(answer.grade)
        except KeyError:
            continue
        answers.append((question, grade, answer))
    context = {
        "person": person,
        "audit": found,
        "overall": tool.grades.get(found.overall_grade) if found.overall_grade else None,
        "answers": answers,
        "actions": list(found.actions.select_related("owner")),
        "today": today(),
    }
    return render(request, "quality/audit.html", context)


@signed_in
def actions(request: AuthedRequest) -> HttpResponse:
    user = request.user
    check_quality_user(user)
    day = today()
    found = list(actions_visible_to(user).order_by("status", "due", "id")[:300])
    rows = [(a, a.overdue(day)) for a in found]
    return render(
        request, "quality/actions.html", {"rows": rows, "today": day, **nav_context(user)}
    )


@person_page()
def action(request: AuthedRequest, person: Person, action_id: int) -> HttpResponse:
    user = request.user
    found = get_object_or_404(
        RemedialAction.objects.select_related("audit", "owner", "completed_by"),
        pk=action_id,
        audit__person=person,
    )
    may_complete = found.status == ActionStatus.OPEN and (
        found.owner_id == user.pk or user.can(Ability.RUN_QUALITY_PROGRAMME)
    )
    may_reopen = not person.is_open and policy.changeable(user).filter(pk=person.pk).exists()
    if not (may_complete or found.owner_id == user.pk or found.audit.auditor_id == user.pk):
        check_quality_user(user)
    what = request.POST.get("action", "")
    posted = request.POST if request.method == "POST" else None
    complete_form = CompleteActionForm(posted if what == "complete" else None)
    reopen_form = ReopenForm(posted if what == "reopen" else None, prefix="reopen")
    if what == "complete":
        if not may_complete:
            raise PermissionDenied
        if complete_form.is_valid():
            complete_action(user, found, complete_form.cleaned_data["outcome"], today())
            messages.success(request, "Action marked as done")
            return redirect("quality:action", public_id=person.public_id, action_id=found.pk)
    elif what == "reopen":
        if not may_reopen:
            raise PermissionDenied
        if reopen_form.is_valid():
            reopen_case(user, person, reopen_form.cleaned_data["reason"])
            messages.success(request, "Case re-opened")
            return redirect("quality:action", public_id=person.public_id, action_id=found.pk)
    elif what:
        raise Http404("No such action")
    context = {
        "person": person,
        "action": found,
        "overdue": found.overdue(today()),
        "may_complete": may_complete,
        "may_reopen": may_reopen,
        "complete_form": complete_form,
        "reopen_form": reopen_form,
        "form": reopen_form if what == "reopen" else complete_form,
    }
    return render(request, "quality/action.html", context)
