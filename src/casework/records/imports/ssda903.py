"""The SSDA903 return (children looked after) from the database, as the CSV file set.

For the collection year ending on the as-of date (the year after the same date a year
before), four files with the columns `casework.interchange.ssda903` reads:

- `episodes.csv`: one row per episode of care open at some point in the year. Episodes are
  rebuilt from the events on or before the date: a new episode starts on each date with a
  `cic_start` (`RNE` S), a `placement_start` and a `legal_status_change` (B), a
  `placement_start` alone (P) or a `legal_status_change` alone (L). An episode ends on the
  `cic_end` (`DEC`, and its reason as `REC`; each `cic_end` goes to the latest episode that
  began before it and has no end yet, as a return's episodes may overlap) or else on the
  date the next episode starts (`REC` X1); the legal status, category of need and placement
  carry over from the episode before when the new one does not change them.
- `header.csv`: one row per child with an episode, review or missing episode in the year.
- `reviews.csv`: one row per `cic_review` in the year.
- `missing.csv`: one row per `missing_start` in the year, with the first `missing_end` on or
  after it (and before the next one) as its end.

The files read back with the SSDA903 reader as the same children, episodes and reviews.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from casework.interchange import codes
from casework.records.imports.facts import collector_paused, people_with_events
from casework.records.imports.lists import OTHER_ENDING, Events, Found, PersonFacts, ending_code

HEADER = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
EPISODES = [
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
]
REVIEWS = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]
MISSING = ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]
FILES = {"header": HEADER, "episodes": EPISODES, "reviews": REVIEWS, "missing": MISSING}
SEX = {"M": "1", "F": "2"}
MISSING_CODES = {kind: code for code, kind in codes.MISSING.items()}

Row = dict[str, str]
# The kinds of event the files are made from.
TYPES = frozenset(
    [
        "cic_start",
        "placement_start",
        "legal_status_change",
        "cic_end",
        "cic_review",
        "missing_start",
        "missing_end",
    ]
)


def year_start(as_of: dt.date) -> dt.date:
    """The first day of the collection year that ends on `as_of`."""
    try:
        before = as_of.replace(year=as_of.year - 1)
    except ValueError:  # 29 February
        before = as_of.replace(year=as_of.year - 1, day=28)
    return before + dt.timedelta(days=1)


def _day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


@dataclass
class _Episode:
    start: dt.date
    rne: str
    legal_status: str
    need: str
    placement: dict[str, str]
    end: dt.date | None = None
    reason: str = ""


def _on(found: Sequence[Found]) -> dict[dt.date, Found]:
    by_day: dict[dt.date, Found] = {}
    for f in found:
        by_day.setdefault(f.occurred, f)
    return by_day


def episodes(events: Events) -> list[_Episode]:
    """One child's episodes of care, rebuilt from their events (in date order)."""
    starts = _on(events.get("cic_start", ()))
    placements = _on(events.get("placement_start", ()))
    changes = _on(events.get("legal_status_change", ()))
    days = sorted(set(starts) | set(placements) | set(changes))
    found: list[_Episode] = []
    legal_status = need = ""
    placement: dict[str, str] = {}
    for day in days:
        start, placed, change = starts.get(day), placements.get(day), changes.get(day)
        if start is not None:
            rne = "S"
            legal_status = start.details.get("legal_status", "")
            need = start.details.get("reason", "")
            placement = {}
        elif placed is not None and change is not None:
            rne = "B"
        elif placed is not None:
            rne = "P"
        else:
            rne = "L"
        if change is not None:
            legal_status = change.details.get("legal_status", "") or legal_status
        if placed is not None:
            placement = placed.details
        found.append(_Episode(day, rne, legal_status, need, placement))
    # Each period of care's end goes to the latest episode that began before it and has no
    # end yet (one that began the same day if none did): a return's episodes may overlap.
    for ending in sorted(events.get("cic_end", ()), key=lambda f: f.occurred):
        open_ = [ep for ep in found if ep.end is None and ep.start <= ending.occurred]
        earlier = [ep for ep in open_ if ep.start < ending.occurred] or open_
        if earlier:
            earlier[-1].end = ending.occurred
            earlier[-1].reason = ending_code(ending) or OTHER_ENDING
    for ep, following in itertools.pairwise(found):
        if ep.end is None:
            ep.end, ep.reason = following.start, codes.EPISODE_CONTINUES
    return found


def _missing(events: Events, first: dt.date, as_of: dt.date) -> list[Row]:
    starts = sorted(events.get("missing_start", ()), key=lambda f: f.occurred)
    ends = sorted(f.occurred for f in events.get("missing_end", ()))
    rows: list[Row] = []
    for i, start in enumerate(starts):
        following = starts[i + 1].occurred if i + 1 < len(starts) else None
        end = next(
            (e for e in ends if e >= start.occurred and (following is None or e < following)),
            None,
        )
        if start.occurred > as_of or (end is not None and end < first):
            continue
        if end is None and start.occurred < first:
            continue
        kind = MISSING_CODES.get(start.details.get("kind", ""), "")
        rows.append({"MISSING": kind, "MIS_START": _day(start.occurred), "MIS_END": _day(end)})
    return rows


def _rows(
    facts: PersonFacts, events: Events, first: dt.date, as_of: dt.date
) -> dict[str, list[Row]]:
    child = {"CHILD": facts.reference}
    dob = _day(facts.born)
    rows: dict[str, list[Row]] = {name: [] for name in FILES}
    for ep in episodes(events):
        if ep.end is not None and ep.end < first:
            continue
        p = ep.placement
        rows["episodes"].append(
            child
            | {
                "DECOM": _day(ep.start),
                "RNE": ep.rne,
                "LS": ep.legal_status,
                "CIN": ep.need,
                "PLACE": p.get("placement_type", ""),
                "PLACE_PROVIDER": p.get("provider", ""),
                "DEC": _day(ep.end),
                "REC": ep.reason if ep.end else "",
                "PL_POST": p.get("postcode", ""),
            }
        )
    for review in events.get("cic_review", ()):
        if first <= review.occurred <= as_of:
            rows["reviews"].append(
                child
                | {
                    "DOB": dob,
                    "REVIEW": _day(review.occurred),
                    "REVIEW_CODE": review.details.get("participation", ""),
                }
            )
    for row in _missing(events, first, as_of):
        rows["missing"].append(child | {"DOB": dob} | row)
    if any(rows.values()):
        d = facts.details
        rows["header"].append(
            child
            | {"SEX": SEX.get(d.get("sex", ""), ""), "DOB": dob, "ETHNIC": d.get("ethnicity", "")}
        )
    return rows


def export_ssda903(folder: Path, as_of: dt.date) -> dict[str, int]:
    """Write header.csv, episodes.csv, reviews.csv and missing.csv to `folder` for the
    collection year ending on `as_of`. Returns the rows written, by file."""
    with collector_paused():
        return _export(folder, as_of)


def _export(folder: Path, as_of: dt.date) -> dict[str, int]:
    first = year_start(as_of)
    people = people_with_events(as_of, TYPES)
    tables: dict[str, list[Row]] = {name: [] for name in FILES}
    for person in people.values():
        if person.facts.adult:
            continue
        for name, rows in _rows(person.facts, person.events, first, as_of).items():
            tables[name].extend(rows)
    folder.mkdir(parents=True, exist_ok=True)
    for name, columns in FILES.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, columns, restval="")
            writer.writeheader()
            writer.writerows(tables[name])
    return {name: len(rows) for name, rows in tables.items()}
