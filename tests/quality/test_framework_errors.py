"""The framework loaders reject bad files, naming the file, the line and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from casework.quality.frameworks import (
    MONTHS,
    FrameworkError,
    load_audit_programme,
    load_audit_template,
    load_self_assessment,
)

FRAMEWORK = """\
framework: t
title: Test
document: "001"
scale:
  source: casework
  points:
    - {score: 1, label: Not met, descriptor: Not in place.}
    - {score: 2, label: Met, descriptor: In place.}
evidence:
  chronology-currency:
    title: Chronology currency
    basis: Chronologies updated on time.
    events: [chronology_update]
    standards: [wokingham-2020/record-chronology]
recommendations:
  - {number: 58, paragraph: "6.629", text: Keep a chronology.}
standards:
  - number: 1
    title: One
    statement: The first.
    criteria:
      - number: "1.1"
        text: Keep a chronology.
        recommendations: [58]
        evidence: [chronology-currency]
"""

TEMPLATE = """\
template: t
title: Test
document: "000"
source: {section: Case Files, number: 2.4.26}
grades:
  source: casework
  points:
    - {grade: good, label: Good, descriptor: Met., below_standard: false}
    - {grade: inadequate, label: Inadequate, descriptor: Not met., below_standard: true}
questions:
  - id: core-groups
    question: Are core groups held every 6 weeks?
    applies_to: [child_protection]
    source: {number: 2.4.26, quote: Core groups happening 6 weekly as a minimum}
    evidence:
      covers: core group dates
      events: [core_group]
      standards: [iow-core/core-group]
"""

MONTH_LINES = "\n".join(f"    - {{month: {m}, audits: [tm]}}" for m in MONTHS)
PROGRAMME = f"""\
programme: t
title: Test
document: "000"
audits:
  - id: tm
    title: Team manager audit
    section: Team Manager Audit
    cadence: monthly
    auditors: [Team Managers]
    roles: [team_manager]
    template: case-file-audit
    sample: {{what: Files of the team., files: 6, per: team manager, minimum: true}}
    sources:
      - {{number: 2.4.35, quote: a minimum of 6 files}}
below_standard:
  section: Implications of Audit Results
  notify: [Team Manager]
  notify_roles: [team_manager]
  remedial_action_by: Service Manager
  sources:
    - {{number: 2.4.49}}
timetable:
  source: {{section: Annual Timetable of Audits}}
  months:
{MONTH_LINES}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(load: object, path: Path) -> list[str]:
    assert callable(load)
    with pytest.raises(FrameworkError) as caught:
        load(path)
    for problem in caught.value.problems:
        assert problem.file == str(path)
    return [f"{p.line}: {p.message}" for p in caught.value.problems]


def test_the_small_good_files_load(tmp_path: Path) -> None:
    assert load_self_assessment(write(tmp_path, FRAMEWORK)).criterion("1.1").evidence == (
        "chronology-currency",
    )
    assert load_audit_template(write(tmp_path, TEMPLATE)).question("core-groups").line == 11
    assert len(load_audit_programme(write(tmp_path, PROGRAMME)).timetable) == 12


def test_an_error_message_starts_with_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, FRAMEWORK.replace('"1.1"', "1.1"))
    with pytest.raises(FrameworkError) as caught:
        load_self_assessment(path)
    assert str(caught.value).startswith(f"{path}:22: ")


def test_an_unquoted_criterion_number_is_refused_because_2_10_would_read_as_2_1(
    tmp_path: Path,
) -> None:
    found = problems_of(load_self_assessment, write(tmp_path, FRAMEWORK.replace('"1.1"', "1.1")))
    assert found == [
        "22: a criterion of standard 1 needs 'number:' as quoted text "
        '(write it in quotes, such as "1.10")',
        "0: recommendation 58 is not tied to any criterion",
        "0: evidence 'chronology-currency' is not named by any criterion",
    ]


def test_a_criterion_numbered_for_another_standard_is_refused(tmp_path: Path) -> None:
    found = problems_of(load_self_assessment, write(tmp_path, FRAMEWORK.replace('"1.1"', '"2.1"')))
    assert "22: criterion 2.1 is not numbered for standard 1" in found


def test_a_missing_criterion_in_the_numbering_is_found(tmp_path: Path) -> None:
    found = problems_of(load_self_assessment, write(tmp_path, FRAMEWORK.replace('"1.1"', '"1.2"')))
    assert found == ["22: criterion 1.2 is out of order: expected 1.1"]


def test_an_unknown_recommendation_or_evidence_key_is_named(tmp_path: Path) -> None:
    text = FRAMEWORK.replace("recommendations: [58]", "recommendations: [58, 99]").replace(
        "evidence: [chronology-currency]", "evidence: [chronology-currency, workload]"
    )
    found = problems_of(load_self_assessment, write(tmp_path, text))
    assert found == [
        "22: criterion 1.1: recommendation 99 is not listed under 'recommendations:'",
        "22: criterion 1.1: unknown evidence 'workload'; known: chronology-currency",
    ]


