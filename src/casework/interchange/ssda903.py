"""SSDA903 (children looked after): the CSV file set, or the XML form, to events.

Each CSV file is recognised by its columns (its name does not matter): header, episodes,
reviews, UASC, OC2, OC3, AD1, placed for adoption, previous permanence, missing, and the
social worker episodes added in 2023. The XML form (`<CHILD>` elements holding a `<HEADER>`
and `<EPISODE>` elements) is read into the same tables.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from casework.interchange import codes, formulas
from casework.interchange.builder import Builder, Conversion
from casework.interchange.errors import Problems, Why
from casework.interchange.tables import (
    Cell,
    Field,
    RawTable,
    ReadFailure,
    Record,
    data_rows,
    fields,
    find_header,
    read_csv,
    report_columns,
)
from casework.interchange.values import Unreadable, code, to_date
from casework.interchange.xmltree import leaf_record, parse

_CHILD = ["CHILD", "CHILDID", "CHILD ID", "Child identifier", "LA child ID"]
_DOB = ["DOB", "Date of birth", "PersonBirthDate"]


@dataclass(frozen=True)
class Table:
    name: str
    fields: tuple[Field, ...]
    signature: frozenset[str]  # any of these columns marks the table


def _table(name: str, signature: set[str], spec: dict[str, list[str]]) -> Table:
    return Table(name, fields({"CHILD": _CHILD, **spec}), frozenset(signature))


HEADER = _table(
    "header",
    {"ETHNIC", "MC_DOB", "MOTHER"},
    {
        "SEX": ["SEX", "Gender"],
        "DOB": _DOB,
        "ETHNIC": ["ETHNIC", "Ethnicity"],
        "UPN": ["UPN"],
        "MOTHER": ["MOTHER"],
        "MC_DOB": ["MC_DOB"],
        "UASC": ["UASC"],
    },
)
EPISODES = _table(
    "episodes",
    {"DECOM", "RNE", "REC"},
    {
        "DECOM": ["DECOM"],
        "RNE": ["RNE"],
        "LS": ["LS"],
        "CIN": ["CIN"],
        "PLACE": ["PLACE", "PL"],
        "PLACE_PROVIDER": ["PLACE_PROVIDER"],
        "DEC": ["DEC"],
        "REC": ["REC"],
        "REASON_PLACE_CHANGE": ["REASON_PLACE_CHANGE"],
        "HOME_POST": ["HOME_POST"],
        "PL_POST": ["PL_POST"],
        "URN": ["URN"],
    },
)
REVIEWS = _table(
    "reviews",
    {"REVIEW", "REVIEW_CODE"},
    {"DOB": _DOB, "REVIEW": ["REVIEW"], "REVIEW_CODE": ["REVIEW_CODE"]},
)
UASC = _table("uasc", {"DUC"}, {"SEX": ["SEX"], "DOB": _DOB, "DUC": ["DUC"]})
OC2 = _table(
    "oc2",
    {"SDQ_SCORE", "SDQ_REASON", "HEALTH_CHECK", "TEETH_CHECK", "IMMUNISATIONS", "CONVICTED"},
    {
        "DOB": _DOB,
        **{
            name: [name]
            for name in (
                "SDQ_SCORE",
                "SDQ_REASON",
                "CONVICTED",
                "HEALTH_CHECK",
                "IMMUNISATIONS",
                "TEETH_CHECK",
                "HEALTH_ASSESSMENT",
                "SUBSTANCE_MISUSE",
                "INTERVENTION_RECEIVED",
                "INTERVENTION_OFFERED",
            )
        },
    },
)
OC3 = _table(
    "oc3",
    {"IN_TOUCH", "ACTIV", "ACCOM"},
    {"DOB": _DOB, "IN_TOUCH": ["IN_TOUCH"], "ACTIV": ["ACTIV"], "ACCOM": ["ACCOM"]},
)
AD1 = _table(
    "ad1",
    {"DATE_INT", "DATE_MATCH", "NB_ADOPTR"},
    {
        "DOB": _DOB,
        "DATE_INT": ["DATE_INT"],
        "DATE_MATCH": ["DATE_MATCH"],
        "FOSTER_CARE": ["FOSTER_CARE"],
        "NB_ADOPTR": ["NB_ADOPTR"],
        "SEX_ADOPTR": ["SEX_ADOPTR"],
        "LS_ADOPTR": ["LS_ADOPTR"],
    },
)
PLACED = _table(
    "placed_for_adoption",
    {"DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
    {
        "DOB": _DOB,
        "DATE_PLACED": ["DATE_PLACED"],
        "DATE_PLACED_CEASED": ["DATE_PLACED_CEASED"],
        "REASON_PLACED_CEASED": ["REASON_PLACED_CEASED"],
    },
)
PREV_PERM = _table(
    "previous_permanence",
    {"PREV_PERM", "LA_PERM", "DATE_PERM"},
    {
        "DOB": _DOB,
        "PREV_PERM": ["PREV_PERM"],
        "LA_PERM": ["LA_PERM"],
        "DATE_PERM": ["DATE_PERM"],
    },
)
MISSING = _table(
    "missing",
    {"MIS_START", "MIS_END", "MISSING"},
    {"DOB": _DOB, "MISSING": ["MISSING"], "MIS_START": ["MIS_START"], "MIS_END": ["MIS_END"]},
)
SOCIAL_WORKERS = _table(
    "social_worker_episodes",
    {"SW_ID", "SW_DECOM", "SW_DEC"},
    {
        "DOB": _DOB,
        "SW_ID": ["SW_ID"],
        "SW_DECOM": ["SW_DECOM"],
        "SW_DEC": ["SW_DEC"],
        "SW_REASON": ["SW_REASON"],
    },
)
# In this order, so that the header's facts about a child come first.
TABLES = (
    HEADER,
    UASC,
    EPISODES,
    REVIEWS,
    MISSING,
    AD1,
    PLACED,
    SOCIAL_WORKERS,
    OC2,
    OC3,
    PREV_PERM,
)
UNDATED = frozenset({"oc2", "oc3", "previous_permanence"})


def identify(table: RawTable) -> tuple[Table, RawTable] | None:
    """Which SSDA903 table a file holds, from its columns."""
    best: tuple[int, Table] | None = None
    for spec in TABLES:
        layout = find_header(table, spec.fields)
        if not spec.signature & layout.index.keys() or "CHILD" not in layout.index:
            continue
        if best is None or layout.score > best[0]:
            best = (layout.score, spec)
    return (best[1], table) if best else None


# --- one row of each table ------------------------------------------------------------


def _child(rec: Record, b: Builder) -> str:
    child_id = rec.identifier("CHILD")
    if not child_id:
        if not rec.was_reported("CHILD"):
            rec.report("CHILD", Why.NO_CHILD_ID, "")
        return ""
    b.child(child_id)
    return child_id


def _header(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    sex = rec.sex("SEX")
    ethnicity = rec.ethnicity("ETHNIC")
    uasc = "yes" if rec.has("UASC") and rec.text("UASC") not in ("", "0") else ""
    rec.date("MC_DOB")
    b.birth(
        child_id,
        rec,
        "DOB",
        sex=sex,
        ethnicity=ethnicity,
        uasc=uasc,
        required=True,
        keep_source=True,
    )


def _uasc(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    sex = rec.sex("SEX")
    rec.date("DUC")
    b.birth(child_id, rec, "DOB", sex=sex, uasc="yes", keep_source=True)


def _episode(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    start = rec.date("DECOM", required=True)
    rne = rec.code("RNE", codes.RNE)
    legal_status = rec.code("LS")
    need = rec.code("CIN", codes.NEED_CODES)
    place = rec.code("PLACE")
    provider = rec.code("PLACE_PROVIDER", codes.PROVIDERS)
    end = rec.date("DEC")
    ending_text = rec.text("REC")
    ending = rec.code("REC", codes.ENDINGS | {codes.EPISODE_CONTINUES})
    placed_at = rec.read("PL_POST", codes.postcode)
    rec.text("HOME_POST")
    rec.text("URN")
    rec.text("REASON_PLACE_CHANGE")

    at = rec.source("DECOM")
    if rne == "S":
        details = {"legal_status": legal_status, "reason": need}
        b.add(child_id, "cic_start", start, at, details=details)
    if rne in codes.PLACEMENT_RNE:
        b.add(
            child_id,
            "placement_start",
            start,
            at,
            details={
                "placement_type": place,
                "provider": provider,
                "postcode": placed_at,
                "first": "yes" if rne == "S" else "",
                "foster_care": "yes" if place.startswith("U") else "",
                "with_parents": "yes" if place == "P1" else "",
            },
        )
        if place in codes.ADOPTION_PLACEMENTS:
            b.add(child_id, "placed_for_adoption", start, at)
    if rne in ("L", "U", "B"):
        b.add(child_id, "legal_status_change", start, at, details={"legal_status": legal_status})
    ends_care = bool(ending_text) and code(ending_text) != codes.EPISODE_CONTINUES
    if ends_care:
        if end is None:
            if not rec.was_reported("DEC"):
                rec.report("REC", Why.REC_WITHOUT_DEC, ending_text)
        else:
            b.add(child_id, "cic_end", end, rec.source("DEC"), details={"reason": ending})
            b.add(child_id, "placement_end", end, rec.source("DEC"), details={"reason": ending})
    elif not ending_text and end is not None:
        rec.report("DEC", Why.DEC_WITHOUT_REC)
    if start and end and end < start:
        rec.report("DEC", Why.END_BEFORE_START)


def _review(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    b.birth(child_id, rec, "DOB")
    when = rec.date("REVIEW", required=True)
    participation = rec.code("REVIEW_CODE", codes.REVIEW_CODES)
    details = {"participation": participation}
    b.add(child_id, "cic_review", when, rec.source("REVIEW"), details=details)


def _missing(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    b.birth(child_id, rec, "DOB")
    kind = codes.MISSING.get(rec.code("MISSING", frozenset(codes.MISSING)), "")
    start = rec.date("MIS_START", required=True)
    end = rec.date("MIS_END")
    b.add(child_id, "missing_start", start, rec.source("MIS_START"), details={"kind": kind})
    b.add(child_id, "missing_end", end, rec.source("MIS_END"))
    if start and end and end < start:
        rec.report("MIS_END", Why.END_BEFORE_START)


def _ad1(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    b.birth(child_id, rec, "DOB")
    decided = rec.date("DATE_INT", required=True)
    matched = rec.date("DATE_MATCH")
    rec.yes_no("FOSTER_CARE")
    rec.text("NB_ADOPTR")
    rec.text("SEX_ADOPTR")
    rec.text("LS_ADOPTR")
    b.add(child_id, "adoption_decision", decided, rec.source("DATE_INT"))
    b.add(child_id, "adoption_match", matched, rec.source("DATE_MATCH"))


def _placed(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    b.birth(child_id, rec, "DOB")
    decided = rec.date("DATE_PLACED", required=True)
    reversed_on = rec.date("DATE_PLACED_CEASED")
    reason = rec.code("REASON_PLACED_CEASED", codes.ADOPTION_REVERSED)
    b.add(child_id, "adoption_decision", decided, rec.source("DATE_PLACED"))
    b.add(
        child_id,
        "adoption_decision_reversed",
        reversed_on,
        rec.source("DATE_PLACED_CEASED"),
        details={"reason": reason},
    )


def _social_worker(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    b.birth(child_id, rec, "DOB")
    worker = rec.identifier("SW_ID")
    start = rec.date("SW_DECOM", required=True)
    rec.date("SW_DEC")
    rec.text("SW_REASON")
    b.add(child_id, "allocation", start, rec.source("SW_DECOM"), worker=worker)


def _previous_permanence(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if not child_id:
        return
    b.birth(child_id, rec, "DOB")
    rec.code("PREV_PERM", frozenset({"P1", "P2", "P3", "P4", "Z1"}))
    text = rec.text("DATE_PERM")
    if text and not text.lower().startswith("zz"):
        try:
            to_date(text)
        except Unreadable as exc:
            if str(exc) != Why.PARTIAL_DATE:
                rec.report("DATE_PERM", str(exc))


def _checked_only(rec: Record, b: Builder) -> None:
    child_id = _child(rec, b)
    if child_id:
        b.birth(child_id, rec, "DOB")
    for name in rec.cells:
        if name not in ("CHILD", "DOB"):
            rec.text(name)


CONVERTERS: dict[str, Callable[[Record, Builder], None]] = {
    "header": _header,
    "uasc": _uasc,
    "episodes": _episode,
    "reviews": _review,
    "missing": _missing,
    "ad1": _ad1,
    "placed_for_adoption": _placed,
    "social_worker_episodes": _social_worker,
    "previous_permanence": _previous_permanence,
    "oc2": _checked_only,
    "oc3": _checked_only,
}


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
        return builder.finish("ssda903", path, _convert_xml(path, builder, problems))
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


# --- the XML form ---------------------------------------------------------------------

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


def _convert_xml(path: Path, builder: Builder, problems: Problems) -> dict[str, int]:
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
