"""The CIN census (children in need, XML) from the database, in the 2025-26 shape.

For the collection year ending on the as-of date (see `ssda903.year_start`), one `<Child>`
per child with an episode of need open at some point in the year, in the element order of
the Department for Education's schema, with `<Sex>` (M, F, U) rather than the older
`<GenderCurrent>`. Episodes are rebuilt from the events on or before the date:

- each `referral` starts an episode (`<CINdetails>`) that runs until the next referral;
  its closure is the first `case_closed` in it (`ReasonForClosure` when the reason is one
  of the census codes RC1 to RC9); an episode closed before the year is left out;
- each `assessment_start`, `cin_plan_start`, `s47_start` and `cp_plan_start` in the
  episode is a block (`<Assessments>`, `<CINPlanDates>`, `<Section47>`,
  `<ChildProtectionPlans>`) whose end is the first event of its ending kind
  (`assessment_complete`, `cin_plan_end`, `icpc`, `cp_plan_end`) on or after it and before
  the next block of the same kind; blocks that ended before the year are left out;
- a section 47 enquiry's `ICPCnotRequired` is true when an `icpc_not_required` falls
  between it and the next enquiry; an initial conference that follows no enquiry in the
  episode is the episode's own `DateOfInitialCPC` (else the first enquiry's conference);
- a plan's `<Reviews>` are its `rcpc` events in the year, up to its end;
- `ReferralNFA` is true for an episode closed with no assessment, enquiry or plan.

The file reads back with `casework.interchange`'s CIN census reader.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from casework.interchange import codes
from casework.records.imports.facts import collector_paused, people_with_events
from casework.records.imports.lists import Events, Found, PersonFacts
from casework.records.imports.ssda903 import year_start

SEX = {"M": "M", "F": "F"}  # anything else is U (not known): the census has no I
CATEGORY = {word: code for code, word in codes.ABUSE.items()}
DISABILITY = {"yes": "DDA", "no": "NONE"}  # DDA: a disability not further described
NOT_KNOWN_ETHNICITY = "NOBT"

# The blocks of an episode, in the schema's order: element, starting and ending event.
BLOCKS = (
    ("Assessments", "assessment_start", "assessment_complete"),
    ("CINPlanDates", "cin_plan_start", "cin_plan_end"),
    ("Section47", "s47_start", "icpc"),
    ("ChildProtectionPlans", "cp_plan_start", "cp_plan_end"),
)
# The kinds of event the census is made from.
TYPES = frozenset(
    ["referral", "case_closed", "icpc_not_required", "rcpc"]
    + [kind for _, start, end in BLOCKS for kind in (start, end)]
)


def _day(value: dt.date) -> str:
    return value.isoformat()


def _add(parent: ET.Element, tag: str, text: str | None) -> None:
    if text:
        ET.SubElement(parent, tag).text = text


def _in(found: Sequence[Found], start: dt.date, before: dt.date | None) -> list[Found]:
    return [f for f in found if f.occurred >= start and (before is None or f.occurred < before)]


def _paired(
    events: Events, kind: str, ending: str, start: dt.date, before: dt.date | None
) -> list[tuple[Found, Found | None, dt.date | None]]:
    """Each `kind` event in [start, before) with the first `ending` on or after it and
    before the next `kind` event (of the whole history), and that next event's date."""
    every = list(events.get(kind, ()))
    ends = events.get(ending, ())
    out: list[tuple[Found, Found | None, dt.date | None]] = []
    for i, found in enumerate(every):
        if found.occurred < start or (before is not None and found.occurred >= before):
            continue
        following = every[i + 1].occurred if i + 1 < len(every) else None
        end = next(iter(_in(ends, found.occurred, following)), None)
        out.append((found, end, following))
    return out


def _ended_before(tag: str, begun: Found, end: Found | None, first: dt.date) -> bool:
    """Whether a block was over before the year began: an enquiry with its conference (or,
    without one, its start), anything else with its end."""
    if tag == "Section47":
        return (end or begun).occurred < first
    return end is not None and end.occurred < first


def _block(
    node: ET.Element,
    tag: str,
    begun: Found,
    end: Found | None,
    events: Events,
    following: dt.date | None,
    first: dt.date,
    counts: Counter[str],
) -> None:
    block = ET.SubElement(node, tag)
    counts[tag] += 1
    ended = _day(end.occurred) if end is not None else None
    if tag == "Assessments":
        _add(block, "AssessmentActualStartDate", _day(begun.occurred))
        _add(block, "AssessmentAuthorisationDate", ended)
    elif tag == "CINPlanDates":
        _add(block, "CINPlanStartDate", _day(begun.occurred))
        _add(block, "CINPlanEndDate", ended)
    elif tag == "Section47":
        _add(block, "S47ActualStartDate", _day(begun.occurred))
        _add(block, "InitialCPCtarget", begun.details.get("icpc_target", ""))
        _add(block, "DateOfInitialCPC", ended)
        unneeded = _in(events.get("icpc_not_required", ()), begun.occurred, following)
        _add(block, "ICPCnotRequired", "true" if unneeded else "false")
    else:
        _add(block, "CPPstartDate", _day(begun.occurred))
        _add(block, "CPPendDate", ended)
        category = CATEGORY.get(begun.details.get("category", ""), "")
        _add(block, "InitialCategoryOfAbuse", category)
        _add(block, "LatestCategoryOfAbuse", category)
        earlier = sum(1 for p in events.get("cp_plan_start", ()) if p.occurred < begun.occurred)
        _add(block, "NumberOfPreviousCPP", str(earlier))
        until = end.occurred + dt.timedelta(days=1) if end is not None else following
        reviews = [
            r for r in _in(events.get("rcpc", ()), begun.occurred, until) if r.occurred >= first
        ]
        if reviews:
            held = ET.SubElement(block, "Reviews")
            for review in reviews:
                _add(held, "CPPreviewDate", _day(review.occurred))
            counts["CPPreviewDate"] += len(reviews)


