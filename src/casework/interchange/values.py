"""Reading single values the way councils' files write them.

Text is cleaned of non-breaking and zero-width spaces and runs of spaces; coded answers
lose their list prefix (`a) WBRI` is `WBRI`, `k) E47: Special guardianship` is `E47`); dates
may be ISO, DD/MM/YYYY, an Excel serial number or a real date cell. A value that cannot be
read raises `Unreadable` with the reason from `Why`.
"""

from __future__ import annotations

import datetime as dt
import re

from casework.interchange.errors import Why


class Unreadable(ValueError):
    """A value that cannot be read; the message is one of the `Why` reasons."""


_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000\t\r\n\v\f"), " ")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\x00"), None)
_TRANSLATE = {**_SPACES, **_INVISIBLE}

EXCEL_ERRORS = frozenset(
    {
        "#N/A",
        "#N/A N/A",
        "#NA",
        "#REF!",
        "#VALUE!",
        "#DIV/0!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
    }
)
# Written for "nothing" by database extracts and by hand.
_BLANKS = frozenset({"null", "none", "n/a", "-", "--", "nan", "nat"})


def clean(value: object) -> str:
    """The text of a cell: spaces normalised, numbers without a spurious `.0`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:
            return ""
        if value in (float("inf"), float("-inf")):
            return repr(value)  # not blank: a value that cannot be used, for the report
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).translate(_TRANSLATE)
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        text = " ".join(text.split())
    return text


def is_blank(text: str) -> bool:
    return not text or text.lower() in _BLANKS


def is_excel_error(text: str) -> bool:
    return text.upper() in EXCEL_ERRORS


_PREFIX = re.compile(r"^\(?[a-z]{1,2}\d?\)\s*", re.IGNORECASE)
# A code ends at a colon or at a spaced hyphen, en dash or em dash.
_CODE_SPLIT = re.compile(r"\s*(?::|\s[-\u2013\u2014]\s)\s*")
_CODE = re.compile(r"^[A-Za-z0-9]{1,8}$")


def strip_prefix(text: str) -> str:
    """`a) Male` -> `Male`; text without a list prefix is returned as it is."""
    return _PREFIX.sub("", text, count=1)


def code(text: str) -> str:
    """The code of a coded answer: `a) WBRI` -> `WBRI`, `N1 - Abuse or neglect` -> `N1`,
    `q) 6: Police` -> `6`. Text with no code in front is returned without its prefix."""
    body = strip_prefix(text)
    head = _CODE_SPLIT.split(body, maxsplit=1)[0]
    if head != body and _CODE.match(head):
        return head.upper()
    if _CODE.match(body):
        return body.upper()
    return body


# --- dates ------------------------------------------------------------------------

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MIN = dt.date(1900, 1, 1)
_MAX = dt.date(2100, 12, 31)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?$")
_DMY2 = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$")
_PARTIAL = re.compile(
    r"^[zZxX?]{1,2}[/.-]([\dzZxX?]{1,2})[/.-]\d{4}$|^\d{1,2}[/.-][zZxX?]{2}[/.-]\d{4}$"
)
_YMD = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{1,7}(?:\.\d+)?$")
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_WORDY = re.compile(r"^(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*[ -](\d{4})$")


def _checked(day: dt.date) -> dt.date:
    if not _MIN <= day <= _MAX:
        raise Unreadable(Why.DATE_OUT_OF_RANGE)
    return day


def _make(year: int, month: int, day: int) -> dt.date:
    try:
        made = dt.date(year, month, day)
    except ValueError:
        if not _MIN.year <= year <= _MAX.year:
            raise Unreadable(Why.DATE_OUT_OF_RANGE) from None
        raise Unreadable(Why.NOT_A_DATE) from None
    return _checked(made)


def excel_serial(number: float) -> dt.date:
    """An Excel (1900 system) serial day number as a date."""
    if not 1 <= number < 2958466:
        raise Unreadable(Why.DATE_OUT_OF_RANGE)
    days = int(number)
    if days < 61:  # Excel counts a 29 February 1900 that never was
        days += 1
    return _checked(_EXCEL_EPOCH + dt.timedelta(days=days))


def to_date(value: object) -> dt.date | None:
    """A date from a cell or a string; None when blank. Raises Unreadable."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return _checked(value.date())
    if isinstance(value, dt.date):
        return _checked(value)
    if isinstance(value, bool):
        raise Unreadable(Why.NOT_A_DATE)
    if isinstance(value, int | float):
        if value != value:
            return None
        return excel_serial(float(value))
    text = clean(value)
    if is_blank(text):
        return None
    if is_excel_error(text):
        raise Unreadable(Why.EXCEL_ERROR)
    if m := _ISO.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.match(text):
        return _make(int(m[3]), int(m[2]), int(m[1]))
    if m := _YMD.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if _SERIAL.match(text):
        return excel_serial(float(text))
    if m := _WORDY.match(text):
        month = _MONTHS.get(m[2].lower())
        if month is not None:
            return _make(int(m[3]), month, int(m[1]))
    if _DMY2.match(text):
        raise Unreadable(Why.TWO_DIGIT_YEAR)
    if _PARTIAL.match(text):
        raise Unreadable(Why.PARTIAL_DATE)
    raise Unreadable(Why.NOT_A_DATE)


