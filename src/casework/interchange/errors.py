"""The error report: every value (or row, or table) that could not be used, and why.

Reading never stops at a bad value: the value goes into the report and the rest of the row,
the rest of the file and the other files are still read. `row` is the spreadsheet row or
CSV line (the header is row 1 when it is the first line), or the line of an XML element;
row 0 means the whole file or sheet.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

COLUMNS = ("file", "sheet", "row", "column", "value", "why")

# Longest value copied into the report; longer ones are cut and marked.
MAX_VALUE = 200


class Why:
    """The reasons, worded once so that the report can be counted by reason."""

    # values
    NOT_A_DATE = "not a date (expected DD/MM/YYYY, YYYY-MM-DD or an Excel date)"
    TWO_DIGIT_YEAR = "date with a two-digit year: the century is ambiguous"
    PARTIAL_DATE = "date with an unknown day or month"
    DATE_OUT_OF_RANGE = "date before 1900 or after 2100"
    EXCEL_ERROR = "Excel error value instead of data"
    FORMULA_NO_VALUE = "formula with no saved result: open and save the file in Excel"
    UNKNOWN_CODE = "not one of the codes the return allows"
    NOT_YES_NO = "not a yes/no answer"
    BAD_POSTCODE = "not a UK postcode"
    TOO_LONG = "value too long: not used"
    NO_CHILD_ID = "no child identifier: row not converted"
    NO_ADOPTER_ID = "no adopter identifier: row not converted"
    DOB_DIFFERS = "date of birth differs from the one already read for this child; first kept"
    END_BEFORE_START = "ends before it starts; both dates kept as given"
    AFTER_REFERENCE_DATE = "after the return's reference date; kept as given"
    # rows
    REQUIRED_DATE_MISSING = "blank, but the event needs this date: no event made"
    NO_DATED_FACT = "no date in this row: its facts are not converted to events"
    NOTHING_CONVERTED = "nothing in this row converts to an event"
    NO_DOB = "no date of birth for this child in the return: no birth event, so no sex or ethnicity"
    REC_WITHOUT_DEC = (
        "reason for ending (REC) given but no date the episode ceased (DEC): no cic_end"
    )
    DEC_WITHOUT_REC = "date the episode ceased (DEC) given but no reason (REC): no cic_end"
    UNKNOWN_COLUMN = "column not recognised: its values are not used"
    DUPLICATE_COLUMN = "column appears twice: the second one is not used"
    UNKNOWN_ELEMENT = "element not recognised: not used"
    DUPLICATE_ELEMENT = "element appears twice: the second one is not used"
    STRAY_TEXT = "text outside any element: not used"
    # whole files and sheets (row 0)
    TABLE_NO_DATES = "the return gives no dates for these facts: rows checked, not converted"
    TABLE_NO_ID_COLUMN = "no child identifier column: no row of this table converted"
    TABLE_NOT_RECOGNISED = "not recognised as part of this return: not used"
    TABLE_UNREADABLE = "could not be read: not used"
    READING_STOPPED = "the file could not be read past this point: later rows not read"
    NOT_UTF8 = "not UTF-8 text: read as Windows-1252"


# Reasons that account for every row of a table at once (or every row from `row` on).
TABLE_REASONS = frozenset(
    {
        Why.TABLE_NO_DATES,
        Why.TABLE_NO_ID_COLUMN,
        Why.TABLE_NOT_RECOGNISED,
        Why.TABLE_UNREADABLE,
        Why.READING_STOPPED,
    }
)


@dataclass(frozen=True)
class ErrorRow:
    file: str
    sheet: str
    row: int
    column: str
    value: str
    why: str

    def covers(self, file: str, sheet: str, row: int) -> bool:
        """Whether this error accounts for that input row."""
        if self.file != file or self.sheet != sheet:
            return False
        if self.why in TABLE_REASONS:
            return row >= self.row
        return self.row == row


class Problems:
    """Collects error rows while a return is read."""

    def __init__(self) -> None:
        self.rows: list[ErrorRow] = []

    def add(self, file: str, sheet: str, row: int, column: str, value: object, why: str) -> None:
        text = "" if value is None else str(value)
        if len(text) > MAX_VALUE:
            text = text[:MAX_VALUE] + "..."
        self.rows.append(ErrorRow(file, sheet, row, column, text, why))

    def __len__(self) -> int:
        return len(self.rows)


def by_reason(errors: Iterable[ErrorRow]) -> dict[str, int]:
    counts = Counter(e.why for e in errors)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def write_errors(path: Path | str, errors: Sequence[ErrorRow]) -> None:
    """Write the error report as CSV with the columns file, sheet, row, column, value, why."""
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for e in errors:
            writer.writerow([e.file, e.sheet, e.row, e.column, e.value, e.why])
