"""The XML form of the SSDA903 return: `<CHILD>` elements, each with a `<HEADER>` (holding
the UASC, OC3 and AD1 facts and, in some files, the other tables) and `<EPISODE>`,
`<AREVIEW>`, `<AMISSING>`, `<OC2>`, `<PERMANENCE>`, `<AD_PLACED>` and `<SW_EPISODE>`
elements, read into the same tables as the CSV file set."""

from __future__ import annotations

from pathlib import Path

from casework.interchange.builder import Builder
from casework.interchange.errors import Problems, Why
from casework.interchange.ssda903.events import CONVERTERS, _header
from casework.interchange.ssda903.tables import (
    AD1,
    EPISODES,
    HEADER,
    MISSING,
    OC2,
    OC3,
    PLACED,
    PREV_PERM,
    REVIEWS,
    SOCIAL_WORKERS,
    UASC,
    UNDATED,
    Table,
)
from casework.interchange.tables import (
    Cell,
    ReadFailure,
    Record,
)
from casework.interchange.xmltree import leaf_record, parse

_LEAVES = {
    f.name.lower(): f.name
    for spec in (HEADER, UASC, OC3, AD1)
    for f in spec.fields
    if f.name != "CHILD"
} | {"childid": "CHILD", "child": "CHILD", "duc": "DUC"}
_BLOCKS: dict[str, Table] = {
    "episode": EPISODES,
    "areview": REVIEWS,
    "amissing": MISSING,
    "oc2": OC2,
    "permanence": PREV_PERM,
    "ad_placed": PLACED,
    "sw_episode": SOCIAL_WORKERS,
}


_IN_HEADER = (("UASC", UASC, "DUC"), ("OC3", OC3, "IN_TOUCH"), ("AD1", AD1, "DATE_INT"))


def _known(spec: Table) -> dict[str, str]:
    known = {f.name.lower(): f.name for f in spec.fields}
    if spec is EPISODES:
        known["pl"] = "PLACE"
    return known


def convert_xml(path: Path, builder: Builder, problems: Problems) -> dict[str, int]:
    root = parse(path, problems)
    file = path.name
    children = [n for n in root.iter() if n.key == "child" and n.children]
    if not children:
        raise ReadFailure(path, "holds no <CHILD> elements: it is not the SSDA903 XML form")
    rows: dict[str, int] = {}
    undated: set[str] = set()

    for child in children:
        header = child.find("HEADER") or child
        head = leaf_record(
            header, file, "HEADER", problems, _LEAVES, containers=[*_BLOCKS, "header", "episode"]
        )
        ids: dict[str, Cell] = {k: head.cells[k] for k in ("CHILD", "DOB") if k in head.cells}
        builder.convert_row(_subset(head, "HEADER", HEADER), _header)
        rows["HEADER"] = rows.get("HEADER", 0) + 1
        for sheet, spec, marker in _IN_HEADER:
            cell = head.cells.get(marker)
            flag = head.cells.get("UASC")
            present = cell is not None and bool(cell.value)
            if sheet == "UASC" and flag is not None and str(flag.value).strip() not in ("", "0"):
                present = True
            if present:
                sub = _subset(head, sheet, spec)
                if spec.name in UNDATED:
                    CONVERTERS[spec.name](sub, builder)
                else:
                    builder.convert_row(sub, CONVERTERS[spec.name])
                rows[sheet] = rows.get(sheet, 0) + 1
                if spec.name in UNDATED:
                    undated.add(sheet)
        for node in [*header.children, *(c for c in child.children if c is not header)]:
            block = _BLOCKS.get(node.key)
            if block is None:
                continue
            rec = leaf_record(node, file, node.tag, problems, _known(block), extra=ids)
            if block.name in UNDATED:
                CONVERTERS[block.name](rec, builder)
            else:
                builder.convert_row(rec, CONVERTERS[block.name])
            rows[node.tag] = rows.get(node.tag, 0) + 1
            if block.name in UNDATED:
                undated.add(node.tag)
        for node in child.children:
            if node is not header and node.key not in _BLOCKS:
                problems.add(file, "CHILD", node.line, node.tag, node.text, Why.UNKNOWN_ELEMENT)
        for line, text in child.stray:
            problems.add(file, "CHILD", line, child.tag, text, Why.STRAY_TEXT)
    for sheet in sorted(undated):
        problems.add(file, sheet, 0, "", "", Why.TABLE_NO_DATES)
    return rows


def _subset(head: Record, sheet: str, spec: Table) -> Record:
    names = {f.name for f in spec.fields}
    cells = {k: c for k, c in head.cells.items() if k in names}
    return Record(head.file, sheet, head.row, cells, head.problems)
