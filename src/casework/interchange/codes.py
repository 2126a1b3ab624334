"""The code lists of the three returns, and how their codes become event details."""

from __future__ import annotations

import re

from casework.interchange.errors import Why
from casework.interchange.values import Unreadable, code, strip_prefix


def _set(codes: str) -> frozenset[str]:
    return frozenset(codes.split())


# Sources of referrals and contacts (CIN census; Annex A lists 1 and 3).
REFERRAL_SOURCES = _set("1A 1B 1C 1D 2A 2B 3A 3B 3C 3D 3E 3F 4 5A 5B 5C 5D 6 7 8 9 10")
NEED_CODES = frozenset(f"N{i}" for i in range(10))
CLOSURE_REASONS = frozenset(f"RC{i}" for i in range(1, 10))
DISABILITIES = _set("NONE MOB HAND PC INC COMM LD HEAR VIS BEH CON AUT DDA")

# Categories of abuse: CIN census codes, and Annex A's words.
ABUSE = {
    "NEG": "neglect",
    "PHY": "physical",
    "EMO": "emotional",
    "SAB": "sexual",
    "MUL": "multiple",
}
_ABUSE_WORDS = {
    "neglect": "neglect",
    "physical abuse": "physical",
    "physical": "physical",
    "emotional abuse": "emotional",
    "emotional": "emotional",
    "sexual abuse": "sexual",
    "sexual": "sexual",
    "multiple": "multiple",
    "multiple/not recommended": "multiple",
    "mixed": "multiple",
}


def abuse_category(text: str) -> str:
    """The vocabulary's category (neglect, physical...) of a code or Annex A answer."""
    found = ABUSE.get(code(text))
    if found:
        return found
    word = _ABUSE_WORDS.get(strip_prefix(text).strip().lower())
    if word:
        return word
    raise Unreadable(Why.UNKNOWN_CODE)


# SSDA903.
RNE = _set("S P T L U B")
PLACEMENT_RNE = _set("P T B S")  # a new placement starts (the mapping's rule)
PROVIDERS = frozenset(f"PR{i}" for i in range(6))
REVIEW_CODES = frozenset(f"PN{i}" for i in range(8))
ENDINGS = _set("E11 E12 E13 E14 E15 E16 E17 E2 E3 E4A E4B E41 E45 E46 E47 E48 E5 E6 E7 E8 E9")
EPISODE_CONTINUES = "X1"
MISSING = {"M": "missing", "A": "away"}
ADOPTION_REVERSED = _set("RD1 RD2 RD3 RD4")
ADOPTION_PLACEMENTS = _set("A3 A4 A5 A6")

# Care leavers (SSDA903 OC3, Annex A list 9).
IN_TOUCH = {
    "YES": "yes",
    "Y": "yes",
    "NO": "no",
    "N": "no",
    "REFU": "no",
    "DIED": "",
    "NREQ": "",
    "RHOM": "",
}
ACTIVITY = {
    "F1": "education",
    "P1": "education",
    "F2": "education",
    "P2": "education",
    "F3": "employment",
    "P3": "employment",
    "F5": "employment",
    "P5": "employment",
    "F4": "training",
    "P4": "training",
    "G1": "neet",
    "G2": "neet",
    "G3": "neet",
    "G4": "neet",
    "G5": "neet",
    "G6": "neet",
}
SUITABLE = {"SUITABLE": "yes", "UNSUITABLE": "no", "1": "yes", "2": "no"}

_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")


def postcode(text: str) -> str:
    """A UK postcode in capitals with one space before the last three characters."""
    body = " ".join(text.upper().split())
    if not _POSTCODE.match(body):
        raise Unreadable(Why.BAD_POSTCODE)
    compact = body.replace(" ", "")
    return f"{compact[:-3]} {compact[-3:]}"
