"""SSDA903: the fake return in ../shared/external/ssda903-fake, the XML form, odd files."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from casework.interchange import Conversion, ReadFailure, Why, convert
from samples import sample_return as external


def fake() -> Path:
    return external("ssda903-fake")


@cache
def converted() -> Conversion:
    return convert("ssda903", fake())


def table(name: str) -> list[tuple[int, dict[str, str]]]:
    """The rows of one CSV file with their line numbers (the header is line 1)."""
    with (fake() / name).open(newline="", encoding="utf-8-sig") as handle:
        return [(i, row) for i, row in enumerate(csv.DictReader(handle), start=2)]


def iso(text: str) -> dt.date:
    day, month, year = text.split("/")
    return dt.date(int(year), int(month), int(day))


def test_it_finds_every_child_in_every_table() -> None:
    children = {row["CHILD"] for name in fake().glob("*.csv") for _, row in table(name.name)}
    result = converted()
    assert len(result.children) == 2675
    assert set(result.children) == children


def test_one_cic_review_per_reviews_row_dated_review() -> None:
    result = converted()
    reviews = [(e.child_id, e.occurred) for e in result.events if e.event == "cic_review"]
    assert len(reviews) == 12582
    expected = [(row["CHILD"], iso(row["REVIEW"])) for _, row in table("reviews.csv")]
    assert Counter(reviews) == Counter(expected)


def test_one_cic_end_per_dated_episode_whose_rec_is_not_x1() -> None:
    result = converted()
    ends = Counter(
        (e.child_id, e.occurred, e.details.get("reason"))
        for e in result.events
        if e.event == "cic_end"
    )
    expected = Counter(
        (row["CHILD"], iso(row["DEC"]), row["REC"])
        for _, row in table("episodes.csv")
        if row["REC"] not in ("X1", "") and row["DEC"]
    )
    assert ends == expected
    assert sum(expected.values()) == 816


def test_an_episode_with_an_ending_code_but_no_end_date_is_in_the_error_report() -> None:
    result = converted()
    reported = {(e.row, e.value) for e in result.errors if e.why == Why.REC_WITHOUT_DEC}
    expected = {
        (line, row["REC"])
        for line, row in table("episodes.csv")
        if row["REC"] not in ("X1", "") and not row["DEC"]
    }
    assert reported == expected
    assert len(expected) == 353
    assert all(e.file == "episodes.csv" and e.column == "REC" for e in result.errors
               if e.why == Why.REC_WITHOUT_DEC)  # fmt: skip


def test_starts_placements_and_missing_episodes() -> None:
    result = converted()
    counts = Counter(e.event for e in result.events)
    episodes = [row for _, row in table("episodes.csv")]
    assert counts["cic_start"] == sum(1 for r in episodes if r["RNE"] == "S")
    assert counts["placement_start"] == sum(1 for r in episodes if r["RNE"] in "PTBS")
    assert counts["missing_start"] == len(table("missing.csv"))
    starts = {(e.child_id, e.occurred) for e in result.events if e.event == "cic_start"}
    assert starts == {(r["CHILD"], iso(r["DECOM"])) for r in episodes if r["RNE"] == "S"}
    kinds = Counter(e.details.get("kind") for e in result.events if e.event == "missing_start")
    assert kinds == Counter(
        {"M": "missing", "A": "away"}[r["MISSING"]] for _, r in table("missing.csv")
    )


def test_each_child_has_a_birth_event_with_sex_date_of_birth_and_ethnicity() -> None:
    result = converted()
    births = {e.child_id: e for e in result.events if e.event == "birth"}
    assert len(births) == 2675
    for _, row in table("header.csv"):
        birth = births[row["CHILD"]]
        assert birth.occurred == iso(row["DOB"])
        assert birth.details["sex"] == {"1": "M", "2": "F"}[row["SEX"]]
        assert birth.details["ethnicity"] == row["ETHNIC"]
    uasc = {row["CHILD"] for _, row in table("uasc.csv")}
    assert {c for c, e in births.items() if e.details.get("uasc") == "yes"} == uasc


def test_every_event_names_its_file_and_row() -> None:
    result = converted()
    assert len(result.sources) == len(result.events)
    review = next(i for i, e in enumerate(result.events) if e.event == "cic_review")
    file, line = result.sources[review].split(":")
    assert file == "reviews.csv"
    row = dict(table("reviews.csv"))[int(line)]
    assert row["CHILD"] == result.events[review].child_id


def test_no_row_is_lost() -> None:
    result = converted()
    rows = [
        (path.name, "", line)
        for path in sorted(fake().glob("*.csv"))
        for line, _ in table(path.name)
    ]
    assert result.unaccounted(rows) == []
    # The tables that carry no dates are explained once each.
    undated = {e.file for e in result.errors if e.why == Why.TABLE_NO_DATES}
    assert undated == {"oc2.csv", "oc3.csv", "previous_permanence.csv"}


def test_the_xml_form_gives_the_same_events(tmp_path: Path) -> None:
    xml = tmp_path / "ssda903.xml"
    xml.write_text(as_xml(fake()), encoding="utf-8")
    from_xml = convert("ssda903", xml)
    from_csv = converted()

    def key(c: Conversion) -> Counter[tuple[str, str, dt.date, tuple[tuple[str, str], ...]]]:
        return Counter((e.child_id, e.event, e.occurred, tuple(sorted(e.details.items())))
                       for e in c.events)  # fmt: skip

    assert key(from_xml) == key(from_csv)
    assert Counter(e.why for e in from_xml.errors) == Counter(e.why for e in from_csv.errors)
    assert all(s.startswith("ssda903.xml:") for s in from_xml.sources)


def as_xml(folder: Path) -> str:
    """The CSV file set written in the XML form (CHILD > HEADER, EPISODE)."""

    def rows(name: str) -> dict[str, list[dict[str, str]]]:
        grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
        with (folder / name).open(newline="", encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle):
                grouped[row["CHILD"]].append(row)
        return grouped

    def el(tag: str, value: str) -> str:
        return f"<{tag}>{escape(value)}</{tag}>" if value else f"<{tag} />"

    def block(tag: str, row: dict[str, str], skip: int) -> str:
        inner = "".join(el("PL" if k == "PLACE" else k, v) for k, v in list(row.items())[skip:])
        return f"<{tag}>{inner}</{tag}>"

    t = {n: rows(f"{n}.csv") for n in
         ("episodes", "reviews", "uasc", "oc2", "oc3", "ad1", "placed_for_adoption",
          "previous_permanence", "missing")}  # fmt: skip
    out = ["<?xml version='1.0' encoding='utf-8'?>", "<EXPSSDA903>"]
    with (folder / "header.csv").open(newline="", encoding="utf-8-sig") as handle:
        for h in csv.DictReader(handle):
            c = h["CHILD"]
            parts = [el("CHILDID", c)] + [el(k, h[k]) for k in ("UPN", "SEX", "DOB", "ETHNIC")]
            uasc = t["uasc"].get(c, [])
            parts.append(el("UASC", "1" if uasc else ""))
            parts += [el("DUC", u["DUC"]) for u in uasc]
            for o in t["oc3"].get(c, []):
                parts += [el(k, o[k]) for k in ("IN_TOUCH", "ACTIV", "ACCOM")]
            for a in t["ad1"].get(c, []):
                parts += [el(k, v) for k, v in list(a.items())[2:]]
            parts += [block("AREVIEW", r, 2) for r in t["reviews"].get(c, [])]
            parts += [block("AMISSING", r, 2) for r in t["missing"].get(c, [])]
            parts += [el("MOTHER", h["MOTHER"]), el("MC_DOB", h["MC_DOB"])]
            parts += [block("PERMANENCE", r, 2) for r in t["previous_permanence"].get(c, [])]
            parts += [block("OC2", r, 2) for r in t["oc2"].get(c, [])]
            parts += [block("AD_PLACED", r, 2) for r in t["placed_for_adoption"].get(c, [])]
            episodes = "".join(block("EPISODE", r, 1) for r in t["episodes"].get(c, []))
            out.append(f"<CHILD><HEADER>{''.join(parts)}</HEADER>{episodes}</CHILD>")
    out.append("</EXPSSDA903>")
    return "\n".join(out)


# --- small files written here ------------------------------------------------------------


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_child_in_one_table_and_not_another_is_not_lost(tmp_path: Path) -> None:
    write(
        tmp_path, "header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/02/2010,WBRI,,,\n"
    )
    write(tmp_path, "reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n2,03/04/2011,05/06/2020,PN1\n")
    result = convert("ssda903", tmp_path)
    assert result.children == ["1", "2"]
    births = {e.child_id: e.occurred for e in result.events if e.event == "birth"}
    assert births == {"1": dt.date(2010, 2, 1), "2": dt.date(2011, 4, 3)}


def test_columns_are_matched_leniently_and_files_recognised_by_their_columns(
    tmp_path: Path,
) -> None:
    text = (
        "rne , Child, decom,LS,CIN,PL,Place_Provider,DEC,REC,REASON_PLACE_CHANGE,PL_POST,URN\n"
        "S,7,2019-05-01,C2,N1,U4,PR1,15/06/2020,E13,,ab1 2cd,\n"
        "P,7,43600,C2,N1,u6\u00a0,PR1,,,,nope,\n"
    )
    write(tmp_path, "whatever.csv", text, "cp1252")
    result = convert("ssda903", tmp_path)
    kinds = Counter(e.event for e in result.events)
    assert (kinds["cic_start"], kinds["cic_end"], kinds["placement_start"]) == (1, 1, 2)
    placements = [e for e in result.events if e.event == "placement_start"]
    assert placements[0].details["postcode"] == "AB1 2CD"
    assert placements[1].occurred == dt.date(2019, 5, 15)  # an Excel serial day
    assert placements[1].details["placement_type"] == "U6"
    assert [(e.column, e.why) for e in result.errors] == [
        ("", Why.NOT_UTF8),  # the non-breaking space in Windows-1252
        ("PL_POST", Why.BAD_POSTCODE),
    ]


def test_unrecognised_files_are_reported_and_others_still_read(tmp_path: Path) -> None:
    write(tmp_path, "reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2010,31/02/2020,PN9\n")
    write(tmp_path, "notes.csv", "a,b\n1,2\n")
    result = convert("ssda903", tmp_path)
    reasons = {(e.file, e.column, e.why) for e in result.errors}
    assert ("notes.csv", "", Why.TABLE_NOT_RECOGNISED) in reasons
    assert ("reviews.csv", "REVIEW", Why.NOT_A_DATE) in reasons
    assert ("reviews.csv", "REVIEW_CODE", Why.UNKNOWN_CODE) in reasons


def test_a_folder_with_no_ssda903_table_cannot_be_read(tmp_path: Path) -> None:
    write(tmp_path, "notes.csv", "a,b\n1,2\n")
    with pytest.raises(ReadFailure, match="no SSDA903 tables"):
        convert("ssda903", tmp_path)
    with pytest.raises(ReadFailure, match="does not exist"):
        convert("ssda903", tmp_path / "missing")


def test_a_row_that_gives_nothing_is_still_reported(tmp_path: Path) -> None:
    write(tmp_path, "episodes.csv", "CHILD,DECOM,RNE,REC,DEC\n1,01/01/2020,,,\n1,02/01/2020,P,,\n")
    write(
        tmp_path, "header.csv", "CHILD,SEX,DOB,ETHNIC\n1,1,01/01/2010,WBRI\n1,1,01/01/2010,WBRI\n"
    )
    result = convert("ssda903", tmp_path)
    assert [(e.file, e.row, e.why) for e in result.errors] == [
        ("episodes.csv", 2, Why.NOTHING_CONVERTED)
    ]
    rows = [("episodes.csv", "", 2), ("episodes.csv", "", 3), ("header.csv", "", 2)]
    assert result.unaccounted([*rows, ("header.csv", "", 3)]) == []


def test_every_row_about_a_child_with_no_date_of_birth_is_reported(tmp_path: Path) -> None:
    # Two identical UASC rows and no date of birth anywhere: no birth event can be made,
    # so both rows, not only the first, must reach the error report.
    folder = tmp_path / "return"
    folder.mkdir()
    (folder / "uasc.csv").write_text("CHILD,DUC\n101,\n101,\n", encoding="utf-8")
    result = convert("ssda903", folder)
    assert not result.events
    rows = [("uasc.csv", "", 2), ("uasc.csv", "", 3)]
    assert result.unaccounted(rows) == []
