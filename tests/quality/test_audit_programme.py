"""The default audit programme is seed 000's, 2.4.28 to 2.4.53, with its annual timetable."""

from __future__ import annotations

from casework.quality.frameworks import Cadence, load_audit_programme


def test_the_programme_holds_every_audit_tier_of_the_seed_with_its_cadence() -> None:
    programme = load_audit_programme()
    assert {a.id: a.cadence for a in programme.audits} == {
        "senior-manager": Cadence.QUARTERLY,
        "team-manager": Cadence.MONTHLY,
        "data-management-officer": Cadence.MONTHLY,
        "random": Cadence.UNSCHEDULED,
        "supervision": Cadence.MONTHLY,
        "threshold": Cadence.SIX_MONTHLY,
        "child-protection": Cadence.SIX_MONTHLY,
        "meeting-minutes": Cadence.MONTHLY,
        "pep": Cadence.ANNUAL,
        "training-needs": Cadence.ANNUAL,
    }


def test_every_paragraph_from_2_4_31_to_2_4_50_is_cited() -> None:
    programme = load_audit_programme()
    cited = {s.number for a in programme.audits for s in a.sources}
    cited |= {s.number for s in programme.below_standard.sources}
    cited |= {s.number for s in programme.sources}
    assert {f"2.4.{n}" for n in range(28, 51)} <= cited


def test_team_managers_audit_at_least_six_files_a_month() -> None:
    sample = load_audit_programme().audit("team-manager").sample
    assert (sample.files, sample.per, sample.minimum) == (6, "team manager", True)


def test_the_senior_manager_case_list_is_published_a_week_before_the_audit() -> None:
    audit = load_audit_programme().audit("senior-manager")
    assert audit.sample.publish_before is not None
    assert str(audit.sample.publish_before) == "1 week"
    assert audit.template == "case-file-audit"
    assert audit.sources[0].cite() == "000 · Senior Manager File Audit · 2.4.31"


def test_the_data_management_officer_audits_one_file_per_team_chosen_by_the_team_manager() -> None:
    sample = load_audit_programme().audit("data-management-officer").sample
    assert (sample.files, sample.per, sample.chosen_by) == (1, "team", "Team Manager")


def test_the_timetable_has_all_twelve_months_as_the_seed_lists_them() -> None:
    programme = load_audit_programme()
    assert [m.month for m in programme.timetable] == list(range(1, 13))
    assert all("team-manager" in m.audits for m in programme.timetable)
    months_of = {
        audit: [m.name for m in programme.timetable if audit in m.audits]
        for audit in ("senior-manager", "threshold", "child-protection", "pep")
    }
    assert months_of == {
        "senior-manager": ["March", "July", "September", "December"],
        "threshold": ["February", "September"],
        "child-protection": ["April", "October"],
        "pep": ["March", "November"],
    }
    assert [a.id for a in programme.audits_in(2)] == ["team-manager", "threshold"]


def test_below_standard_findings_notify_the_team_and_service_manager_and_may_reopen_a_case() -> (
    None
):
    below = load_audit_programme().below_standard
    assert below.notify_roles == ("team_manager", "service_manager")
    assert below.may_reopen_closed_case
    assert [s.number for s in below.sources] == ["2.4.49", "2.4.50"]
