"""Tables from CSV files and Excel workbooks, columns matched by name, and typed records.

A `RawTable` is the cells of one CSV file or one sheet, with their row numbers. A `Layout`
matches a table's header to the fields a reader knows, leniently: case, spacing,
punctuation and the known variants between years do not matter. A `Record` is one row (or
one XML element) with its cells keyed by field; reading a value through it puts anything
unreadable into the error report and never stops the rest.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import sys
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from casework.interchange import formulas, xlsx
from casework.interchange.errors import Problems, Why
from casework.interchange.values import (
    Unreadable,
    clean,
    is_blank,
    is_excel_error,
    to_code,
    to_date,
    to_ethnicity,
    to_sex,
    to_yes_no,
)

# The longest text kept in an event detail or identifier.
MAX_TEXT = 200
MAX_ID = 64


class ReadFailure(Exception):
    """The file cannot be read at all (missing, not the expected kind of file)."""

    def __init__(self, path: Path | str, why: str) -> None:
        self.path = str(path)
        self.why = why
        super().__init__(f"{path}: {why}")


@dataclass
class RawTable:
    """The cells of one CSV file or one sheet, with their row numbers (1 = first line)."""

    file: str
    sheet: str
    rows: list[tuple[int, list[object]]]

    def label(self) -> str:
        return f"{self.file}:{self.sheet}" if self.sheet else self.file


# --- column names -----------------------------------------------------------------

_YN = re.compile(r"\((?:y/n|y / n)\)", re.IGNORECASE)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def column_key(label: str) -> str:
    """The form in which column names are compared: `Date of Birth `, `date_of_birth`,
    `DateOfBirth` and `DATE OF BIRTH` are the same column."""
    text = _YN.sub("", clean(label).lower())
    return _NON_ALNUM.sub("", text)


@dataclass(frozen=True)
class Field:
    """A column a reader knows, with every name it goes by."""

    name: str
    labels: tuple[str, ...]


def fields(spec: Mapping[str, Sequence[str]]) -> tuple[Field, ...]:
    return tuple(Field(name, tuple(labels)) for name, labels in spec.items())


class Cell(NamedTuple):
    label: str  # the column (or element) name as the file writes it
    value: object
    row: int


@dataclass(frozen=True)
class Layout:
    """Where each known field is in a table's header."""

    header_row: int
    index: dict[str, int]  # field name -> column position
    labels: dict[str, str]  # field name -> the header text as written
    unknown: list[tuple[int, str]]  # (position, header text) of unrecognised columns
    duplicates: list[tuple[int, str]]

    @property
    def score(self) -> int:
        return len(self.index)


def match_header(header_row: int, header: Sequence[object], known: Iterable[Field]) -> Layout:
    lookup: dict[str, str] = {}
    for f in known:
        lookup.setdefault(column_key(f.name), f.name)
        for label in f.labels:
            lookup.setdefault(column_key(label), f.name)
    index: dict[str, int] = {}
    labels: dict[str, str] = {}
    unknown: list[tuple[int, str]] = []
    duplicates: list[tuple[int, str]] = []
    for i, raw in enumerate(header):
        text = clean(raw)
        if not text:
            continue
        name = lookup.get(column_key(text))
        if name is None:
            unknown.append((i, text))
        elif name in index:
            duplicates.append((i, text))
        else:
            index[name] = i
            labels[name] = text
    return Layout(header_row, index, labels, unknown, duplicates)


def find_header(table: RawTable, known: Sequence[Field], *, search: int = 10) -> Layout:
    """The best-matching header among the first non-blank rows."""
    best = Layout(0, {}, {}, [], [])
    looked = 0
    for number, cells in table.rows:
        if not any(clean(c) for c in cells):
            continue
        layout = match_header(number, cells, known)
        if layout.score > best.score:
            best = layout
        looked += 1
        if looked >= search:
            break
    return best


def report_columns(table: RawTable, layout: Layout, problems: Problems) -> None:
    for _, text in layout.unknown:
        problems.add(table.file, table.sheet, layout.header_row, text, "", Why.UNKNOWN_COLUMN)
    for _, text in layout.duplicates:
        problems.add(table.file, table.sheet, layout.header_row, text, "", Why.DUPLICATE_COLUMN)


