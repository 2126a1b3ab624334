"""Working out the simple formulas councils' workbooks hold, such as `=H2+5`.

Only sums and differences of cells on the same sheet, numbers and DATE(y, m, d) are worked
out; anything else (other sheets, functions, text) is left for Excel's saved result.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casework.interchange.tables import RawTable

_TOKEN = re.compile(
    r"\s*(?:(?P<op>[+-])|\$?(?P<col>[A-Za-z]{1,3})\$?(?P<row>\d{1,7})(?![\w(])"
    r"|(?P<num>\d+(?:\.\d+)?)|DATE\(\s*(?P<y>\d{4})\s*,\s*(?P<m>\d{1,2})\s*,\s*(?P<d>\d{1,2})\s*\))",
    re.IGNORECASE,
)
_EPOCH = dt.datetime(1899, 12, 30)  # noqa: DTZ001 - Excel dates have no time zone
_MAX_DEPTH = 50


class _Cannot(Exception):
    pass


def column_index(letters: str) -> int:
    """0-based column position from Excel letters (A -> 0, AA -> 26)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def _serial(value: dt.datetime | dt.date) -> float:
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    return (value - _EPOCH).total_seconds() / 86400


class _Sheet:
    def __init__(self, table: RawTable) -> None:
        self.rows = dict(table.rows)
        self.done: dict[tuple[int, int], object] = {}

    def value(self, r: int, c: int, depth: int) -> tuple[float, bool]:
        """The number in a cell and whether it is a date."""
        cells = self.rows.get(r)
        if cells is None or c >= len(cells) or c < 0:
            raise _Cannot
        v = cells[c]
        if isinstance(v, str) and v.startswith("="):
            v = self.evaluate(r, c, depth + 1)
        if isinstance(v, dt.datetime | dt.date):
            return _serial(v), True
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise _Cannot
        return float(v), False

    def evaluate(self, r: int, c: int, depth: int = 0) -> object:
        if (r, c) in self.done:
            found = self.done[(r, c)]
            if found is None:
                raise _Cannot
            return found
        if depth > _MAX_DEPTH:
            raise _Cannot
        self.done[(r, c)] = None  # a cycle finds this and gives up
        formula = str(self.rows[r][c])[1:]
        total = 0.0
        is_date = False
        sign = 1.0
        pos = 0
        expect_term = True
        while pos < len(formula):
            m = _TOKEN.match(formula, pos)
            if m is None or m.end() == pos:
                if formula[pos:].strip() == "":
                    break
                raise _Cannot
            pos = m.end()
            if m["op"]:
                if not expect_term:
                    sign = 1.0 if m["op"] == "+" else -1.0
                    expect_term = True
                else:
                    sign = sign * (1.0 if m["op"] == "+" else -1.0)
                continue
            if not expect_term:
                raise _Cannot
            if m["col"]:
                number, date_like = self.value(int(m["row"]), column_index(m["col"]), depth)
            elif m["num"]:
                number, date_like = float(m["num"]), False
            else:
                try:
                    d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
                except ValueError:
                    raise _Cannot from None
                number, date_like = _serial(d), True
            if date_like and sign < 0 and is_date:
                is_date = False  # a date minus a date is a number of days
            elif date_like:
                is_date = True
            total += sign * number
            sign = 1.0
            expect_term = False
        if expect_term:
            raise _Cannot
        result: object
        if is_date:
            try:
                result = _EPOCH + dt.timedelta(days=total)
            except OverflowError:
                raise _Cannot from None
        else:
            result = int(total) if total.is_integer() else total
        self.done[(r, c)] = result
        return result


def resolve(table: RawTable) -> list[tuple[int, int]]:
    """Replace every formula that can be worked out by its result, in place; return the
    (row, column) of those that cannot."""
    sheet: _Sheet | None = None
    pending: list[tuple[int, int]] = []
    for number, cells in table.rows:
        for c, value in enumerate(cells):
            if not (isinstance(value, str) and value.startswith("=") and len(value) > 1):
                continue
            if sheet is None:
                sheet = _Sheet(table)
            try:
                cells[c] = sheet.evaluate(number, c)
            except (_Cannot, RecursionError, ValueError, OverflowError):
                pending.append((number, c))
    return pending
