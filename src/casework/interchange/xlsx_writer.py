"""A fast writer for plain .xlsx workbooks: sheets of values, no formatting but dates.

It writes each sheet's XML as text, several times faster than openpyxl's write-only mode,
which matters for a large council's Annex A. Values may be text, int, float, bool, a date
(written as an Excel date shown `yyyy-mm-dd`) or None (an empty cell). The workbook opens
in Excel and LibreOffice and reads back with openpyxl and `casework.interchange.xlsx`
cell for cell as openpyxl's own would.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

_EPOCH = dt.date(1899, 12, 30).toordinal()
# Characters XML 1.0 does not allow, which openpyxl refuses.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument"

_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd h:mm:ss"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def column_letters(index: int) -> str:
    """The letters of the column at 0-based `index` (0 is A, 26 is AA)."""
    letters = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(body: str) -> str:
    body = escape(body, {"\r": "&#13;"})
    space = ' xml:space="preserve"' if body != body.strip() else ""
    return f"<is><t{space}>{body}</t></is>"


def _cell(ref: str, value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, dt.datetime):
        day = value.toordinal() - _EPOCH
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return f'<c r="{ref}" s="2"><v>{day + seconds / 86400!r}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="1"><v>{value.toordinal() - _EPOCH}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    text = _ILLEGAL.sub("", str(value))
    return f'<c r="{ref}" t="inlineStr">{_text(text)}</c>' if text else ""


def _sheet(rows: Sequence[Sequence[object]]) -> str:
    letters: list[str] = []
    out: list[str] = []
    width = 0
    for number, row in enumerate(rows, start=1):
        while len(letters) < len(row):
            letters.append(column_letters(len(letters)))
        cells = [_cell(f"{letters[i]}{number}", value) for i, value in enumerate(row)]
        used = [i for i, cell in enumerate(cells) if cell]
        if used:
            width = max(width, used[-1] + 1)
        out.append(f'<row r="{number}">{"".join(cells)}</row>')
    size = f"A1:{column_letters(width - 1)}{len(rows)}" if width else "A1"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{_MAIN}"><dimension ref="{size}"/><sheetData>'
        + "".join(out)
        + "</sheetData></worksheet>"
    )


def write(path: Path, sheets: Sequence[tuple[str, Sequence[Sequence[object]]]]) -> None:
    """Write the workbook: one sheet per (title, rows), in order. Titles must be unique
    and at most 31 characters."""
    count = len(sheets)
    types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        f'ContentType="{_TYPES}.spreadsheetml.worksheet+xml"/>'
        for i in range(1, count + 1)
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        f'ContentType="{_TYPES}.spreadsheetml.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_TYPES}.spreadsheetml.styles+xml"/>'
        f"{types}</Types>"
    )
    root_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
        f'Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    entries = "".join(
        f'<sheet name={quoteattr(title)} sheetId="{i}" r:id="rId{i}"/>'
        for i, (title, _) in enumerate(sheets, start=1)
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheets>{entries}</sheets></workbook>'
    )
    links = "".join(
        f'<Relationship Id="rId{i}" Type="{_RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, count + 1)
    )
    book_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_PACKAGE}">{links}'
        f'<Relationship Id="rId{count + 1}" Type="{_RELS}/styles" Target="styles.xml"/>'
        "</Relationships>"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        book.writestr("[Content_Types].xml", content_types)
        book.writestr("_rels/.rels", root_rels)
        book.writestr("xl/workbook.xml", workbook)
        book.writestr("xl/_rels/workbook.xml.rels", book_rels)
        book.writestr("xl/styles.xml", _STYLES)
        for i, (_, rows) in enumerate(sheets, start=1):
            book.writestr(f"xl/worksheets/sheet{i}.xml", _sheet(rows))
