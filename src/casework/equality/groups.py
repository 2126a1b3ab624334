"""Which group a child falls in for each recorded characteristic. Plain Python."""

from __future__ import annotations

import datetime as dt

from casework.insight import AGE_BANDS

NOT_RECORDED = "Not recorded"

CHARACTERISTIC_TITLES: dict[str, str] = {
    "ethnic_group": "Ethnic group",
    "ethnicity": "Ethnicity",
    "sex": "Sex",
    "age_band": "Age",
    "disability": "Disability",
}

_MAJOR = {"W": "White", "M": "Mixed", "A": "Asian", "B": "Black", "O": "Other"}
_NOT_GIVEN = {"", "REFU", "NOBT"}  # declined, or not yet obtained


def ethnic_group(code: str) -> str:
    """The 2021 Census high-level group of a children in need census code (Chinese is
    Asian, as in the Census)."""
    if code in _NOT_GIVEN:
        return NOT_RECORDED
    if code == "CHNE":
        return "Asian"
    return _MAJOR.get(code[:1], NOT_RECORDED)


def ethnicity(code: str) -> str:
    return NOT_RECORDED if code in _NOT_GIVEN else code


def sex(code: str) -> str:
    return code if code in ("F", "M") else NOT_RECORDED


def age_band(born: dt.date | None, on: dt.date) -> str:
    """The children in need census age band on a day; adults are outside the population."""
    if born is None or born > on:
        return NOT_RECORDED
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    if age >= 18:
        return NOT_RECORDED
    return next(label for upper, label in AGE_BANDS if age < upper)


def disability(recorded: str) -> str:
    """A blank disability field means none is recorded: the child counts as not disabled,
    as in the children in need census."""
    return "yes" if recorded.strip() else "no"


def group_of(
    characteristic: str,
    *,
    code: str,
    sex_code: str,
    born: dt.date | None,
    disability_text: str,
    on: dt.date,
) -> str:
    if characteristic == "ethnic_group":
        return ethnic_group(code)
    if characteristic == "ethnicity":
        return ethnicity(code)
    if characteristic == "sex":
        return sex(sex_code)
    if characteristic == "age_band":
        return age_band(born, on)
    if characteristic == "disability":
        return disability(disability_text)
    raise ValueError(f"unknown characteristic {characteristic!r}")
