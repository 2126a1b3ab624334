"""Samples: reproducible from the recorded seed, published a set time before the audit, and
never holding a case the auditor may not see (restricted records included)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from casework.accounts.models import AuditAction, AuditEntry
from casework.accounts.policy import policy
from casework.accounts.roles import Role
from casework.quality.models import SampleMethod, ScheduledAudit
from casework.quality.programme import set_up_year
from casework.quality.sampling import SampleRequest, draw_sample, pool
from casework.records.actions.events import EventInput, record_event
from casework.records.models import Person
from casework.site.testing import PASSWORD, TODAY, Personas


def _more_children(people: Personas, count: int = 24) -> None:
    teams = [people.hilltop, people.riverside, people.faraway]
    for i in range(count):
        Person.objects.create(
            reference=f"S{i:05d}",
            given_name=f"Child{i}",
            family_name="Sample",
            team=teams[i % 3],
            worker=people.alice if i % 3 == 0 and i % 2 else None,
            restricted=i % 7 == 0,
        )


def _ids(sample_cases: object) -> list[int]:
    return [c.person_id for c in sample_cases.all()]  # type: ignore[attr-defined]


@pytest.mark.parametrize("method", list(SampleMethod))
def test_the_same_seed_draws_the_same_cases(people: Personas, method: SampleMethod) -> None:
    _more_children(people)
    qa = people.by_role[Role.QUALITY_ASSURANCE]
    people.amy.is_open = False
    request = SampleRequest(method=method, size=5, auditor=qa, seed=424242)
    first = draw_sample(qa, request, TODAY)
    second = draw_sample(qa, request, TODAY)
    assert first.seed == second.seed == 424242
    assert _ids(first.cases) == _ids(second.cases)


def test_a_new_seed_is_recorded_and_draws_the_sample_again(people: Personas) -> None:
    _more_children(people)
    qa = people.by_role[Role.QUALITY_ASSURANCE]
    first = draw_sample(qa, SampleRequest(method=SampleMethod.RANDOM, size=6, auditor=qa), TODAY)
    assert len(_ids(first.cases)) == 6
    again = draw_sample(
        qa, SampleRequest(method=SampleMethod.RANDOM, size=6, auditor=qa, seed=first.seed), TODAY
    )
    assert _ids(again.cases) == _ids(first.cases)
    entry = AuditEntry.objects.filter(action=AuditAction.QUALITY_SAMPLE_DRAWN).first()
    assert entry is not None
    assert entry.detail["seed"] == again.seed


@pytest.mark.parametrize("method", list(SampleMethod))
@pytest.mark.parametrize("auditor", ["mary", "qa", "hos", "sm"])
def test_a_sample_never_holds_a_case_the_auditor_may_not_see(
    people: Personas, method: SampleMethod, auditor: str
) -> None:
    _more_children(people)
    user = {"mary": people.mary, **{u.username: u for u in people.by_role.values()}}[auditor]
    qa = people.by_role[Role.QUALITY_ASSURANCE]
    sample = draw_sample(qa, SampleRequest(method=method, size=100, auditor=user), TODAY)
    visible = set(policy.viewable(user).values_list("pk", flat=True))
    drawn = set(_ids(sample.cases))
    assert drawn <= visible
    restricted = set(Person.objects.filter(restricted=True).values_list("pk", flat=True))
    if auditor == "mary":
        # Rita's record is restricted to Mary: she alone of these auditors may draw it.
        assert people.rita.pk in visible
    else:
        assert not drawn & restricted


def test_a_team_manager_s_sample_is_the_team_s_own_cases(people: Personas) -> None:
    _more_children(people)
    qa = people.by_role[Role.QUALITY_ASSURANCE]
    sample = draw_sample(
        qa, SampleRequest(method=SampleMethod.RANDOM, size=100, auditor=people.mary), TODAY
    )
    teams = {p.team_id for p in Person.objects.filter(pk__in=_ids(sample.cases))}
    assert teams == {people.hilltop.pk}
    assert people.rita.pk in _ids(sample.cases)


def test_stratified_by_team_draws_from_every_team(people: Personas) -> None:
    _more_children(people)
    qa = people.by_role[Role.QUALITY_ASSURANCE]
    sample = draw_sample(qa, SampleRequest(method=SampleMethod.BY_TEAM, size=6, auditor=qa), TODAY)
    assert {c.stratum for c in sample.cases.all()} == {
        people.hilltop.name,
        people.riverside.name,
        people.faraway.name,
    }


def test_targeted_samples_pick_overdue_and_closed_no_further_action_cases(
    people: Personas,
) -> None:
    qa = people.by_role[Role.QUALITY_ASSURANCE]
    # Amy's plan started on 10 June: her first visit was due within 10 working days.
    overdue = set(pool(qa, SampleMethod.OVERDUE, TODAY, None).values_list("pk", flat=True))
    assert overdue == {people.amy.pk}
    record_event(
        people.alice,
        people.amy,
        EventInput(
            type="assessment_complete", occurred=dt.date(2024, 6, 20), details={"outcome": "nfa"}
        ),
    )
    record_event(
        people.alice, people.amy, EventInput(type="case_closed", occurred=dt.date(2024, 6, 21))
    )
    closed = set(pool(qa, SampleMethod.CLOSED_NFA, TODAY, None).values_list("pk", flat=True))
    assert closed == {people.amy.pk}


def test_the_list_is_published_a_week_before_a_senior_manager_audit(
    people: Personas, client: Client, settings: SettingsWrapper
) -> None:
    _more_children(people)
    qa = people.by_role[Role.QUALITY_ASSURANCE]
    manager = people.by_role[Role.SERVICE_MANAGER]
    set_up_year(qa, 2024)
    september = ScheduledAudit.objects.get(kind__key="senior-manager", year=2024, month=9)
    assert september.publish_on == dt.date(2024, 9, 8)
    sample = draw_sample(
        qa,
        SampleRequest(method=SampleMethod.RANDOM, size=4, auditor=manager, scheduled=september),
        TODAY,
    )
    assert sample.publish_on == dt.date(2024, 9, 8)
    # Before then the auditor may not see the list; the quality officer may.
    assert client.login(username="sm", password=PASSWORD)
    assert client.get(f"/quality/samples/{sample.pk}/").status_code == 403
    assert client.login(username="qa", password=PASSWORD)
    page = client.get(f"/quality/samples/{sample.pk}/").content.decode()
    assert str(sample.seed) in page
    assert "(not yet)" in page
    settings.CASEWORK_TODAY = "2024-09-08"
    assert client.login(username="sm", password=PASSWORD)
    assert "Audit the file" in client.get(f"/quality/samples/{sample.pk}/").content.decode()


def test_only_those_who_run_the_programme_draw_samples(people: Personas, client: Client) -> None:
    with pytest.raises(PermissionDenied):
        draw_sample(
            people.mary,
            SampleRequest(method=SampleMethod.RANDOM, size=2, auditor=people.mary),
            TODAY,
        )
    assert client.login(username="mary", password=PASSWORD)
    assert client.get("/quality/samples/new/").status_code == 403


def test_the_sample_form_draws_and_shows_errors(people: Personas, client: Client) -> None:
    _more_children(people)
    assert client.login(username="qa", password=PASSWORD)
    bad = client.post("/quality/samples/new/", {"method": "random", "size": "0"})
    text = bad.content.decode()
    assert "There is a problem" in text
    assert "Choose who will audit the files" in text
    assert "Enter at least 1 case" in text
    done = client.post(
        "/quality/samples/new/",
        {"auditor": people.mary.pk, "method": "random", "size": "3", "seed": "99"},
        follow=True,
    )
    text = done.content.decode()
    assert "Sample drawn: 3 cases" in text
    assert "99" in text
    # The auditor sees the list, published at once, with a link to audit each file.
    assert client.login(username="mary", password=PASSWORD)
    sample_url = done.redirect_chain[-1][0]
    assert "Audit the file" in client.get(sample_url).content.decode()
