"""Action plans in seed 003's shape: recommendations, actions with a lead and target date,
status, monitoring forum, and success criteria with the trend of a live indicator."""

from __future__ import annotations

import datetime as dt
import itertools

from django.test import Client

from casework.accounts.roles import Role
from casework.improvement.actions import add_action, add_recommendation, create_plan
from casework.improvement.models import ActionStatus, PlanAction, SuccessCriterion
from casework.improvement.tasks import plan_action_tasks
from casework.improvement.trends import periods, trends
from casework.records.actions.events import EventInput, record_event
from casework.site.testing import PASSWORD, TODAY, Personas
from casework.work.tasks import tasks_for


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def _plan(people: Personas) -> tuple[int, int]:
    qa = people.by_role[Role.QUALITY_ASSURANCE]
    plan = create_plan(qa, title="Inspection action plan", source="Safeguarding inspection")
    rec = add_recommendation(qa, plan, text="Allocate all new referrals promptly")
    return plan.pk, rec.pk


def test_the_periods_are_consecutive_quarters_ending_today() -> None:
    found = periods(TODAY)
    assert found[-1] == (dt.date(2024, 3, 29), TODAY)
    assert found[0][0] == dt.date(2023, 6, 29)
    for (_, end), (start, _) in itertools.pairwise(found):
        assert start == end + dt.timedelta(days=1)


def test_a_success_criterion_shows_its_indicator_by_quarter(people: Personas) -> None:
    plan_pk, rec_pk = _plan(people)
    record_event(
        people.alice, people.ben, EventInput(type="referral", occurred=dt.date(2024, 5, 2))
    )
    record_event(
        people.alice, people.cara, EventInput(type="referral", occurred=dt.date(2024, 1, 9))
    )
    url = f"/improvement/plans/{plan_pk}/recommendations/{rec_pk}/"
    added = _client("qa").post(
        url,
        {
            "action": "success",
            "sc-text": "Referrals are tracked",
            "sc-indicator": "children-referred",
        },
    )
    assert added.status_code == 302
    found = trends(["children-referred"], TODAY)["children-referred"]
    assert [p.numerator for p in found.points] == [0, 0, 1, 1]
    page = _client("pa").get(f"/improvement/plans/{plan_pk}/").content.decode()
    assert "Children referred" in page
    assert "<svg" in page
    assert "By quarter, oldest first" in page


def test_an_unknown_indicator_is_refused(people: Personas) -> None:
    plan_pk, rec_pk = _plan(people)
    url = f"/improvement/plans/{plan_pk}/recommendations/{rec_pk}/"
    response = _client("qa").post(
        url, {"action": "success", "sc-text": "Something", "sc-indicator": "made-up"}
    )
    assert response.status_code == 200
    assert "Choose an indicator from the list" in response.content.decode()
    assert not SuccessCriterion.objects.exists()


def test_an_overdue_action_is_on_its_leads_my_work_until_completed(people: Personas) -> None:
    qa = people.by_role[Role.QUALITY_ASSURANCE]
    _plan_pk, rec_pk = _plan(people)
    from casework.improvement.models import Recommendation

    rec = Recommendation.objects.get(pk=rec_pk)
    action = add_action(
        qa,
        rec,
        text="Weekly allocation report",
        lead=people.mary,
        target=dt.date(2024, 6, 1),
        forum="Performance board",
    )
    found = [t for t in tasks_for(people.mary, TODAY) if t.kind == "Action plan"]
    assert len(found) == 1
    assert found[0].overdue(TODAY)
    assert _client("mary").get(found[0].href).status_code == 200
    done = _client("mary").post(found[0].href, {"status": "completed", "progress": "Running"})
    assert done.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.completed_on) == (ActionStatus.COMPLETED, TODAY)
    assert list(plan_action_tasks(people.mary, TODAY)) == []


