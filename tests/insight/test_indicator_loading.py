"""Indicator definitions are validated when they are loaded, naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from casework.insight import Direction, IndicatorError, Kind, load_indicators

GOOD = """indicators:
  - id: re-referrals
    title: Re-referrals
    definition: Referrals for a child referred in the 12 months before.
    numerator: Re-referrals
    denominator: Referrals
    direction: lower
    measure: {kind: repeat, event: referral, within: 12 months}
    source: {document: Children in need census, year: 2024}
"""


def write(tmp_path: Path, text: str, name: str = "a.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    path = write(tmp_path, text)
    with pytest.raises(IndicatorError) as caught:
        load_indicators(path)
    assert all(p.file == str(path) for p in caught.value.problems)
    return [f"{p.line}: {p.message}" for p in caught.value.problems]


def test_a_good_indicator_loads_with_everything_it_says(tmp_path: Path) -> None:
    (indicator,) = load_indicators(write(tmp_path, GOOD))
    assert indicator.id == "re-referrals"
    assert indicator.direction is Direction.LOWER
    assert indicator.measure.kind is Kind.REPEAT
    assert indicator.measure.event is not None
    assert indicator.measure.event.events == ("referral",)
    assert str(indicator.measure.within) == "12 months"
    assert (indicator.source.document, indicator.source.year) == ("Children in need census", 2024)
    assert indicator.line == 2


def test_the_bundled_indicators_load_and_each_says_where_it_comes_from() -> None:
    indicators = load_indicators()
    assert len(indicators) >= 13
    for indicator in indicators:
        assert indicator.definition
        assert indicator.numerator
        assert indicator.source.document
        assert indicator.source.year is not None
        assert indicator.is_count == (indicator.denominator == "")


def test_an_unknown_key_is_named_with_its_line(tmp_path: Path) -> None:
    text = GOOD.replace("    direction: lower\n", "    direction: lower\n    target: 10\n")
    assert problems(tmp_path, text) == ["8: unknown key 'target' in indicator 're-referrals'"]


def test_a_missing_title_and_a_wrong_direction_are_both_reported(tmp_path: Path) -> None:
    text = GOOD.replace("    title: Re-referrals\n", "").replace("lower", "smaller")
    assert problems(tmp_path, text) == [
        "2: indicator 're-referrals' needs 'title:'",
        "6: indicator 're-referrals': 'direction' must be higher or lower (which is better)",
    ]


def test_an_event_not_in_the_vocabulary_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace("event: referral", "event: referal")
    assert problems(tmp_path, text) == [
        "8: indicator 're-referrals': 'event' names unknown event 'referal'"
    ]


def test_a_detail_the_event_does_not_have_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace("event: referral", "event: {event: referral, where: {outcome: cin}}")
    (message,) = problems(tmp_path, text)
    assert "event 'referral' has no detail 'outcome'" in message


def test_a_timescale_that_cannot_be_read_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace("12 months", "a year")
    (message,) = problems(tmp_path, text)
    assert message.startswith("8: indicator 're-referrals': cannot read timescale 'a year'")


def test_an_unknown_kind_of_measure_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace("kind: repeat", "kind: ratio")
    (message,) = problems(tmp_path, text)
    assert message.startswith("8: indicator 're-referrals': the measure's 'kind' must be one of")


def test_a_measure_missing_what_its_kind_needs_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace("{kind: repeat, event: referral, within: 12 months}", "{kind: duration}")
    assert problems(tmp_path, text) == [
        "8: indicator 're-referrals': a duration measure needs 'at_least:'",
        "8: indicator 're-referrals': a duration measure needs 'end:'",
        "8: indicator 're-referrals': a duration measure needs 'start:'",
    ]


def test_a_count_takes_no_denominator_and_a_rate_needs_one(tmp_path: Path) -> None:
    count = GOOD.replace(
        "kind: repeat, event: referral, within: 12 months", "kind: count, event: referral"
    )
    assert problems(tmp_path, count) == [
        "6: indicator 're-referrals': a count has no 'denominator:'"
    ]
    rate = GOOD.replace("    denominator: Referrals\n", "")
    assert problems(tmp_path, rate) == ["2: indicator 're-referrals' needs 'denominator:'"]


def test_compliance_counts_only_known_statuses(tmp_path: Path) -> None:
    text = GOOD.replace(
        "{kind: repeat, event: referral, within: 12 months}", "{kind: compliance, count: [open]}"
    )
    assert problems(tmp_path, text) == [
        "8: indicator 're-referrals': 'count' must list statuses from met, late, overdue"
    ]


def test_a_source_needs_its_year(tmp_path: Path) -> None:
    text = GOOD.replace(", year: 2024", "")
    assert problems(tmp_path, text) == [
        "9: indicator 're-referrals': its source needs 'year:', such as 2023"
    ]


def test_an_id_used_twice_names_both_places(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(IndicatorError) as caught:
        load_indicators(tmp_path)
    (problem,) = caught.value.problems
    assert problem.file.endswith("b.yaml")
    assert problem.line == 2
    assert f"(first at {tmp_path / 'a.yaml'}:2)" in problem.message


def test_yaml_that_cannot_be_parsed_is_reported_with_its_line(tmp_path: Path) -> None:
    (message,) = problems(tmp_path, GOOD + "  - id: [unclosed\n")
    assert message.startswith("11: not valid YAML")


def test_a_file_without_indicators_is_refused(tmp_path: Path) -> None:
    assert problems(tmp_path, "standards: []\n") == [
        "1: an indicators file must be a mapping with 'indicators:'"
    ]
