"""The tables of the SSDA903 return and their columns, and how a CSV file is recognised as
one of them (by its columns, whatever the file is called)."""

from __future__ import annotations

from dataclasses import dataclass

from casework.interchange.tables import (
    Field,
    RawTable,
    fields,
    find_header,
)

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
