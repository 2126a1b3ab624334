"""Packs are validated when they are loaded, naming the file and line of each problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from casework.standards import Kind, Op, PackError, Unit, available_packs, load_pack

HEADER = 'pack: t\ntitle: Test\nversion: "1"\nstandards:\n'


def pack_file(tmp_path: Path, body: str) -> str:
    path = tmp_path / "t.yaml"
    path.write_text(HEADER + body, encoding="utf-8")
    return str(path)


def problems(tmp_path: Path, body: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(pack_file(tmp_path, body))
    return [f"{p.line}: {p.message}" for p in caught.value.problems]


GOOD = """  - id: seen-alone
    title: See the child alone at least every 10 working days
    kind: recurring
    anchor: {event: cp_plan_start, where: {category: [neglect, emotional]}}
    first: 5 working days
    every: 10 working days
    met_by: {event: [cp_visit, s47_child_seen], where: {seen_alone: yes}}
    episode: child_protection
    source: {document: "002", section: Visits, number: 3, quote: "at least"}
"""


def test_a_good_standard_loads_with_everything_it_says(tmp_path: Path) -> None:
    pack = load_pack(pack_file(tmp_path, GOOD))
    s = pack.get("seen-alone")
    assert s.kind is Kind.RECURRING
    assert [(t.amount, t.unit) for t in s.intervals] == [
        (5, Unit.WORKING_DAYS),
        (10, Unit.WORKING_DAYS),
    ]
    assert s.met_by is not None
    assert s.met_by.events == ("cp_visit", "s47_child_seen")
    assert s.met_by.where[0].op is Op.EQUALS
    assert s.met_by.where[0].values == ("true",)
    assert s.trigger.match is not None
    assert s.trigger.match.where[0].op is Op.IN
    assert s.episode == "child_protection"
    assert s.source.cite() == "002 · Visits · 3"
    assert s.line == 5


SECTION_FILE = (
    "  - id: x\n    title: X\n    checkable: false\n    source: {document: '002', section: S}\n"
)
BAD = [
    (GOOD.replace("kind: recurring", "kind: sometimes"), "7: standard 'seen-alone': 'kind'"),
    (GOOD.replace("every: 10 working days", "every: soon"), "10: standard 'seen-alone': cannot"),
    (GOOD.replace("seen_alone", "seen_with_dog"), "11: standard 'seen-alone': event 'cp_visit'"),
    (
        GOOD.replace("episode: child_protection", "episode: holiday"),
        "12: standard 'seen-alone': unknown episode",
    ),
    (GOOD.replace("    source: {", "    sauce: {"), "13: unknown key 'sauce'"),
    (
        GOOD.replace("anchor:", "trigger:"),
        "8: standard 'seen-alone': a recurring standard has 'anchor:'",
    ),
    (GOOD + GOOD, "14: standard id 'seen-alone' is used twice"),
    (SECTION_FILE, "5: standard 'x' is not checkable, so it needs a 'reason:'"),
    ("  - id: x\n    title: X\n  bad: [\n", "not valid YAML"),
]


@pytest.mark.parametrize(("body", "expected"), BAD)
def test_a_bad_standard_is_reported_with_its_line(tmp_path: Path, body: str, expected: str) -> None:
    found = problems(tmp_path, body)
    assert any(expected in p for p in found), found


def test_every_bundled_pack_loads() -> None:
    names = available_packs()
    assert "wokingham-2020" in names
    for name in names:
        pack = load_pack(name)
        assert pack.standards, name
        for s in pack.standards:
            assert s.source.section, s.id
            assert s.checkable or s.reason, s.id


PINNED = {
    # id: (kind, anchor or trigger, intervals, met by, episode)
    "cp-visit": ("recurring", "cp_plan_start", ["10 working days"], "cp_visit", "child_protection"),
    "core-group": (
        "recurring", "cp_plan_start", ["10 working days", "6 weeks"], "core_group",
        "child_protection",
    ),
    "rcpc": ("recurring", "cp_plan_start", ["91 days", "183 days"], "rcpc", "child_protection"),
    "icpc": ("one-off", "s47_start", ["15 working days"], "icpc", None),
    "cin-visit": ("recurring", "cin_plan_start", ["15 working days"], "cin_visit", "child_in_need"),
    "cin-review": ("recurring", "cin_plan_start", ["6 weeks"], "cin_review", "child_in_need"),
    "cic-review": (
        "recurring", "cic_start", ["20 working days", "91 days", "6 months"], "cic_review",
        "child_in_care",
    ),
    "cic-visit": ("recurring", "cic_start", ["6 weeks"], "cic_visit", "child_in_care"),
    "assessment": ("one-off", "referral", ["45 working days"], "assessment_complete", None),
}  # fmt: skip


@pytest.mark.parametrize("sid", sorted(PINNED))
def test_the_wokingham_pack_holds_the_pinned_standards_exactly(sid: str) -> None:
    kind, trigger, intervals, met_by, episode = PINNED[sid]
    s = load_pack("wokingham-2020").get(sid)
    assert str(s.kind) == kind
    assert s.trigger.match is not None
    assert s.trigger.match.events == (trigger,)
    assert not s.trigger.match.where
    assert [t.describe() for t in s.intervals] == intervals
    assert s.met_by is not None
    assert s.met_by.events == (met_by,)
    assert not s.met_by.where
    assert s.episode == episode
    assert s.source.document == "002"


def test_the_wokingham_pack_has_at_least_150_standards_citing_seed_002() -> None:
    pack = load_pack("wokingham-2020")
    assert len(pack.standards) >= 150
    for s in pack.standards:
        assert s.source.document == "002", s.id
        assert s.source.section, s.id
        assert s.source.number, s.id


def test_the_packs_page_gives_each_packs_current_counts() -> None:
    page = (Path(__file__).resolve().parents[2] / "docs" / "packs.md").read_text("utf-8")
    for name in available_packs():
        pack = load_pack(name)
        row = f"| {len(pack.standards)} | {len(pack.checkable)} |"
        line = next(x for x in page.splitlines() if x.startswith(f"| `{name}` |"))
        assert line.endswith(row), (name, line, row)
