"""SSDA903 (children looked after): the CSV file set, or the XML form, to events.

Each CSV file is recognised by its columns (its name does not matter): header, episodes,
reviews, UASC, OC2, OC3, AD1, placed for adoption, previous permanence, missing, and the
social worker episodes added in 2023. The XML form (`<CHILD>` elements holding a `<HEADER>`
and `<EPISODE>` elements) is read into the same tables.
"""

from __future__ import annotations

from pathlib import Path

from casework.interchange import formulas
from casework.interchange.builder import Builder, Conversion
from casework.interchange.errors import Problems, Why
from casework.interchange.ssda903.events import CONVERTERS
from casework.interchange.ssda903.tables import TABLES, UNDATED, Table, identify
from casework.interchange.ssda903.xml_form import convert_xml
from casework.interchange.tables import (
    RawTable,
    ReadFailure,
    Record,
    data_rows,
    find_header,
    read_csv,
    report_columns,
)

__all__ = ["CONVERTERS", "TABLES", "Table", "convert", "identify"]

# --- the CSV file set -----------------------------------------------------------------


def _csv_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(
            p
            for p in path.iterdir()
            if p.is_file() and p.suffix.lower() in (".csv", ".txt") and not p.name.startswith(".")
        )
    return [path]


def convert(path: Path) -> Conversion:
    """Convert an SSDA903 return: a folder of CSV files, one CSV file, or the XML form."""
    if not path.exists():
        raise ReadFailure(path, "does not exist")
    problems = Problems()
    builder = Builder(problems, merge={"adoption_decision", "placed_for_adoption"})
    if path.is_file() and path.suffix.lower() == ".xml":
        return builder.finish("ssda903", path, convert_xml(path, builder, problems))
    files = _csv_files(path)
    if not files:
        raise ReadFailure(path, "holds no CSV files")
    found: list[tuple[Table, RawTable]] = []
    for file in files:
        raw = read_csv(file, problems)
        if not any(cells for _, cells in raw.rows):
            problems.add(raw.file, "", 0, "", "", Why.TABLE_NOT_RECOGNISED)
            continue
        match = identify(raw)
        if match is None:
            problems.add(raw.file, "", 0, "", "", Why.TABLE_NOT_RECOGNISED)
            continue
        found.append(match)
    if not found:
        raise ReadFailure(path, "holds no SSDA903 tables (none of its files has their columns)")
    order = {t.name: i for i, t in enumerate(TABLES)}
    found.sort(key=lambda m: order[m[0].name])
    rows: dict[str, int] = {}
    for spec, raw in found:
        formulas.resolve(raw)
        layout = find_header(raw, spec.fields)
        report_columns(raw, layout, problems)
        convert_row = CONVERTERS[spec.name]
        count = 0
        for number, cells in data_rows(raw, layout):
            record = Record.from_row(raw, layout, number, cells, problems)
            if spec.name in UNDATED:
                convert_row(record, builder)
            else:
                builder.convert_row(record, convert_row)
            count += 1
        rows[raw.file] = rows.get(raw.file, 0) + count
        if spec.name in UNDATED and count:
            problems.add(raw.file, "", 0, "", "", Why.TABLE_NO_DATES)
    return builder.finish("ssda903", path, rows)
