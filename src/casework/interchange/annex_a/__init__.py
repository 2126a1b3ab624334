"""Ofsted's Annex A (lists 1 to 11) to events, from a workbook or from CSV files.

Sheets are recognised by their name (`List 3`, `list_3`, `L3 Referrals`) or, failing that,
by their columns. Column names are matched leniently, and both the 2019 column set and the
2024 one (which adds the care leaver's personal adviser, pathway plan review and latest
contact to list 9, calls the age column `Age of Child (Years)`, and may say `Sex` for
`Gender`) are read, as are the compact names of the Standard Safeguarding Dataset's
Annex A extract (`ChildUniqueID`, `DateOfContact`...).
"""

from __future__ import annotations

import re
from pathlib import Path

from casework.interchange import formulas
from casework.interchange.annex_a.columns import LISTS, PERSON_FIELDS, SPECS, TITLES
from casework.interchange.annex_a.events import CONVERTERS
from casework.interchange.builder import Builder, Conversion
from casework.interchange.errors import Problems, Why
from casework.interchange.tables import (
    Layout,
    RawTable,
    ReadFailure,
    Record,
    data_rows,
    find_header,
    read_csv,
    read_workbook,
    report_columns,
)

__all__ = ["CONVERTERS", "LISTS", "SPECS", "TITLES", "convert", "list_number"]

_NAMED = re.compile(r"(?:^|[^a-z])(?:list|l)[\s_\-.]*0?(\d{1,2})(?!\d)", re.IGNORECASE)
_ID_FIELD = {n: ("adopter_id" if n == 11 else "child_id") for n in LISTS}


def list_number(table: RawTable) -> tuple[int, Layout] | None:
    """The list a sheet (or CSV file) holds: by its name, else by its columns."""
    name = table.sheet or Path(table.file).stem
    m = _NAMED.search(name)
    if m and 1 <= int(m[1]) <= 11:
        number = int(m[1])
        return number, find_header(table, SPECS[number])
    best: tuple[int, int, Layout] | None = None
    for number, spec in SPECS.items():
        layout = find_header(table, spec)
        # Dates and codes particular to the list, beyond the child's own columns.
        own = len(set(layout.index) - PERSON_FIELDS)
        if own < 2:
            continue
        if best is None or (own, layout.score) > (best[0], best[2].score):
            best = (own, number, layout)
    return (best[1], best[2]) if best else None


def _tables(path: Path, problems: Problems) -> list[RawTable]:
    if path.is_dir():
        files = sorted(
            p
            for p in path.iterdir()
            if p.is_file() and p.suffix.lower() in (".xlsx", ".xlsm", ".csv")
        )
        if not files:
            raise ReadFailure(path, "holds no .xlsx or .csv files")
        found: list[RawTable] = []
        for file in files:
            found.extend(_tables(file, problems))
        return found
    if path.suffix.lower() in (".csv", ".txt"):
        return [read_csv(path, problems)]
    return read_workbook(path, problems)


def convert(path: Path) -> Conversion:
    """Convert an Annex A: a workbook, one list as CSV, or a folder of those."""
    if not path.exists():
        raise ReadFailure(path, "does not exist")
    problems = Problems()
    # A child in care appears in list 8 and, when adoption is the plan, in list 10 too.
    builder = Builder(problems, merge={"cic_start", "placement_start"})
    tables = _tables(path, problems)
    recognised: list[tuple[int, RawTable, Layout]] = []
    for table in tables:
        if not any(c is not None and str(c).strip() for _, cells in table.rows for c in cells):
            continue  # an empty sheet
        found = list_number(table)
        if found is None:
            problems.add(table.file, table.sheet, 0, "", "", Why.TABLE_NOT_RECOGNISED)
            continue
        recognised.append((found[0], table, found[1]))
    if not recognised:
        raise ReadFailure(path, "holds no Annex A list (no sheet has the columns of lists 1 to 11)")
    recognised.sort(key=lambda r: r[0])
    rows: dict[str, int] = {}
    for number, table, layout in recognised:
        formulas.resolve(table)
        rows[table.label()] = _convert_list(number, table, layout, builder, problems)
    return builder.finish("annex-a", path, rows)


def _convert_list(
    number: int, table: RawTable, layout: Layout, builder: Builder, problems: Problems
) -> int:
    count = sum(1 for _ in data_rows(table, layout))
    if _ID_FIELD[number] not in layout.index:
        if count:
            problems.add(table.file, table.sheet, 0, "", "", Why.TABLE_NO_ID_COLUMN)
        return count
    report_columns(table, layout, problems)
    convert_row = CONVERTERS[number]
    for row_number, cells in data_rows(table, layout):
        record = Record.from_row(table, layout, row_number, cells, problems)
        builder.convert_row(record, convert_row)
    return count