def test_only_the_lead_or_the_quality_programme_updates_an_action(people: Personas) -> None:
    qa = people.by_role[Role.QUALITY_ASSURANCE]
    plan_pk, rec_pk = _plan(people)
    from casework.improvement.models import Recommendation

    action = add_action(
        qa,
        Recommendation.objects.get(pk=rec_pk),
        text="Report",
        lead=people.mary,
        target=dt.date(2024, 9, 1),
        forum="Board",
    )
    url = f"/improvement/plans/{plan_pk}/actions/{action.pk}/"
    assert _client("pa").post(url, {"status": "completed"}).status_code == 403
    assert _client("carl").get(url).status_code == 403
    bad = _client("mary").post(url, {"status": "finished"})
    assert "Choose a status" in bad.content.decode()
    action.refresh_from_db()
    assert action.status == ActionStatus.NOT_STARTED


def test_a_quality_officer_builds_a_plan_in_the_browserless_flow(people: Personas) -> None:
    client = _client("qa")
    created = client.post("/improvement/plans/new/", {"title": "Inspection 2024", "source": ""})
    assert created.status_code == 302
    plan_url = created["Location"]
    assert client.post(plan_url, {"text": "Improve timeliness"}).status_code == 302
    assert client.post(plan_url, {"text": ""}).status_code == 200
    page = client.get(plan_url).content.decode()
    assert "Recommendation 1" in page
    assert "Recommendation 2" not in page
    assert _client("pa").post(plan_url, {"text": "Mine"}).status_code == 403
    assert _client("pa").get("/improvement/plans/new/").status_code == 403
    assert not PlanAction.objects.exists()


def test_reading_only_the_needed_events_and_stored_obligations_changes_no_figure(
    people: Personas,
) -> None:
    from casework.improvement.trends import event_types, indicators
    from casework.insight import EventIndex, compute_all
    from casework.records.evaluation import current_pack, engine_events

    for child, day in ((people.ben, dt.date(2024, 5, 2)), (people.cara, dt.date(2024, 2, 9))):
        record_event(people.alice, child, EventInput(type="referral", occurred=day))
        record_event(people.alice, child, EventInput(type="assessment_start", occurred=day))
    record_event(
        people.alice, people.ben, EventInput(type="cp_visit", occurred=dt.date(2024, 6, 12))
    )
    record_event(
        people.alice,
        people.ben,
        EventInput(type="assessment_complete", occurred=dt.date(2024, 6, 3)),
    )
    wanted = list(indicators().values())
    quick = trends([i.id for i in wanted], TODAY)
    every = EventIndex(engine_events())
    for start, end in periods(TODAY):
        # The pack evaluated afresh as of each period's end, from every event.
        slow = compute_all(wanted, every, start, end, pack=current_pack())
        for result in slow:
            point = next(p for p in quick[result.indicator.id].points if p.end == end)
            assert (point.numerator, point.denominator) == (
                result.numerator,
                result.denominator,
            ), result.indicator.id
    assert event_types(wanted) is None or "referral" in (event_types(wanted) or set())


def test_a_new_event_is_counted_at_once_despite_the_cache(people: Personas) -> None:
    from casework.improvement.trends import cached_trends

    before = cached_trends(["children-referred"], TODAY)["children-referred"]
    record_event(
        people.alice, people.ben, EventInput(type="referral", occurred=dt.date(2024, 6, 3))
    )
    after = cached_trends(["children-referred"], TODAY)["children-referred"]
    assert after.points[-1].numerator == before.points[-1].numerator + 1


def test_my_work_lists_the_leads_late_action(people: Personas) -> None:
    from casework.improvement.models import Recommendation

    qa = people.by_role[Role.QUALITY_ASSURANCE]
    _, rec_pk = _plan(people)
    add_action(
        qa,
        Recommendation.objects.get(pk=rec_pk),
        text="Weekly allocation report",
        lead=people.mary,
        target=dt.date(2024, 6, 1),
        forum="Performance board",
    )
    body = _client("mary").get("/my-work/").content.decode()
    assert "Recommendation 1: Weekly allocation report" in body
    assert "Weekly allocation report" not in _client("bob").get("/my-work/").content.decode()