def data_rows(table: RawTable, layout: Layout) -> Iterator[tuple[int, list[object]]]:
    """The rows after the header that have anything in them."""
    for number, cells in table.rows:
        if number <= layout.header_row:
            continue
        if any(not is_blank(clean(c)) for c in cells):
            yield number, cells


# --- records --------------------------------------------------------------------------


@dataclass
class Record:
    """One input row (or XML element) whose values are read one field at a time."""

    file: str
    sheet: str
    row: int
    cells: dict[str, Cell]
    problems: Problems
    # Fields whose value was reported already (an Excel error, say), so it is reported once.
    _reported: set[str] = field(default_factory=set)

    @classmethod
    def from_row(
        cls,
        table: RawTable,
        layout: Layout,
        number: int,
        cells: Sequence[object],
        problems: Problems,
    ) -> Record:
        width = len(cells)
        labels = layout.labels
        mapped = {
            name: Cell(labels[name], cells[i] if i < width else None, number)
            for name, i in layout.index.items()
        }
        return cls(table.file, table.sheet, number, mapped, problems)

    def source(self, name: str = "") -> str:
        row = self.cells[name].row if name in self.cells else self.row
        return f"{self.file}:{self.sheet}:{row}" if self.sheet else f"{self.file}:{row}"

    def has(self, name: str) -> bool:
        return name in self.cells

    def report(self, name: str, why: str, value: object = None) -> None:
        cell = self.cells.get(name)
        label = cell.label if cell else name
        row = cell.row if cell else self.row
        shown = value if value is not None else (cell.value if cell else "")
        if isinstance(shown, dt.datetime | dt.date):
            shown = clean(shown)
        self.problems.add(self.file, self.sheet, row, label, shown, why)
        self._reported.add(name)

    def report_row(self, why: str) -> None:
        """Report the row as a whole (no one column is at fault)."""
        self.problems.add(self.file, self.sheet, self.row, "", "", why)

    def was_reported(self, name: str) -> bool:
        return name in self._reported

    def raw(self, name: str) -> object:
        cell = self.cells.get(name)
        return None if cell is None else cell.value

    def text(self, name: str, *, limit: int = MAX_TEXT) -> str:
        """Cleaned text; '' when blank, an Excel error (reported) or too long (reported)."""
        value = self.raw(name)
        if isinstance(value, dt.datetime | dt.date):
            return clean(value)
        text = clean(value)
        if is_blank(text):
            return ""
        if is_excel_error(text):
            self.report(name, Why.EXCEL_ERROR)
            return ""
        if text.startswith("=") and len(text) > 1:
            self.report(name, Why.FORMULA_NO_VALUE)
            return ""
        if len(text) > limit:
            self.report(name, Why.TOO_LONG)
            return ""
        return text

    def read(self, name: str, read: Callable[[str], str]) -> str:
        """The value read by `read` (which raises Unreadable); '' when blank or unreadable."""
        text = self.text(name)
        if not text:
            return ""
        try:
            return read(text)
        except Unreadable as exc:
            self.report(name, str(exc))
            return ""

    def code(self, name: str, allowed: frozenset[str] | None = None) -> str:
        return self.read(name, lambda t: to_code(t, allowed))

    def yes_no(self, name: str) -> str:
        return self.read(name, to_yes_no)

    def sex(self, name: str) -> str:
        return self.read(name, to_sex)

    def ethnicity(self, name: str) -> str:
        return self.read(name, to_ethnicity)

    def identifier(self, name: str) -> str:
        return self.text(name, limit=MAX_ID)

    def date(
        self, name: str, *, required: bool = False, latest: dt.date | None = None
    ) -> dt.date | None:
        """A date; None when blank or unreadable (reported). A blank required date is
        reported too, and so is a date after `latest` (which is kept)."""
        value = self.raw(name)
        if isinstance(value, str) and value.strip().startswith("=") and name not in self._reported:
            self.report(name, Why.FORMULA_NO_VALUE)
            return None
        try:
            day = to_date(value)
        except Unreadable as exc:
            if name not in self._reported:
                self.report(name, str(exc))
            return None
        if day is None and required and name not in self._reported:
            self.report(name, Why.REQUIRED_DATE_MISSING, "")
        if day is not None and latest is not None and day > latest:
            self.report(name, Why.AFTER_REFERENCE_DATE)
        return day


