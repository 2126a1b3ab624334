"""The fast workbook writer: what openpyxl and the reader see is what was written."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from casework.interchange import xlsx, xlsx_writer


def day(y: int, m: int, d: int, hour: int = 0, minute: int = 0, second: int = 0) -> dt.datetime:
    """A naive date and time, as a workbook cell holds it."""
    return dt.datetime.combine(dt.date(y, m, d), dt.time(hour, minute, second))


def test_column_letters() -> None:
    assert [xlsx_writer.column_letters(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def test_values_read_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    rows: list[list[object]] = [
        ["name", "when", "count", "share", "flag", "blank", "at"],
        ["A & B <c>", dt.date(2024, 2, 29), 3, 0.25, True, None, day(2024, 1, 2, 3, 4, 5)],
        ["  spaced  ", dt.date(1900, 3, 1), -7, 1e-9, False, "", None],
        ["bell\x07 gone", "\x07", None, None, None, None, None],
        ["_x0041_ stays", "a\r\nb"],
    ]
    wide = [[f"c{i}" for i in range(30)]]
    xlsx_writer.write(path, [("First & only", rows), ("Wide", wide), ("Empty", [])])
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["First & only", "Wide", "Empty"]
    got = [list(r) for r in book["First & only"].iter_rows(values_only=True)]
    assert got[0] == rows[0]
    assert got[1] == [
        "A & B <c>",
        day(2024, 2, 29),
        3,
        0.25,
        True,
        None,
        day(2024, 1, 2, 3, 4, 5),
    ]
    assert got[2] == ["  spaced  ", day(1900, 3, 1), -7, 1e-9, False, None, None]
    assert got[3][:2] == ["bell gone", None]
    assert got[4][:2] == ["_x0041_ stays", "a\r\nb"]
    assert [c.value for c in book["Wide"][1]][-1] == "c29"
    assert book["Wide"]["AD1"].value == "c29"
    assert book["First & only"]["B2"].number_format == "yyyy-mm-dd"
    # The project's own reader sees the same values.
    sheets = dict(xlsx.read(path))
    first = [values for _, values in sheets["First & only"]]
    assert first[1][:5] == ["A & B <c>", day(2024, 2, 29), 3, 0.25, True]


text = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
cell = st.one_of(
    st.none(),
    text,
    st.integers(-(10**12), 10**12),
    st.dates(dt.date(1900, 3, 1), dt.date(2100, 12, 31)),
)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(cell, min_size=1, max_size=8), max_size=12))
def test_any_rows_read_back_with_openpyxl(rows: list[list[object]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.xlsx"
        xlsx_writer.write(path, [("Sheet", rows)])
        sheet = openpyxl.load_workbook(path)["Sheet"]
        got = {
            (c.row, c.column): c.value
            for row in sheet.iter_rows()
            for c in row
            if c.value is not None
        }
    want: dict[tuple[int, int], object] = {}
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if isinstance(value, str):
                value = "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 32)
            if isinstance(value, dt.date):
                value = dt.datetime.combine(value, dt.time())
            if value is not None and value != "":
                want[(r, c)] = value
    assert got == want
