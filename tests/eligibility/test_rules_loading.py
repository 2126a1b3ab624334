"""Eligibility rules are validated when they are loaded, naming the file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casework.eligibility import RulesError, load_rules
from casework.eligibility.loader import RULES_DIR

GOOD = """document: "000"
decision:
  id: test
  title: A test service
  kind: count
  at_least: 1
  source: {section: A section, number: "1.1"}
  facts:
    risk: {type: choice, values: [low, high]}
    age: {type: number}
  criteria:
    - id: high
      title: high risk
      when: {fact: risk, is: high}
"""


def folder(tmp_path: Path, body: str) -> Path:
    shutil.copy(RULES_DIR / "50-care-leavers.yaml", tmp_path / "50-care-leavers.yaml")
    (tmp_path / "10-test.yaml").write_text(body, encoding="utf-8")
    return tmp_path


def problems(tmp_path: Path, body: str) -> list[str]:
    with pytest.raises(RulesError) as caught:
        load_rules(folder(tmp_path, body))
    for problem in caught.value.problems:
        assert problem.file.endswith("10-test.yaml")
    return [f"{p.line}: {p.message}" for p in caught.value.problems]


def test_the_bundled_rules_load() -> None:
    book = load_rules(RULES_DIR)
    assert set(book.decisions) == {
        "tier-of-need",
        "disability-team",
        "intensive-support",
        "family-resource-team",
    }
    assert book.care_leaver.thresholds["weeks_looked_after"] == 13
    assert all(rule.source.section for rule in book.care_leaver.rules.values())


def test_a_good_file_loads(tmp_path: Path) -> None:
    assert load_rules(folder(tmp_path, GOOD)).decisions["test"].at_least == 1


def test_a_condition_on_an_unknown_fact_names_its_line(tmp_path: Path) -> None:
    body = GOOD.replace("when: {fact: risk, is: high}", "when: {fact: danger, is: high}")
    assert problems(tmp_path, body) == [
        "14: decision 'test' criterion 'high': unknown fact 'danger'; "
        "the decision's facts are: risk, age"
    ]


def test_a_value_that_is_not_one_of_the_choices_is_refused(tmp_path: Path) -> None:
    body = GOOD.replace("is: high}", "is: severe}")
    assert problems(tmp_path, body) == [
        "14: decision 'test' criterion 'high': 'risk' has no value 'severe'; "
        "its values are: low, high"
    ]


def test_needing_more_criteria_than_there_are_is_refused(tmp_path: Path) -> None:
    body = GOOD.replace("at_least: 1", "at_least: 3")
    assert problems(tmp_path, body) == [
        "6: decision 'test': 'at_least: 3' is more than its 1 criteria"
    ]


def test_an_unknown_key_is_refused(tmp_path: Path) -> None:
    body = GOOD.replace("  kind: count\n", "  kind: count\n  colour: red\n")
    assert problems(tmp_path, body) == ["6: unknown key 'colour' in decision 'test'"]


def test_a_decision_without_a_section_in_its_source_is_refused(tmp_path: Path) -> None:
    body = GOOD.replace('source: {section: A section, number: "1.1"}', 'source: {number: "1.1"}')
    assert problems(tmp_path, body) == ["7: decision 'test': its source needs 'section:'"]


def test_comparing_a_choice_with_a_number_is_refused(tmp_path: Path) -> None:
    body = GOOD.replace("when: {fact: risk, is: high}", "when: {fact: risk, below: 3}")
    assert problems(tmp_path, body) == [
        "14: decision 'test' criterion 'high': 'below' needs a number fact; 'risk' is choice"
    ]


def test_a_file_that_is_not_yaml_names_its_line(tmp_path: Path) -> None:
    body = GOOD.replace("  title: A test service", "  title: [unclosed")
    (found,) = problems(tmp_path, body)
    assert found.startswith("5: not valid YAML: ")


def test_the_same_decision_twice_is_refused(tmp_path: Path) -> None:
    (tmp_path / "20-again.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RulesError, match=r"decision id 'test' is used twice \(first at "):
        load_rules(folder(tmp_path, GOOD))


def test_a_missing_care_leaver_rule_is_refused(tmp_path: Path) -> None:
    text = (RULES_DIR / "50-care-leavers.yaml").read_text(encoding="utf-8")
    start = text.index("    - id: home-breakdown")
    end = text.index("    - id: former-relevant\n")
    (tmp_path / "50-care-leavers.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(RulesError, match="'care_leaver:' is missing the rule 'home-breakdown'"):
        load_rules(tmp_path)