# --- CSV ------------------------------------------------------------------------------

_DELIMITERS = (",", ";", "\t", "|")


def decode(data: bytes, file: str, problems: Problems) -> str:
    """Text from bytes: UTF-8 (with or without a byte order mark), UTF-16 with a byte order
    mark, or else Windows-1252 (reported)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    problems.add(file, "", 0, "", "", Why.NOT_UTF8)
    return data.decode("cp1252", errors="replace")


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, problems: Problems, *, name: str | None = None) -> RawTable:
    file = name or path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadFailure(path, f"cannot be read ({exc.strerror or exc})") from None
    return parse_csv(decode(data, file, problems), file, problems)


def parse_csv(text: str, file: str, problems: Problems) -> RawTable:
    text = text.replace("\x00", "")
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))
    rows: list[tuple[int, list[object]]] = []
    old_limit = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        start = 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error:
                problems.add(file, "", start, "", "", Why.READING_STOPPED)
                break
            rows.append((start, list(cells)))
            start = reader.line_num + 1
    finally:
        csv.field_size_limit(old_limit)
    return RawTable(file, "", rows)


# --- Excel ----------------------------------------------------------------------------


def read_workbook(path: Path, problems: Problems) -> list[RawTable]:
    """Every sheet of an .xlsx workbook. A formula gives the result the spreadsheet program
    saved; one with no saved result is worked out where it is simple arithmetic on cells
    (`=H2+5`), and otherwise stays as its text (and is reported when read)."""
    if not zipfile.is_zipfile(path):
        head = path.read_bytes()[:8] if path.is_file() else b""
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise ReadFailure(path, "is an old .xls workbook: save it as .xlsx or CSV")
        raise ReadFailure(path, "is not an Excel .xlsx workbook")
    try:
        sheets = xlsx.read(path)
    except Exception:  # anything unexpected in the package: openpyxl reads it instead
        return _read_with_openpyxl(path, problems)
    tables = [RawTable(path.name, title, rows) for title, rows in sheets]
    for table in tables:
        formulas.resolve(table)
    return tables


def _read_with_openpyxl(path: Path, problems: Problems) -> list[RawTable]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    file = path.name
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ReadFailure(path, f"is not a readable .xlsx workbook ({exc})") from None
    except Exception as exc:  # a damaged package can fail in the XML parser or elsewhere
        raise ReadFailure(path, f"is not a readable .xlsx workbook ({exc})") from None
    tables: list[RawTable] = []
    needs_saved: dict[str, list[tuple[int, int]]] = {}
    try:
        for sheet in book.worksheets:
            title = str(sheet.title)
            try:
                if hasattr(sheet, "reset_dimensions"):
                    sheet.reset_dimensions()
                rows: list[tuple[int, list[object]]] = []
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                    rows.append((number, list(values)))
            except Exception:  # a damaged sheet: report it and read the others
                problems.add(file, title, 0, "", "", Why.TABLE_UNREADABLE)
                continue
            table = RawTable(file, title, rows)
            pending = formulas.resolve(table)
            if pending:
                needs_saved[title] = pending
            tables.append(table)
    finally:
        book.close()
    if needs_saved:
        _fill_saved_results(path, tables, needs_saved)
    return tables


def _fill_saved_results(
    path: Path, tables: list[RawTable], needs: dict[str, list[tuple[int, int]]]
) -> None:
    """Put Excel's saved results in the cells whose formulas could not be worked out; a
    formula without a saved result stays as its text and is reported when read."""
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:
        return
    try:
        by_title = {t.sheet: t for t in tables}
        for title, cells in needs.items():
            table = by_title[title]
            wanted: dict[int, list[int]] = {}
            for r, c in cells:
                wanted.setdefault(r, []).append(c)
            try:
                saved = {
                    n: list(v)
                    for n, v in enumerate(book[title].iter_rows(values_only=True), start=1)
                    if n in wanted
                }
            except Exception:
                continue
            rows = dict(table.rows)
            for r, columns in wanted.items():
                for c in columns:
                    values = saved.get(r, [])
                    if c < len(values) and values[c] is not None:
                        rows[r][c] = values[c]
    finally:
        book.close()
