"""The Climbié self-assessment holds every criterion of seed 001, tied as the seed ties it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from casework.quality.frameworks import Criterion, load_self_assessment

SEEDS = Path(os.environ.get("CASEWORK_SEEDS", "/work/shared/seeds"))
SEED_001 = SEEDS / "001_1f07b367b369e5c8.txt"

# A criterion number in the seed: "2.10 If during...", "1.1 Ensure that...". Paragraph
# references of the guidance ("paragraphs 3.8; 3.37 3.40; 3.59 Recommendation") are told
# apart by the standard they fall under and by the word that follows them.
_CRITERION = re.compile(
    r"STANDARD (\d)|(?<![\d.])([1-7])\.(\d{1,2}) (?!Recommendation|Working|Assessment|Timescale)"
    r"(?=[A-Z])"
)


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED_001.exists():
        pytest.skip(f"seed 001 not found at {SEED_001} (set CASEWORK_SEEDS)")
    text = SEED_001.read_text(encoding="utf-8")
    return text[text.index("STANDARD 1") :]


def seed_criteria(text: str) -> list[str]:
    found: list[str] = []
    standard = ""
    for match in _CRITERION.finditer(text):
        if match.group(1):
            standard = match.group(1)
        elif match.group(2) == standard:
            number = f"{match.group(2)}.{match.group(3)}"
            if number not in found:
                found.append(number)
    return found


def plain(text: str) -> str:
    text = text.lower().replace("'", " ").replace("\u2019", " ")
    return " ".join(re.sub(r"[^a-z0-9 ]", "", text).split())


def block_of(text: str, criterion: Criterion) -> str:
    """The seed's page (one "STANDARD n" block) on which the criterion is written."""
    pattern = re.compile(
        rf"(?<![\d.]){re.escape(criterion.number)} "
        r"(?!Recommendation|Working|Assessment|Timescale)[A-Z]"
    )
    for block in re.split(r"(?=STANDARD \d)", text):
        if block.startswith(f"STANDARD {criterion.standard}") and pattern.search(block):
            return block
    raise AssertionError(f"criterion {criterion.number} is not in the seed")


def test_the_seed_parser_finds_all_54_criteria_of_seed_001(seed_text: str) -> None:
    numbers = seed_criteria(seed_text)
    assert len(numbers) == 54
    assert numbers[0] == "1.1"
    assert numbers[-1] == "7.8"


def test_the_self_assessment_holds_every_criterion_of_seed_001_and_no_other(
    seed_text: str,
) -> None:
    framework = load_self_assessment()
    assert [c.number for c in framework.criteria] == seed_criteria(seed_text)


def test_each_criterion_text_is_the_seed_text(seed_text: str) -> None:
    seed = plain(seed_text)
    for criterion in load_self_assessment().criteria:
        opening = " ".join(plain(criterion.text).split()[:8])
        assert f"{plain(criterion.number)} {opening}" in seed, criterion.number


def test_each_criterion_is_tied_to_recommendations_on_its_own_page_of_the_seed(
    seed_text: str,
) -> None:
    for criterion in load_self_assessment().criteria:
        block = block_of(seed_text, criterion)
        for number in criterion.recommendations:
            assert f"Recommendation {number}." in block, (criterion.number, number)


def test_each_recommendation_text_and_paragraph_is_the_seed_text(seed_text: str) -> None:
    seed = plain(seed_text)
    for rec in load_self_assessment().recommendations.values():
        opening = " ".join(plain(rec.text).split()[:12])
        assert f"recommendation {rec.number} {opening}" in seed, rec.number
        # The seed drops the closing bracket after "paragraph 8.19".
        assert re.search(rf"\(paragraphs? {re.escape(rec.paragraph)}\b", seed_text), rec.number


def test_the_seven_standards_have_the_seed_s_criterion_counts() -> None:
    framework = load_self_assessment()
    counts = {s.number: len(s.criteria) for s in framework.standards}
    assert counts == {1: 7, 2: 15, 3: 10, 4: 4, 5: 5, 6: 5, 7: 8}
    assert len(framework.criteria) == 54


def test_criterion_numbers_keep_their_trailing_zero() -> None:
    framework = load_self_assessment()
    assert framework.criterion("2.10").text.startswith("If during the course of an assessment")
    assert framework.criterion("3.10").standard == 3


def test_every_criterion_is_rated_on_a_scale_with_a_descriptor_for_each_point() -> None:
    scale = load_self_assessment().scale
    assert [p.score for p in scale.points] == [1, 2, 3, 4]
    assert all(p.label and p.descriptor for p in scale.points)
    # The seed refers to the Inspectorate's scale but does not give it.
    assert scale.source == "casework"


def test_the_named_criteria_link_to_their_live_evidence() -> None:
    framework = load_self_assessment()
    assert "team-workload" in framework.criterion("1.2").evidence
    assert "chronology-currency" in framework.criterion("3.1").evidence
    assert "unallocated-cases" in framework.criterion("7.8").evidence


def test_recommendation_30_on_senior_managers_inspecting_files_backs_criterion_6_5() -> None:
    framework = load_self_assessment()
    assert 30 in framework.criterion("6.5").recommendations
    assert "three months" in framework.recommendations[30].text