def test_evidence_naming_an_unknown_event_or_standard_is_refused(tmp_path: Path) -> None:
    text = FRAMEWORK.replace("[chronology_update]", "[chronology_updated]").replace(
        "wokingham-2020/record-chronology", "wokingham-2020/chronology"
    )
    found = problems_of(load_self_assessment, write(tmp_path, text))
    assert found == [
        "13: evidence 'chronology-currency': unknown event 'chronology_updated' "
        "(see standards/vocabulary.yaml)",
        "14: evidence 'chronology-currency': pack 'wokingham-2020' has no standard 'chronology'",
    ]


def test_a_standard_must_be_written_as_pack_and_id_from_a_known_pack(tmp_path: Path) -> None:
    text = FRAMEWORK.replace("[wokingham-2020/record-chronology]", "[record-chronology, nowhere/x]")
    found = problems_of(load_self_assessment, write(tmp_path, text))
    assert found == [
        "14: evidence 'chronology-currency': write the standard 'record-chronology' as pack/id",
        "14: evidence 'chronology-currency': unknown standards pack 'nowhere' in 'nowhere/x'",
    ]


def test_a_scale_must_say_whose_it_is_and_give_a_descriptor_for_each_point(
    tmp_path: Path,
) -> None:
    text = FRAMEWORK.replace("source: casework", "source: ssi").replace(
        "{score: 2, label: Met, descriptor: In place.}", "{score: 2, label: Met}"
    )
    found = problems_of(load_self_assessment, write(tmp_path, text))
    assert found == [
        "5: the scale: 'source' must be seed (the document gives it) or casework",
        "8: scale point 2 needs 'descriptor:'",
    ]


def test_an_unknown_key_is_named_with_the_keys_allowed(tmp_path: Path) -> None:
    found = problems_of(
        load_self_assessment,
        write(tmp_path, FRAMEWORK.replace("        text: Keep", "        txt: Keep")),
    )
    assert found[0] == (
        "23: unknown key 'txt' in a criterion of standard 1; "
        "use evidence, number, recommendations, text"
    )
    assert found[1] == "22: criterion 1.1 needs 'text:'"


def test_broken_yaml_is_reported_with_its_line(tmp_path: Path) -> None:
    found = problems_of(load_self_assessment, write(tmp_path, FRAMEWORK + "  - [unclosed\n"))
    assert len(found) == 1
    assert found[0].startswith("27: not valid YAML")


def test_an_audit_question_must_cite_its_source(tmp_path: Path) -> None:
    text = TEMPLATE.replace(
        "    source: {number: 2.4.26, quote: Core groups happening 6 weekly as a minimum}\n", ""
    )
    found = problems_of(load_audit_template, write(tmp_path, text))
    assert found == ["11: question 'core-groups' needs 'source:' citing the document"]


def test_an_audit_question_s_events_standards_and_episodes_must_exist(tmp_path: Path) -> None:
    text = (
        TEMPLATE.replace("[child_protection]", "[cp]")
        .replace("[core_group]", "[core_group_held]")
        .replace("iow-core/core-group", "iow-core/core-groups")
    )
    found = problems_of(load_audit_template, write(tmp_path, text))
    assert found[0].startswith("13: question 'core-groups': unknown episode 'cp'; use contact,")
    assert found[1:] == [
        "17: question 'core-groups' evidence: unknown event 'core_group_held' "
        "(see standards/vocabulary.yaml)",
        "18: question 'core-groups' evidence: pack 'iow-core' has no standard 'core-groups'",
    ]


def test_grades_need_one_below_standard_and_one_meeting_it(tmp_path: Path) -> None:
    text = TEMPLATE.replace("below_standard: true", "below_standard: false")
    found = problems_of(load_audit_template, write(tmp_path, text))
    assert found == ["7: at least one grade must be below standard"]


def test_an_audit_needs_a_known_cadence_template_and_role(tmp_path: Path) -> None:
    text = (
        PROGRAMME.replace("cadence: monthly", "cadence: fortnightly")
        .replace("template: case-file-audit", "template: checklist")
        .replace("    roles: [team_manager]", "    roles: [manager]")
    )
    found = problems_of(load_audit_programme, write(tmp_path, text))
    assert found == [
        "8: audit 'tm': 'cadence' must be one of monthly, quarterly, six-monthly, annual, "
        "unscheduled",
        "11: audit 'tm': unknown template 'checklist'; known: case-file-audit",
        "10: audit 'tm': unknown role 'manager'; use administrator, assistant_team_manager, "
        "councillor, head_of_service, lado, performance_analyst, quality_assurance, "
        "reviewing_officer, service_manager, social_worker, team_manager",
    ]


def test_a_sample_size_must_say_what_it_is_per(tmp_path: Path) -> None:
    text = PROGRAMME.replace(", per: team manager", "")
    found = problems_of(load_audit_programme, write(tmp_path, text))
    assert found == ["12: audit 'tm' sample: say what the 6 files are 'per:'"]


def test_the_timetable_must_cover_twelve_months_with_known_audits(tmp_path: Path) -> None:
    text = PROGRAMME.replace("    - {month: December, audits: [tm]}\n", "").replace(
        "{month: March, audits: [tm]}", "{month: March, audits: [tm, sm]}"
    )
    found = problems_of(load_audit_programme, write(tmp_path, text))
    assert found == [
        "27: March: unknown audit 'sm'; use tm",
        "24: the timetable has no entry for December",
    ]


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    found = problems_of(load_audit_programme, tmp_path / "none.yaml")
    assert found[0].startswith("0: cannot read the file")
