"""My work: my children by urgency, what is due this week, and overdue counts by standard."""

from __future__ import annotations

import datetime as dt

from django.db.models import F
from django.http import HttpResponse
from django.shortcuts import render

from casework.accounts.access import AuthedRequest, requires
from casework.accounts.policy import policy
from casework.accounts.roles import Ability
from casework.records.evaluation import now, today
from casework.records.presenters import rag_for, standard_title
from casework.work.models import ReminderKind
from casework.work.queries import next_obligations, outstanding, overdue_by_standard
from casework.work.reminders import escalated_about, recently_sent
from casework.work.tasks import tasks_for

REMINDER_DAYS = 14  # how far back My work lists the reminders sent


@requires(Ability.VIEW_RECORDS)
def my_work(request: AuthedRequest) -> HttpResponse:
    day = today()
    mine = policy.viewable(request.user).filter(worker=request.user, is_open=True)
    people = list(mine.order_by(F("next_due").asc(nulls_last=True), "family_name"))
    children = [
        {
            "work": work,
            "rag": rag_for(work.person.next_due, work.overdue, day),
            "next": [(o, standard_title(o.standard)) for o in work.next],
        }
        for work in next_obligations(people, day)
    ]
    end_of_week = day + dt.timedelta(days=6 - day.weekday())
    this_week = (
        outstanding(mine)
        .filter(due__gte=day, due__lte=end_of_week)
        .select_related("person")
        .order_by("due", "person__family_name")
    )
    since = now() - dt.timedelta(days=REMINDER_DAYS)
    sent = [(r, standard_title(r.standard)) for r in recently_sent(request.user, since)]
    context = {
        "today": day,
        "end_of_week": end_of_week,
        "children": children,
        "this_week": [(o, standard_title(o.standard)) for o in this_week],
        "overdue_by_standard": [(standard_title(s), n) for s, n in overdue_by_standard(mine, day)],
        "tasks": [(t, t.overdue(day)) for t in tasks_for(request.user, day)],
        "reminders": [(r, t) for r, t in sent if r.kind != ReminderKind.ESCALATED],
        "escalations_to_me": [(r, t) for r, t in sent if r.kind == ReminderKind.ESCALATED],
        "escalated": [
            (e, standard_title(e.standard)) for e in escalated_about(request.user, since)
        ],
    }
    return render(request, "work/my_work.html", context)
