"""The CIN census export on random histories: the file always reads back without an error,
says nothing the history does not, and keeps every referral of the year."""

from __future__ import annotations

import datetime as dt
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from casework.interchange import convert
from casework.records.imports.cin_census import TYPES, _child
from casework.records.imports.lists import Found, PersonFacts

AS_OF = dt.date(2025, 3, 31)
FIRST = dt.date(2024, 4, 1)
START = dt.date(2022, 1, 1)

DETAILS = {
    "referral": st.fixed_dictionaries(
        {"referral_source": st.sampled_from(["1A", "6", "10", "police", ""])}
    ),
    "case_closed": st.fixed_dictionaries({"reason": st.sampled_from(["RC1", "RC8", "Needs met"])}),
    "s47_start": st.fixed_dictionaries(
        {"icpc_target": st.sampled_from(["", "2024-06-01", "2025-01-10"])}
    ),
    "cp_plan_start": st.fixed_dictionaries(
        {
            "category": st.sampled_from(
                ["neglect", "physical", "emotional", "sexual", "multiple", ""]
            )
        }
    ),
}


@st.composite
def histories(draw: st.DrawFn) -> dict[str, list[Found]]:
    events: dict[str, list[Found]] = defaultdict(list)
    for kind, offset in draw(
        st.lists(st.tuples(st.sampled_from(sorted(TYPES)), st.integers(0, (AS_OF - START).days)))
    ):
        details = draw(DETAILS[kind]) if kind in DETAILS else {}
        events[kind].append(Found(START + dt.timedelta(days=offset), details, ""))
    for found in events.values():
        found.sort(key=lambda f: f.occurred)
    return events


Fact = tuple[str, dt.date | None, tuple[tuple[str, str], ...]]


@settings(max_examples=150, deadline=None)
@given(
    histories(),
    st.sampled_from(["M", "F", "U", "I", ""]),
    st.sampled_from(["WBRI", "", "MOTH"]),
    st.sampled_from(["yes", "no", ""]),
)
def test_the_census_of_any_history(
    events: dict[str, list[Found]], sex: str, ethnicity: str, disability: str
) -> None:
    facts = PersonFacts(
        "R1",
        adult=False,
        born=dt.date(2012, 5, 6),
        details={"sex": sex, "ethnicity": ethnicity, "disability": disability},
        as_of=AS_OF,
    )
    child = _child(facts, events, FIRST, Counter())
    in_year = [r for r in events.get("referral", ()) if r.occurred >= FIRST]
    if child is None:
        assert not in_year
        return
    root = ET.Element("Message")
    header = ET.SubElement(ET.SubElement(root, "Header"), "CollectionDetails")
    ET.SubElement(header, "ReferenceDate").text = AS_OF.isoformat()
    ET.SubElement(root, "Children").append(child)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cin.xml"
        ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
        result = convert("cin-census", path)
    assert result.errors == []
    original: set[Fact] = {
        (kind, f.occurred, tuple(sorted((k, v) for k, v in f.details.items() if v)))
        for kind, found in events.items()
        for f in found
    }
    starts = {f.occurred for f in events.get("s47_start", ())}
    for e in result.events:
        if e.event == "birth":
            assert e.occurred == facts.born
            continue
        details = tuple(sorted((k, v) for k, v in e.details.items() if v))
        if e.event == "icpc_not_required":
            # Read back on the enquiry's start, which an icpc_not_required follows.
            assert e.occurred is not None
            assert e.occurred in starts
            assert any(f.occurred >= e.occurred for f in events["icpc_not_required"])
            continue
        # Everything else was in the history, with the details the census carries.
        assert any(
            kind == e.event and day == e.occurred and set(details) <= set(kept)
            for kind, day, kept in original
        ), (e.event, e.occurred, details)
    kept_referrals = {e.occurred for e in result.events if e.event == "referral"}
    assert {r.occurred for r in in_year} <= kept_referrals