# --- coded answers ------------------------------------------------------------------

_YES = frozenset({"yes", "y", "true", "1", "t"})
_NO = frozenset({"no", "n", "false", "0", "f"})
_UNKNOWN = frozenset({"unknown", "not known", "u", "c) unknown", "don't know", "not recorded"})


def to_yes_no(text: str) -> str:
    """'yes', 'no', or '' for blank or unknown. Raises Unreadable."""
    body = strip_prefix(text).strip().lower()
    if is_blank(body) or body in _UNKNOWN:
        return ""
    if body in _YES:
        return "yes"
    if body in _NO:
        return "no"
    raise Unreadable(Why.NOT_YES_NO)


_SEX = {
    "1": "M",
    "m": "M",
    "male": "M",
    "boy": "M",
    "2": "F",
    "f": "F",
    "female": "F",
    "girl": "F",
    "0": "U",
    "9": "U",
    "u": "U",
    "unknown": "U",
    "not known": "U",
    "not stated": "U",
    "not recorded": "U",
    "not specified": "U",
    "not stated/recorded": "U",
    "i": "I",
    "indeterminate": "I",
    "neither": "I",
}


def to_sex(text: str) -> str:
    """M, F, U (not known or not stated) or I (indeterminate, neither). Raises Unreadable."""
    body = strip_prefix(text).strip().lower()
    if is_blank(body):
        return ""
    found = _SEX.get(body)
    if found is None:
        raise Unreadable(Why.UNKNOWN_CODE)
    return found


ETHNICITIES = {
    "WBRI": "White British",
    "WIRI": "White Irish",
    "WIRT": "Traveller of Irish heritage",
    "WOTH": "Any other White background",
    "WROM": "Gypsy/Roma",
    "MWBC": "White and Black Caribbean",
    "MWBA": "White and Black African",
    "MWAS": "White and Asian",
    "MOTH": "Any other mixed background",
    "AIND": "Indian",
    "APKN": "Pakistani",
    "ABAN": "Bangladeshi",
    "AOTH": "Any other Asian background",
    "BCRB": "Caribbean",
    "BAFR": "African",
    "BOTH": "Any other Black background",
    "CHNE": "Chinese",
    "OOTH": "Any other ethnic group",
    "REFU": "Refused",
    "NOBT": "Information not yet obtained",
}
_ETHNICITY_NAMES = {name.lower(): c for c, name in ETHNICITIES.items()}


def to_ethnicity(text: str) -> str:
    """The DfE ethnicity code (WBRI...), from a code or its name. Raises Unreadable."""
    if is_blank(text):
        return ""
    found = code(text)
    if found in ETHNICITIES:
        return found
    named = _ETHNICITY_NAMES.get(strip_prefix(text).strip().lower())
    if named is not None:
        return named
    raise Unreadable(Why.UNKNOWN_CODE)


def to_code(text: str, allowed: frozenset[str] | None = None) -> str:
    """A coded answer, checked against the allowed codes when given. Raises Unreadable."""
    if is_blank(text):
        return ""
    found = code(text)
    if allowed is not None and found.upper() not in allowed:
        raise Unreadable(Why.UNKNOWN_CODE)
    return found.upper() if allowed is not None else found
