"""The front door's hour timers, from the stored obligations: a contact taken on a Friday
afternoon whose 4- and 24-hour MASH timers run across the weekend in real hours
(docs/counting.md: "the trigger's date and time + N hours, counted in real elapsed time"),
and 24 hours across the October clock change."""

from __future__ import annotations

import datetime as dt

from casework.frontdoor import actions
from casework.frontdoor.models import Contact
from casework.frontdoor.timers import Timer, timers_for
from casework.records.evaluation import now, reevaluate, today
from casework.records.models import Episode, Obligation
from casework.site.testing import Personas
from web.frontdoor.conftest import Clock, at, new_contact


def _timers(contact: Contact) -> dict[str, Timer]:
    return {t.standard: t for t in timers_for([contact], now())[contact.pk]}


def test_the_clock_can_be_fixed_to_a_date_and_time(clock: Clock) -> None:
    clock("2024-06-28 15:00")
    assert now() == at("2024-06-28 15:00")
    assert now().tzinfo is not None
    assert today() == dt.date(2024, 6, 28)


def test_a_friday_afternoon_contact_runs_its_hour_timers_over_the_weekend(
    people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")  # Friday
    contact = new_contact(people.alice, people.ben, "2024-06-28 14:30")
    actions.record_consent(
        people.alice, contact, at=at("2024-06-28 14:50"), override=False, rationale=""
    )
    actions.open_enquiry(
        people.alice, contact, at=at("2024-06-28 15:00"), grade="red", agencies=["police"]
    )
    actions.open_enquiry(
        people.alice, contact, at=at("2024-06-28 15:00"), grade="amber", agencies=["health"]
    )
    timers = _timers(contact)

    # Recorded at 15:00, within the hour of the 14:30 call.
    assert timers["mash-contact-recorded"].due_at == at("2024-06-28 15:30")
    assert timers["mash-contact-recorded"].left == "Met"
    # Red: 4 real hours, so 19:00 on the Friday evening, not Monday.
    assert timers["mash-checks-red"].due_at == at("2024-06-28 19:00")
    assert timers["mash-checks-red"].left == "4 hours left"
    # Amber: 24 real hours, so 15:00 on Saturday.
    assert timers["mash-checks-amber"].due_at == at("2024-06-29 15:00")
    assert timers["mash-checks-amber"].left == "1 day left"
    # The threshold recommendation: 24 hours from the contact, 14:30 on Saturday.
    assert timers["mash-threshold-recommendation"].due_at == at("2024-06-29 14:30")
    assert timers["mash-threshold-recommendation"].left == "23 hours 30 minutes left"
    assert timers["mash-consent"].left == "Met"

    # Monday 09:00: both checks are overdue by the real hours since they fell due.
    clock("2024-07-01 09:00")
    reevaluate(contact.person)
    timers = _timers(contact)
    assert timers["mash-checks-red"].status == "overdue"
    assert timers["mash-checks-red"].left == "2 days 14 hours overdue"
    assert timers["mash-checks-amber"].left == "1 day 18 hours overdue"
    assert timers["mash-threshold-recommendation"].left == "1 day 18 hours overdue"


def test_an_open_hour_timer_is_overdue_as_soon_as_its_time_passes(
    people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")
    contact = new_contact(people.alice, people.ben, "2024-06-28 14:30")
    actions.open_enquiry(
        people.alice, contact, at=at("2024-06-28 15:00"), grade="red", agencies=["police"]
    )
    clock("2024-06-28 21:15")  # the same day: the stored status is still "open"
    stored = Obligation.objects.get(person=people.ben, standard="mash-checks-red")
    assert stored.status == "open"
    timer = _timers(contact)["mash-checks-red"]
    assert timer.status == "overdue"
    assert timer.left == "2 hours 15 minutes overdue"


def test_checks_are_back_only_when_every_agency_asked_has_replied(
    people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 18:00")
    contact = new_contact(people.alice, people.ben, "2024-06-28 14:30")
    police, health = actions.open_enquiry(
        people.alice,
        contact,
        at=at("2024-06-28 15:00"),
        grade="red",
        agencies=["police", "health"],
    )
    assert actions.record_check_back(people.alice, police, at=at("2024-06-28 16:00")) is False
    assert _timers(contact)["mash-checks-red"].left == "1 hour left"
    assert actions.record_check_back(people.alice, health, at=at("2024-06-28 17:45")) is True
    timer = _timers(contact)["mash-checks-red"]
    assert timer.status == "met"
    assert not timer.outstanding


def test_checks_back_after_four_hours_are_met_late(people: Personas, clock: Clock) -> None:
    clock("2024-06-28 20:00")
    contact = new_contact(people.alice, people.ben, "2024-06-28 14:30")
    (police,) = actions.open_enquiry(
        people.alice, contact, at=at("2024-06-28 15:00"), grade="red", agencies=["police"]
    )
    actions.record_check_back(people.alice, police, at=at("2024-06-28 19:01"))
    assert _timers(contact)["mash-checks-red"].left == "Met late"


def test_twenty_four_hours_across_the_october_clock_change_is_an_hour_earlier(
    people: Personas, clock: Clock
) -> None:
    # Clocks go back at 02:00 on Sunday 27 October 2024: 24 real hours after 09:00 on the
    # Saturday is 08:00 on the Sunday.
    clock("2024-10-26 09:30")
    contact = new_contact(people.alice, people.ben, "2024-10-26 09:00")
    timer = _timers(contact)["mash-threshold-recommendation"]
    assert timer.due_at == at("2024-10-27 08:00")
    # 22 hours 30 minutes on the clock, 23 hours 30 minutes in real time.
    assert timer.left == "23 hours 30 minutes left"


def test_a_manager_deciding_on_a_strategy_discussion_starts_the_police_referral_hour(
    people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 16:30")
    contact = new_contact(people.alice, people.ben, "2024-06-28 14:30")
    actions.recommend_threshold(
        people.alice,
        contact,
        at=at("2024-06-28 16:00"),
        tier="4",
        next_step="strategy",
        reasons="Injury alleged to be caused by a parent",
    )
    actions.decide_threshold(
        people.mary,
        contact,
        at=at("2024-06-28 16:10"),
        tier="4",
        next_step="strategy",
        reasons="Agree: strategy discussion today",
        strategy_needed=True,
    )
    timers = _timers(contact)
    assert timers["mash-threshold-decision"].left == "Met"
    assert timers["strategy-police-referral"].due_at == at("2024-06-28 17:10")
    assert timers["strategy-police-referral"].left == "40 minutes left"
    # The meeting: 24 hours after the information came in (the contact at 14:30).
    assert timers["strategy-meeting"].due_at == at("2024-06-29 14:30")
    actions.record_police_referral(people.alice, contact, at=at("2024-06-28 16:25"))
    assert _timers(contact)["strategy-police-referral"].left == "Met"


def test_allocation_starts_the_assessment_and_closes_the_contact(
    people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 16:30")
    contact = new_contact(people.alice, people.ben, "2024-06-28 14:30")
    actions.decide_outcome(people.alice, contact, at=at("2024-06-28 16:20"), outcome="referral")
    contact.refresh_from_db()
    assert contact.is_open
    started = actions.allocate_contact(people.mary, contact, people.bob, start_assessment=True)
    contact.refresh_from_db()
    people.ben.refresh_from_db()
    assert started == dt.date(2024, 6, 28)
    assert not contact.is_open
    assert people.ben.worker == people.bob
    timers = _timers(contact)
    # 25 working days after Friday 28 June 2024 is Friday 2 August.
    assert timers["assessment-25-days"].due == dt.date(2024, 8, 2)
    assert timers["assessment-25-days"].left == "due in 35 days"


def test_two_open_contacts_about_one_child_keep_their_own_timers(
    people: Personas, clock: Clock
) -> None:
    clock("2024-06-28 15:00")
    first = new_contact(people.alice, people.ben, "2024-06-28 10:00")
    second = new_contact(people.bob, people.ben, "2024-06-28 14:00")
    actions.decide_outcome(people.alice, first, at=at("2024-06-28 14:30"), outcome="nfa")
    assert Episode.objects.get(key=first.episode_key).ended == dt.date(2024, 6, 28)
    assert Episode.objects.get(key=second.episode_key).ended is None
    recommendation = _timers(second)["mash-threshold-recommendation"]
    assert recommendation.outstanding
    assert recommendation.due_at == at("2024-06-29 14:00")
    assert "mash-threshold-recommendation" not in _timers(first)
