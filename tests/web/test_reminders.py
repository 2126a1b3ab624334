"""The reminder sweep: digests to workers, escalation to managers, each reminder sent once."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.db import connection
from django.test import Client
from django.urls import reverse

from casework.accounts.models import AuditAction, AuditEntry
from casework.accounts.policy import policy
from casework.records.actions.events import EventInput, record_event
from casework.records.evaluation import reevaluate_everyone
from casework.site.testing import TODAY, Personas
from casework.work.models import Reminder, ReminderKind, ReminderState
from casework.work.reminders import sweep

# Amy's first core group and first visit were due on 24 June: four days overdue on TODAY.
ESCALATION_DAY = TODAY + dt.timedelta(days=1)


@pytest.fixture
def with_email(people: Personas) -> Personas:
    for user in (people.alice, people.bob, people.mary, people.olivia):
        user.email = f"{user.username}@council.example"
        user.save(update_fields=["email"])
    return people


def to(outbox: list[EmailMessage], user_email: str) -> list[EmailMessage]:
    return [m for m in outbox if m.to == [user_email]]


def test_the_worker_gets_one_digest_of_what_is_overdue(
    with_email: Personas, mailoutbox: list[EmailMessage]
) -> None:
    result = sweep()
    assert (result.reminders, result.emails) == (2, 1)
    [digest] = mailoutbox
    assert digest.to == ["alice@council.example"]
    assert digest.subject == "Casework reminders: 2 overdue"
    assert "Amy" not in digest.subject
    assert "Adams" not in digest.subject
    assert f"/records/{with_email.amy.public_id}/" in digest.body
    assert "Amy" not in digest.body
    assert "Adams" not in digest.body


def test_it_includes_what_is_due_within_the_window(
    with_email: Personas, mailoutbox: list[EmailMessage]
) -> None:
    sweep(within=14)  # management oversight is due on 10 July
    [digest] = mailoutbox
    assert digest.subject == "Casework reminders: 1 due soon, 2 overdue"


def test_running_the_sweep_twice_sends_each_reminder_once(
    with_email: Personas, mailoutbox: list[EmailMessage]
) -> None:
    sweep(ESCALATION_DAY)
    first = len(mailoutbox)
    assert sweep(ESCALATION_DAY).reminders == 0
    assert len(mailoutbox) == first == 2  # Alice's digest and Mary's escalation
    assert Reminder.objects.count() == 4
    assert set(Reminder.objects.values_list("state", flat=True)) == {ReminderState.SENT}


def test_a_reminder_already_sent_is_not_sent_again_after_reevaluation(
    with_email: Personas, mailoutbox: list[EmailMessage]
) -> None:
    sweep()
    reevaluate_everyone()  # the daily run replaces every obligation row
    sweep()
    assert len(mailoutbox) == 1


def test_it_escalates_to_the_manager_after_five_days_overdue(
    with_email: Personas, mailoutbox: list[EmailMessage]
) -> None:
    sweep()
    assert to(mailoutbox, "mary@council.example") == []
    sweep(ESCALATION_DAY)
    [escalation] = to(mailoutbox, "mary@council.example")
    assert escalation.subject == "Casework reminders: 2 escalated to a manager"
    assert f"/records/{with_email.amy.public_id}/" in escalation.body
    # Ann is an assistant team manager and Bob a colleague: neither is told.
    assert {m.to[0] for m in mailoutbox} == {"alice@council.example", "mary@council.example"}


def test_nothing_goes_to_someone_who_may_not_see_the_child(
    with_email: Personas, mailoutbox: list[EmailMessage]
) -> None:
    # Rita is allocated to Alice but restricted to Mary alone.
    start = EventInput(type="cp_plan_start", occurred=dt.date(2024, 6, 10))
    record_event(with_email.mary, with_email.rita, start)
    sweep(ESCALATION_DAY)
    rita = Reminder.objects.filter(person=with_email.rita)
    assert not rita.filter(recipient=with_email.alice).exists()
    assert rita.filter(recipient=with_email.mary, kind=ReminderKind.ESCALATED).count() == 2
    for reminder in Reminder.objects.select_related("recipient"):
        assert policy.viewable(reminder.recipient).filter(pk=reminder.person_id).exists()


def test_a_manager_not_named_on_a_restricted_record_is_not_told(
    with_email: Personas, mailoutbox: list[EmailMessage]
) -> None:
    with_email.rita.restricted_to.clear()
    start = EventInput(type="cp_plan_start", occurred=dt.date(2024, 6, 10))
    record_event(with_email.mary, with_email.rita, start)
    sweep(ESCALATION_DAY)
    assert not Reminder.objects.filter(person=with_email.rita).exists()


def test_an_inactive_worker_is_sent_nothing(
    with_email: Personas, mailoutbox: list[EmailMessage]
) -> None:
    with_email.alice.is_active = False
    with_email.alice.save(update_fields=["is_active"])
    sweep()
    assert mailoutbox == []


def test_my_work_shows_the_reminders_sent(client: Client, with_email: Personas) -> None:
    sweep()
    client.force_login(with_email.alice)
    page = client.get(reverse("work:my_work")).content.decode()
    assert "Reminders sent" in page
    sent = page.split("Reminders sent")[1]
    assert sent.count("Overdue</strong>") == 2
    assert f"/records/{with_email.amy.public_id}/" in sent


def test_the_command_reports_what_it_sent(with_email: Personas) -> None:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("send_reminders", "--date", ESCALATION_DAY.isoformat(), stdout=out)
    assert out.getvalue().strip() == "Sent 4 reminders in 2 emails."
    call_command("send_reminders", "--date", ESCALATION_DAY.isoformat(), stdout=out)
    assert out.getvalue().strip().endswith("Sent 0 reminders in 0 emails.")


@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_send_each_reminder_once(with_email: Personas) -> None:
    if connection.vendor == "sqlite":
        pytest.skip(
            "SQLite serialises every writer, so this cannot race; "
            "set DATABASE_URL to a PostgreSQL database to run it"
        )
    mail.outbox = []
    workers = 4
    start = threading.Barrier(workers)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            start.wait()
            sweep(ESCALATION_DAY)
        except BaseException as error:  # reported below, in the test's own thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    sent = [(m.to[0], m.subject) for m in mail.outbox]
    assert sorted(sent) == [
        ("alice@council.example", "Casework reminders: 2 overdue"),
        ("mary@council.example", "Casework reminders: 2 escalated to a manager"),
    ]
    assert Reminder.objects.filter(state=ReminderState.SENT).count() == 4


def test_each_digest_sent_writes_one_audit_row_that_names_no_child(
    with_email: Personas, mailoutbox: list[EmailMessage]
) -> None:
    sweep(ESCALATION_DAY)
    sweep(ESCALATION_DAY)  # sends nothing more, so audits nothing more
    rows = AuditEntry.objects.filter(action=AuditAction.REMINDERS_SENT).order_by("id")
    assert [(r.actor, r.person, r.detail["recipient"]) for r in rows] == [
        (None, None, with_email.alice.pk),
        (None, None, with_email.mary.pk),
    ]
    alice, mary = rows
    assert alice.detail["counts"] == {"overdue": 2}
    assert mary.detail["counts"] == {"escalated": 2}
    assert alice.detail["emailed"] is True
    sent = Reminder.objects.filter(recipient=with_email.alice)
    assert sorted(alice.detail["reminders"]) == sorted(sent.values_list("pk", flat=True))
    assert {r.claim for r in sent} == {alice.action_id}
    for row in rows:
        text = str(row.detail)
        for name in ("Amy", "Adams", with_email.amy.reference):
            assert name not in text


def test_my_work_shows_the_worker_what_has_been_escalated(
    client: Client, with_email: Personas
) -> None:
    sweep(ESCALATION_DAY)
    client.force_login(with_email.alice)
    page = client.get(reverse("work:my_work")).content.decode()
    escalated = page.split("Escalated to a manager")[1].split("</ul>")[0]
    assert escalated.count("<li>") == 2
    assert "Told: Mary Mason" in escalated
    assert f"/records/{with_email.amy.public_id}/" in escalated
    assert "Escalations sent to you" not in page


def test_my_work_shows_the_manager_the_escalations_sent_to_them(
    client: Client, with_email: Personas
) -> None:
    sweep(ESCALATION_DAY)
    client.force_login(with_email.mary)
    page = client.get(reverse("work:my_work")).content.decode()
    escalations = page.split("Escalations sent to you")[1].split("</ul>")[0]
    assert escalations.count("Escalated to a manager</strong>") == 2
    assert "No reminders have been sent to you recently." in page


def test_a_colleague_sees_no_escalation_about_children_not_theirs(
    client: Client, with_email: Personas
) -> None:
    sweep(ESCALATION_DAY)
    client.force_login(with_email.bob)
    page = client.get(reverse("work:my_work")).content.decode()
    assert "Escalated to a manager" not in page
