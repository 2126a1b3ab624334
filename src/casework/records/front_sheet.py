"""The fields of the front sheet that can be changed from the browser, and how each is
shown: the same words on the form, on the record and in its history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from casework.records.models import Ethnicity, LegalStatus, Person, Sex


@dataclass(frozen=True)
class FrontSheet:
    """The key information about a child, as entered on the form."""

    given_name: str
    family_name: str
    date_of_birth: dt.date
    sex: str
    ethnicity: str
    first_language: str
    interpreter_needed: bool
    disability: str
    uasc: bool
    address: str
    postcode: str
    gp: str
    school: str
    legal_status: str

    @classmethod
    def of(cls, person: Person) -> FrontSheet:
        """The front sheet as it stands on the record."""
        assert person.date_of_birth is not None
        return cls(**{f.name: getattr(person, f.name) for f in fields(cls)})


LABELS = {
    "given_name": "Given names",
    "family_name": "Family name",
    "date_of_birth": "Date of birth",
    "sex": "Sex",
    "ethnicity": "Ethnicity",
    "first_language": "First language",
    "interpreter_needed": "Needs an interpreter",
    "disability": "Disability",
    "uasc": "Unaccompanied asylum seeker",
    "address": "Address",
    "postcode": "Postcode",
    "gp": "GP",
    "school": "School",
    "legal_status": "Legal status",
}
FIELD_NAMES = tuple(f.name for f in fields(FrontSheet))
assert set(LABELS) == set(FIELD_NAMES)

_CHOICES: dict[str, dict[str, str]] = {
    "sex": dict(Sex.choices),
    "ethnicity": dict(Ethnicity.choices),
    "legal_status": dict(LegalStatus.choices),
}


def shown(name: str, value: object) -> str:
    """A value in the words the record uses ("White British", "Yes", "3 March 2015")."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    if name in _CHOICES:
        return _CHOICES[name].get(str(value), str(value))
    return str(value)


def differences(before: FrontSheet, after: FrontSheet) -> list[str]:
    """The names of the fields that differ, in the front sheet's order."""
    return [n for n in FIELD_NAMES if getattr(before, n) != getattr(after, n)]
