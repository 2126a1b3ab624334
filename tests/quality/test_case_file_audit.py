"""The default case file audit tool is seed 000's "Climbié compliant" checklist (2.4.26)."""

from __future__ import annotations

from casework.quality.frameworks import load_audit_template


def test_the_template_asks_every_item_of_the_climbie_compliant_checklist() -> None:
    template = load_audit_template()
    assert [q.id for q in template.questions] == [
        "records-up-to-date",
        "front-sheet",
        "referral-eligibility",
        "chronology",
        "assessment-current",
        "signed-plan",
        "case-summaries",
        "contingency-plan",
        "referral-acknowledged",
        "child-seen-alone",
        "views-taken-into-account",
        "manager-decisions",
        "diversity",
        "looked-after-requirements",
        "core-groups",
        "evaluation-and-outcomes",
    ]


def test_every_question_cites_paragraph_2_4_26_with_a_quote() -> None:
    for question in load_audit_template().questions:
        assert question.source.cite() == "000 · Case Files · 2.4.26"
        assert question.source.quote


def test_questions_the_record_can_answer_name_their_evidence() -> None:
    template = load_audit_template()
    assert template.question("chronology").evidence is not None
    core_groups = template.question("core-groups")
    assert core_groups.evidence is not None
    assert "core_group" in core_groups.evidence.events
    assert "iow-core/core-group" in core_groups.evidence.standards
    assert core_groups.applies_to == ("child_protection",)
    assert template.question("contingency-plan").evidence is None


def test_the_grades_run_from_outstanding_to_inadequate_with_two_below_standard() -> None:
    grades = load_audit_template().grades
    assert [g.grade for g in grades.points] == [
        "outstanding",
        "good",
        "requires-improvement",
        "inadequate",
    ]
    assert [g.below_standard for g in grades.points] == [False, False, True, True]
    assert grades.get("good").label == "Good"
