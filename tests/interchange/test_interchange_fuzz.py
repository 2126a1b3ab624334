"""Fuzzing each reader: truncated files, wrong types, shuffled and missing columns, huge
values, formulas and wrong encodings never crash a reader, and no row is silently lost:
every input row is the source of an event or is in the error report."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from casework.interchange import (
    Conversion,
    ReadFailure,
    Why,
    annex_a,
    cin_census,
    convert,
    ssda903,
    tables,
)
from casework.interchange.errors import Problems
from casework.interchange.values import clean, is_blank

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- values of every awkward kind -----------------------------------------------------------

NASTY = st.sampled_from(
    [
        "",
        " ",
        "\u00a0",
        "#N/A",
        "#REF!",
        "=A2+5",
        "=1/0",
        "=B2",
        "NULL",
        "-",
        "a) WBRI",
        "zz) X",
        "k) E47: Special",
        "N1 - Abuse",
        "\u200bWBRI",
        "30/02/2024",
        "31/12/1899",
        "0",
        "-1",
        "1e308",
        "nan",
        "TRUE",
        "S",
        "P",
        "X1",
        "E11",
        "PN1",
        "M",
        "1",
        "2",
        "😀",
        "é\u00a0è",
        "\ufffd",
        '"quoted, with comma"',
    ]
)
DATES = st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2110, 12, 31)).flatmap(
    lambda d: st.sampled_from(
        [
            d.strftime("%d/%m/%Y"),
            d.isoformat(),
            str((d - dt.date(1899, 12, 30)).days),
            d.strftime("%d/%m/%y"),
            d.strftime("%d %b %Y"),
        ]
    )
)
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
HUGE = st.integers(min_value=500, max_value=20000).map(lambda n: "9" * n)
VALUE = st.one_of(NASTY, DATES, DATES, TEXT, HUGE, st.sampled_from(["101", "102", "103"]))
GOOD_DATE = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2030, 12, 31))
# Plausible values for the columns that decide what a row becomes, so that events are made.
GOOD = {
    "child": ["101", "102", "103"],
    "child_id": ["101", "102", "103"],
    "adopter_id": ["A1", "A2"],
    "lachildid": ["C1", "C2", "C3"],
    "rne": ["S", "P", "T", "L", "U", "B"],
    "rec": ["X1", "E11", "E2", "E4A", ""],
    "sex": ["1", "2", "a) Male", "F", "U"],
    "gendercurrent": ["1", "2", "0"],
    "ethnic": ["WBRI", "a) APKN"],
    "ethnicity": ["WBRI", "a) APKN", "White British"],
    "review_code": ["PN1", "PN7"],
    "missing": ["M", "A"],
    "place": ["U1", "A4", "P1", "K2"],
    "cin": ["N1", "N8"],
    "ls": ["C2", "V2"],
    "icpcnotrequired": ["true", "false"],
    "case_status": ["c) Child in need plan", "a) Looked after child"],
}


def is_date_column(name: str) -> bool:
    key = name.lower()
    return key != "case_status" and any(
        word in key
        for word in ("date", "dob", "decom", "dec", "review", "mis_", "duc", "start", "end",
                     "target", "seen", "visit", "closure", "placed", "matched", "order",
                     "enquiry", "application", "approved", "left", "contact", "entered",
                     "decision", "reversed", "ffa", "last_", "health", "dental")
    )  # fmt: skip


def column_value(name: str) -> st.SearchStrategy[str]:
    """Awkward values, with plausible ones mixed in where the column decides much."""
    good = GOOD.get(name.lower())
    if good is not None:
        return st.one_of(st.sampled_from(good), st.sampled_from(good), VALUE)
    if is_date_column(name):
        dates = GOOD_DATE.map(lambda d: d.strftime("%d/%m/%Y"))
        return st.one_of(dates, dates, VALUE)
    return VALUE


def some(n: int, least: int = 1) -> st.SearchStrategy[int]:
    """How many of n columns to keep: often all of them (shuffled), otherwise any number."""
    return st.one_of(st.just(n), st.integers(min_value=least, max_value=n))


def is_data(values: list[object]) -> bool:
    return any(not is_blank(clean(v)) for v in values)


def check_no_loss(result: Conversion, rows: list[tuple[str, str, int]]) -> None:
    assert len(result.sources) == len(result.events)
    assert result.unaccounted(rows) == []


# --- SSDA903 and Annex A as CSV -------------------------------------------------------------


@st.composite
def csv_table(draw: st.DrawFn, columns: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """A header (a shuffled subset of the columns, each under one of its names: the first is
    the field's own name) and rows of awkward values, some shorter or longer than the
    header."""
    chosen = draw(st.permutations(columns))
    kept = chosen[: draw(some(len(chosen)))]
    header = [draw(st.sampled_from(names)) for names in kept]
    values = [column_value(names[0]) for names in kept]
    rows = []
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        row = [draw(v) for v in values]
        shape = draw(st.integers(min_value=-1, max_value=1))
        if shape < 0:
            row = row[:-1]
        elif shape > 0:
            row.append(draw(VALUE))
        rows.append(row)
    return header, rows


def encode(header: list[str], rows: list[list[str]], encoding: str) -> tuple[bytes, list[int]]:
    """The CSV bytes, and (for UTF-8) the byte offset at which each line ends."""
    lines = []
    for row in [header, *rows]:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(row)
        lines.append(buffer.getvalue())
    data = "".join(lines).encode(encoding, errors="replace")
    bom = 3 if encoding == "utf-8-sig" else 0
    ends = [bom + n for n in itertools.accumulate(len(line.encode("utf-8")) for line in lines)]
    return data, ends


SSDA903_TABLES = {t.name: t for t in ssda903.TABLES}


@st.composite
def ssda903_files(draw: st.DrawFn) -> dict[str, tuple[list[str], list[list[str]], str, int | None]]:
    names = draw(
        st.lists(st.sampled_from(sorted(SSDA903_TABLES)), min_size=1, max_size=4, unique=True)
    )
    files = {}
    for name in names:
        columns = [
            [f.name, f.name.lower(), f.name.replace("_", " ")] for f in SSDA903_TABLES[name].fields
        ]
        header, rows = draw(csv_table(columns))
        encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
        cut = draw(st.none() | st.integers(min_value=0, max_value=300))
        files[f"{name}.csv"] = (header, rows, encoding, cut)
    return files


@FUZZ
@given(ssda903_files())
def test_ssda903_csv_files(
    files: dict[str, tuple[list[str], list[list[str]], str, int | None]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        expected: list[tuple[str, str, int]] = []
        for name, (header, rows, encoding, cut) in files.items():
            data, ends = encode(header, rows, encoding)
            if cut is not None:
                data = data[:cut]
            (folder / name).write_bytes(data)
            for i, row in enumerate(rows):
                whole = cut is None or (encoding in ("utf-8", "utf-8-sig") and ends[i + 1] <= cut)
                if whole and is_data(list(row)):
                    expected.append((name, "", i + 2))
        try:
            result = convert("ssda903", folder)
        except ReadFailure:
            return  # no file had the columns of an SSDA903 table
        if all(cut is None or enc in ("utf-8", "utf-8-sig") for _, _, enc, cut in files.values()):
            check_no_loss(result, expected)


@st.composite
def annex_a_csv(draw: st.DrawFn) -> tuple[int, list[str], list[list[str]], str]:
    number = draw(st.integers(min_value=1, max_value=11))
    columns = [[name, *labels] for name, labels in annex_a.LISTS[number].items()]
    header, rows = draw(csv_table(columns))
    return number, header, rows, draw(st.sampled_from(["utf-8", "utf-16", "cp1252"]))


@FUZZ
@given(annex_a_csv())
def test_annex_a_csv_lists(case: tuple[int, list[str], list[list[str]], str]) -> None:
    number, header, rows, encoding = case
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"List {number}.csv"
        path.write_bytes(encode(header, rows, encoding)[0])
        result = convert("annex-a", path)
        expected = [(path.name, "", i + 2) for i, row in enumerate(rows) if is_data(list(row))]
        check_no_loss(result, expected)


# --- Annex A workbooks ----------------------------------------------------------------------

CELL = st.one_of(
    st.none(),
    VALUE.map(lambda v: ILLEGAL_CHARACTERS_RE.sub("", v)[:5000]),
    st.datetimes(
        min_value=dt.datetime.combine(dt.date(1890, 1, 1), dt.time()),
        max_value=dt.datetime.combine(dt.date(2110, 1, 1), dt.time()),
    ),
    st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2110, 1, 1)),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.sampled_from(["=A2+5", "=B2-C2", "=SUM(A1:A3)", "=Z9+1", "=DATE(2020,2,30)"]),
)


def cell_value(name: str) -> st.SearchStrategy[object]:
    if is_date_column(name):
        return st.one_of(GOOD_DATE, GOOD_DATE, CELL)
    good = GOOD.get(name.lower())
    if good is not None:
        return st.one_of(st.sampled_from(good), CELL)
    return CELL


@st.composite
def workbook(draw: st.DrawFn) -> dict[str, list[list[object]]]:
    numbers = draw(
        st.lists(st.integers(min_value=1, max_value=11), min_size=1, max_size=3, unique=True)
    )
    sheets: dict[str, list[list[object]]] = {}
    for number in numbers:
        fields = list(annex_a.LISTS[number].items())
        chosen = draw(st.permutations(fields))
        kept = chosen[: draw(some(len(chosen)))]
        header: list[object] = [draw(st.sampled_from(labels)) for _, labels in kept]
        rows = draw(
            st.lists(st.lists(CELL, min_size=len(header), max_size=len(header)), max_size=5)
        )
        title = draw(st.sampled_from([f"List {number}", f"list_{number}", f"L{number} data"]))
        sheets[title] = [header, *rows]
    return sheets


def save(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)


def trimmed(rows: list[tuple[int, list[object]]]) -> dict[int, list[object]]:
    """The rows without trailing empty cells (an empty string is an empty cell)."""
    out = {}
    for number, cells in rows:
        kept = [None if c == "" else c for c in cells]
        while kept and kept[-1] is None:
            kept.pop()
        if kept:
            out[number] = kept
    return out


@FUZZ
@given(workbook())
def test_annex_a_workbooks(sheets: dict[str, list[list[object]]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "annex_a.xlsx"
        save(path, sheets)
        # The fast reader and openpyxl read the same cells.
        fast = tables.read_workbook(path, Problems())
        slow = tables._read_with_openpyxl(path, Problems())
        assert [(t.sheet, trimmed(t.rows)) for t in fast] == [
            (t.sheet, trimmed(t.rows)) for t in slow
        ]
        result = convert("annex-a", path)
        expected = [
            (path.name, title, i + 2)
            for title, rows in sheets.items()
            for i, row in enumerate(rows[1:])
            if is_data(row)
        ]
        check_no_loss(result, expected)


@FUZZ
@given(
    workbook(), st.integers(min_value=0, max_value=20000), st.integers(min_value=0, max_value=255)
)
def test_damaged_workbooks(sheets: dict[str, list[list[object]]], at: int, byte: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "annex_a.xlsx"
        save(path, sheets)
        data = bytearray(path.read_bytes())
        at %= len(data)
        damaged = [bytes(data[:at])]
        data[at] = byte
        damaged.append(bytes(data))
        for content in damaged:
            path.write_bytes(content)
            try:
                result = convert("annex-a", path)
            except ReadFailure:
                continue
            assert len(result.sources) == len(result.events)


# --- CIN census XML -------------------------------------------------------------------------

XML_TEXT = VALUE.map(lambda v: "".join(c for c in v if c == "\t" or ord(c) >= 32))


def xml_value(tag: str) -> st.SearchStrategy[str]:
    good = GOOD.get(tag.lower())
    if good is not None:
        return st.one_of(st.sampled_from(good), XML_TEXT)
    if is_date_column(tag):
        return st.one_of(GOOD_DATE.map(dt.date.isoformat), XML_TEXT)
    return XML_TEXT


def leaves(draw: st.DrawFn, tags: list[str], indent: str) -> list[str]:
    chosen = draw(st.permutations(tags))
    kept = chosen[: draw(some(len(chosen), least=0))]
    out = [f"{indent}<{t}>{escape(draw(xml_value(t)))}</{t}>" for t in kept]
    if draw(st.booleans()) and draw(st.booleans()):
        out.append(f"{indent}<Unexpected>{escape(draw(XML_TEXT))}</Unexpected>")
    return out


def block(tag: str, inner: list[str], indent: str) -> list[str]:
    return [f"{indent}<{tag}>", *inner, f"{indent}</{tag}>"]


def simple(draw: st.DrawFn, tag: str, known: dict[str, str], indent: str) -> list[str]:
    """A block of leaves (some of the known ones, in any order, and maybe a stranger)."""
    return block(tag, leaves(draw, list(known.values()), indent + " "), indent)


@st.composite
def census(draw: st.DrawFn) -> str:
    lines = ["<Message>", "<Header><CollectionDetails>"]
    lines += ["<ReferenceDate>2024-03-31</ReferenceDate>", "</CollectionDetails></Header>"]
    lines.append("<Children>")
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        child: list[str] = []
        if draw(st.integers(min_value=0, max_value=4)):
            ids = leaves(draw, list(cin_census.IDENTIFIERS.values()), "   ")
            if draw(st.booleans()):
                name = draw(st.sampled_from(["C1", "C2", "C3"]))
                ids.append(f"   <LAchildID>{name}</LAchildID>")
            child += block("ChildIdentifiers", ids, "  ")
        if draw(st.booleans()):
            chars = leaves(draw, ["Ethnicity"], "   ")
            chars += block("Disabilities", leaves(draw, ["Disability"], "    "), "   ")
            child += block("ChildCharacteristics", chars, "  ")
        for _ in range(draw(st.integers(min_value=0, max_value=2))):
            details = leaves(draw, list(cin_census.DETAILS.values()), "   ")
            for _ in range(draw(st.integers(min_value=0, max_value=2))):
                details += simple(draw, "Assessments", cin_census.ASSESSMENT, "   ")
            if draw(st.booleans()):
                details += simple(draw, "CINPlanDates", cin_census.PLAN, "   ")
            if draw(st.booleans()):
                details += simple(draw, "Section47", cin_census.SECTION_47, "   ")
            if draw(st.booleans()):
                plan = leaves(draw, list(cin_census.CP_PLAN.values()), "    ")
                plan += block("Reviews", leaves(draw, ["CPPreviewDate"], "     "), "    ")
                details += block("ChildProtectionPlans", plan, "   ")
            if draw(st.booleans()):
                details += simple(draw, "PreProceedingsandFGDM", cin_census.PRE_PROCEEDINGS, "   ")
            child += block("CINdetails", details, "  ")
        lines += block("Child", child, " ")
    lines += ["</Children>", "</Message>"]
    return "\n".join(lines) + "\n"


def xml_blocks(text: str, tags: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """(tag, first line, last line) of every element with one of these tags."""
    lines = text.splitlines()
    found = []
    for i, line in enumerate(lines, start=1):
        for tag in tags:
            if f"<{tag}>" in line:
                end = next((j for j in range(i, len(lines) + 1) if f"</{tag}>" in lines[j - 1]), i)
                found.append((tag, i, end))
    return found


CIN_BLOCKS = (
    "Child",
    "CINdetails",
    "Assessments",
    "CINPlanDates",
    "Section47",
    "ChildProtectionPlans",
    "CPPreviewDate",
    "PreProceedingsandFGDM",
)


@FUZZ
@given(
    census(),
    st.sampled_from(["utf-8", "utf-16", "cp1252", "declared-cp1252"]),
    st.none() | st.floats(min_value=0, max_value=1),
)
def test_cin_census_files(text: str, encoding: str, cut: float | None) -> None:
    if encoding == "declared-cp1252":
        text = '<?xml version="1.0" encoding="windows-1252"?>\n' + text
        encoding = "cp1252"
    data = text.encode(encoding, errors="replace")
    if cut is not None:
        data = data[: int(len(data) * cut)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "census.xml"
        path.write_bytes(data)
        try:
            result = convert("cin-census", path)
        except ReadFailure:
            assert cut is not None  # only a file cut short can lose its root element
            return
        assert len(result.sources) == len(result.events)
        if cut is not None or encoding != "utf-8":
            return
        # A child with no identifier is reported once for everything inside it.
        nameless = [e.row for e in result.errors if e.why == Why.NO_CHILD_ID]
        children = [(s, e) for _, s, e in xml_blocks(text, ("Child",))]
        blocks = [
            b
            for b in xml_blocks(text, CIN_BLOCKS)
            if not any(s <= row <= e and s <= b[1] <= e for s, e in children for row in nameless)
        ]
        assert result.unaccounted_spans(path.name, [(s, e) for _, s, e in blocks]) == []