def _details(
    parent: ET.Element,
    events: Events,
    referral: Found,
    following: dt.date | None,
    first: dt.date,
    counts: Counter[str],
) -> bool:
    """One episode of need, from `referral` up to the next referral, as `<CINdetails>`;
    False when it closed before the year."""
    start = referral.occurred
    closed = next(iter(_in(events.get("case_closed", ()), start, following)), None)
    if closed is not None and closed.occurred < first:
        return False
    node = ET.SubElement(parent, "CINdetails")
    counts["CINdetails"] += 1
    _add(node, "CINreferralDate", _day(start))
    source = referral.details.get("referral_source", "")
    _add(node, "ReferralSource", source if source in codes.REFERRAL_SOURCES else "")
    if closed is not None:
        _add(node, "CINclosureDate", _day(closed.occurred))
        reason = closed.details.get("reason", "")
        _add(node, "ReasonForClosure", reason if reason in codes.CLOSURE_REASONS else "")
    every = {tag: _paired(events, kind, ending, start, following) for tag, kind, ending in BLOCKS}
    blocks = {
        tag: [found for found in pairs if not _ended_before(tag, found[0], found[1], first)]
        for tag, pairs in every.items()
    }
    attached = {end.occurred for _, end, _ in blocks["Section47"] if end is not None}
    own = [c for c in _in(events.get("icpc", ()), start, following) if c.occurred not in attached]
    icpc = own[0].occurred if own else min(attached, default=None)
    _add(node, "DateOfInitialCPC", _day(icpc) if icpc else None)
    for tag, _, _ in BLOCKS:
        if tag == "ChildProtectionPlans":
            nfa = closed is not None and not any(every.values())
            _add(node, "ReferralNFA", "true" if nfa else "false")
        for begun, end, nxt in blocks[tag]:
            _block(node, tag, begun, end, events, nxt, first, counts)
    return True


def _child(
    facts: PersonFacts, events: Events, first: dt.date, counts: Counter[str]
) -> ET.Element | None:
    """One child's `<Child>`, if an episode of need was open in the year."""
    child = ET.Element("Child")
    ids = ET.SubElement(child, "ChildIdentifiers")
    _add(ids, "LAchildID", facts.reference)
    _add(ids, "PersonBirthDate", _day(facts.born) if facts.born else None)
    d = facts.details
    _add(ids, "Sex", SEX.get(d.get("sex", ""), "U"))
    characteristics = ET.SubElement(child, "ChildCharacteristics")
    _add(characteristics, "Ethnicity", d.get("ethnicity", "") or NOT_KNOWN_ETHNICITY)
    disability = DISABILITY.get(d.get("disability", ""))
    if disability:
        _add(ET.SubElement(characteristics, "Disabilities"), "Disability", disability)
    referrals = list(events.get("referral", ()))
    episodes = 0
    for i, referral in enumerate(referrals):
        following = referrals[i + 1].occurred if i + 1 < len(referrals) else None
        episodes += _details(child, events, referral, following, first, counts)
    return child if episodes else None


def export_cin_census(path: Path, as_of: dt.date) -> dict[str, int]:
    """Write the CIN census for the collection year ending on `as_of` to `path` (.xml).
    Returns the number of each element written (children, episodes, blocks, reviews)."""
    with collector_paused():
        return _export(path, as_of)


def _export(path: Path, as_of: dt.date) -> dict[str, int]:
    first = year_start(as_of)
    counts: Counter[str] = Counter()
    root = ET.Element("Message")
    header = ET.SubElement(root, "Header")
    collection = ET.SubElement(header, "CollectionDetails")
    _add(collection, "Collection", "CIN")
    _add(collection, "Year", str(as_of.year))
    _add(collection, "ReferenceDate", _day(as_of))
    children = ET.SubElement(root, "Children")
    for person in people_with_events(as_of, TYPES).values():
        if person.facts.adult:
            continue
        child = _child(person.facts, person.events, first, counts)
        if child is not None:
            children.append(child)
            counts["Child"] += 1
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    names = ("Child", "CINdetails", *(tag for tag, _, _ in BLOCKS), "CPPreviewDate")
    return {name: counts[name] for name in names}
